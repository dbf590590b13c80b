import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const playwrights = () => {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
};

/**
 * The Chromium to drive: $CHROMIUM_PATH, Playwright's own if installed, a system one, or (as root with
 * apt) Debian's `chromium`, installed now. Otherwise a clear error saying what to install.
 * @returns {string}
 */
export const findChromium = () => {
  const found = [process.env.CHROMIUM_PATH, playwrights(), ...SYSTEM].find((path) => path && existsSync(path));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get install chromium)...");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'The end-to-end tests need Chromium and none was found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
      'elsewhere: `npx playwright install chromium`), or set CHROMIUM_PATH to its executable.',
  );
};
