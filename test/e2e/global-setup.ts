import type { TestProject } from 'vitest/node';
import { findBrowsers, findChromium } from './find-browsers.mjs';
import type { BrowserPaths } from './engines/adapter';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string;
    browsers: Partial<BrowserPaths>;
  }
}

/** Find (or, as root with apt, install) the browsers once for the whole end-to-end run. */
export default function setup(project: TestProject) {
  const found = findBrowsers();
  const chromium = findChromium(found);
  const { missing, ...browsers } = found;
  for (const { engine, install } of missing) console.warn(`\n  ${engine}: not found, its end-to-end tests are SKIPPED. Install it with: ${install}\n`);
  project.provide('chromium', chromium);
  project.provide('browsers', browsers);
}
