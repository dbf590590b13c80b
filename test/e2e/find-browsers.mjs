import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chromium } from 'playwright';

// Debian's packages for each engine; `npm test` installs the missing ones itself when it runs as root with apt.
const PACKAGES = { chromium: ['chromium'], firefox: ['firefox-esr'], webkit: ['webkit2gtk-driver', 'xvfb'] };

const playwrights = () => {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
};

const first = (paths) => paths.find((path) => path && existsSync(path));

/** MiniBrowser, which WebKitWebDriver starts, lives in the WebKitGTK library folder of the architecture. */
const miniBrowser = () =>
  first(
    ['/usr/lib', '/usr/libexec', '/usr/local/lib']
      .filter((dir) => existsSync(dir))
      .flatMap((dir) => readdirSync(dir).flatMap((sub) => ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0'].map((lib) => `${dir}/${sub}/${lib}/MiniBrowser`)))
      .concat(['/usr/lib/webkit2gtk-4.1/MiniBrowser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser']),
  );

const look = () => {
  const driver = first([process.env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver', '/usr/local/bin/WebKitWebDriver']);
  const browser = miniBrowser();
  const xvfb = first(['/usr/bin/Xvfb', '/usr/local/bin/Xvfb']);
  return {
    chromium: first([process.env.CHROMIUM_PATH, playwrights(), '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']),
    firefox: first([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']),
    webkit: driver && browser && xvfb ? { driver, browser } : undefined,
  };
};

/**
 * The browsers of the three engines: from $CHROMIUM_PATH / $FIREFOX_PATH / $WEBKIT_WEBDRIVER_PATH, the usual
 * system paths, or (as root with apt) Debian's packages installed now. What is still missing is listed
 * with the command that installs it; the caller skips that engine's tests (Chromium's are required).
 * @param {string[]} [engines] the engines to look for (and install): every one by default
 * @returns {{ chromium?: string, firefox?: string, webkit?: { driver: string, browser: string }, missing: { engine: string, install: string }[] }}
 */
export const findBrowsers = (engines = Object.keys(PACKAGES)) => {
  let found = look();
  const absent = () => engines.filter((engine) => !found[engine]);
  if (absent().length && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const packages = absent().flatMap((engine) => PACKAGES[engine]);
    console.log(`Installing Debian packages for the end-to-end tests: ${packages.join(' ')} ...`);
    try {
      execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`, { stdio: 'inherit' });
    } catch {
      console.log('apt-get failed; the engines still missing are listed below.');
    }
    found = look();
  }
  return { ...found, missing: absent().map((engine) => ({ engine, install: `sudo apt-get install ${PACKAGES[engine].join(' ')}` })) };
};

/**
 * Chromium, which every browser test and script needs: its path from `found` (or a new search), or a clear
 * error saying what to install.
 * @returns {string}
 */
export const findChromium = (found = findBrowsers(['chromium'])) => {
  if (found.chromium) return found.chromium;
  throw new Error(
    'The end-to-end tests need Chromium and none was found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
      'elsewhere: `npx playwright install chromium`), or set CHROMIUM_PATH to its executable.',
  );
};
