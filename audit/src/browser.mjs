// @ts-check
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

/** Where Chromium is looked for, after $CHROMIUM_PATH and Playwright's own. */
const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

/** The error the audit exits 2 with when there is no browser. */
export class NoBrowserError extends Error {}

/**
 * The Chromium to audit with: $CHROMIUM_PATH, Playwright's own (where `npx playwright install chromium`
 * put one), else the system's. Throws a {@link NoBrowserError} naming what to install.
 * @returns {string}
 */
export const findChromium = () => {
  let own;
  try {
    own = chromium.executablePath();
  } catch {
    own = undefined;
  }
  const found = [process.env.CHROMIUM_PATH, own, ...SYSTEM].find((path) => path && existsSync(path));
  if (found) return found;
  throw new NoBrowserError(
    'No Chromium found. Install one: Debian or Ubuntu `sudo apt-get install chromium`; elsewhere `npx playwright install chromium`; or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
};

/** Chromium's flags for a headless audit (no sandbox where it runs as root, as in containers and CI). */
export const CHROMIUM_FLAGS = ['--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
