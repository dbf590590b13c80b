import type { TestProject } from 'vitest/node';
import { findChromium } from './find-chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string;
  }
}

/** Find (or, as root with apt, install) the browser once for the whole end-to-end run. */
export default function setup(project: TestProject) {
  project.provide('chromium', findChromium());
}
