import { chromium } from 'playwright';
import { callSource, driverLog, VIEWPORT, type Key, type Launcher, type Tab } from './adapter';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const KEYS: Record<Key, string> = { Tab: 'Tab', 'Shift+Tab': 'Shift+Tab', Escape: 'Escape', Enter: 'Enter' };

/** Chromium through Playwright. GPC: Chromium has no setting for it, so the signal is defined before page scripts run. */
export const launchChromium: Launcher = async (proxyPort, paths) => {
  const browser = await chromium.launch({
    executablePath: paths.chromium,
    args: [...FLAGS, `--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>'],
  });
  return {
    name: 'chromium',
    version: browser.version(),
    hasGpc: true,
    async profile({ gpc } = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT, ignoreHTTPSErrors: true });
      if (gpc) await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
      return {
        async open(url) {
          const page = await context.newPage();
          const log = driverLog((source) => page.evaluate(source));
          page.on('pageerror', (e) => log.push(e.message));
          page.on('console', (m) => m.type() == 'error' && log.push(m.text()));
          await page.goto(url);
          const tab: Tab = {
            goto: async (to) => void (await page.goto(to)),
            reload: async () => void (await page.reload()),
            run: (fn, ...args) => page.evaluate(callSource(fn, args)),
            clickAt: (x, y) => page.mouse.click(x, y),
            clickSwitch: (name) => page.locator('consent-gate dialog[open]').getByRole('switch', { name, exact: true }).click({ timeout: 5000 }),
            press: (key) => page.keyboard.press(KEYS[key]),
            front: () => page.bringToFront(),
            viewport: (width, height) => page.setViewportSize({ width, height }),
            cookies: async () => (await context.cookies(page.url())).map(({ name, domain, path }) => ({ name, domain, path })),
            errors: log.errors,
          };
          return tab;
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
};
