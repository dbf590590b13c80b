import puppeteer, { type ElementHandle, type Page } from 'puppeteer-core';
import { callSource, driverLog, findSwitch, VIEWPORT, type Key, type Launcher, type Tab } from './adapter';

const KEYS: Record<Key, string[]> = { Tab: ['Tab'], 'Shift+Tab': ['Shift', 'Tab'], Escape: ['Escape'], Enter: ['Enter'] };

const press = async (page: Page, key: Key) => {
  const [first, second] = KEYS[key];
  if (!second) return page.keyboard.press(first as never);
  await page.keyboard.down(first as never);
  await page.keyboard.press(second as never);
  await page.keyboard.up(first as never);
};

/**
 * Firefox through its own WebDriver BiDi (puppeteer-core, no geckodriver). GPC is Firefox's real setting
 * (`privacy.globalprivacycontrol.enabled`), a preference of the profile: a GPC profile is a second browser.
 */
export const launchFirefox: Launcher = async (proxyPort, paths) => {
  const start = (gpc: boolean) =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: paths.firefox,
      headless: true,
      acceptInsecureCerts: true,
      defaultViewport: VIEWPORT,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxyPort,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxyPort,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'privacy.globalprivacycontrol.enabled': gpc,
        'privacy.globalprivacycontrol.functionality.enabled': gpc,
      },
    });
  const browsers = { plain: await start(false), gpc: undefined as Awaited<ReturnType<typeof start>> | undefined };
  return {
    name: 'firefox',
    version: await browsers.plain.version(),
    hasGpc: true,
    async profile({ gpc } = {}) {
      const browser = gpc ? (browsers.gpc ??= await start(true)) : browsers.plain;
      const context = await browser.createBrowserContext();
      return {
        async open(url) {
          const page = await context.newPage();
          const log = driverLog((source) => page.evaluate(source));
          // Firefox reports refused cookies ("Cookie … has been rejected for invalid domain") as page errors.
          page.on('pageerror', (e) => log.push(String((e as Error).message ?? e)));
          page.on('console', (m) => m.type() == 'error' && log.push(m.text()));
          await page.goto(url);
          const tab: Tab = {
            goto: async (to) => void (await page.goto(to)),
            reload: async () => void (await page.reload()),
            run: (fn, ...args) => page.evaluate(callSource(fn, args)) as never,
            clickAt: (x, y) => page.mouse.click(x, y),
            async clickSwitch(name) {
              const handle = (await page.evaluateHandle(callSource(findSwitch, [name]))).asElement();
              if (!handle) throw new Error(`no switch "${name}"`);
              await (handle as ElementHandle<Element>).click();
            },
            press: (key) => press(page, key),
            front: () => page.bringToFront(),
            viewport: (width, height) => page.setViewport({ width, height }),
            cookies: async () => (await context.cookies()).filter((c) => cookieMatches(c, page.url())).map(({ name, domain, path }) => ({ name, domain, path })),
            errors: log.errors,
          };
          return tab;
        },
        close: () => context.close(),
      };
    },
    async close() {
      await Promise.all([browsers.plain.close(), browsers.gpc?.close()]);
    },
  };
};

/** Whether a cookie of the jar would be sent to `url` (domain and path match, RFC 6265 §5.1.3-4). */
const cookieMatches = (c: { domain: string; path: string }, url: string) => {
  const { hostname, pathname } = new URL(url);
  const domain = c.domain.replace(/^\./, '');
  const domainOk = c.domain.startsWith('.') ? hostname == domain || hostname.endsWith('.' + domain) : hostname == domain;
  const pathOk = pathname == c.path || (pathname.startsWith(c.path) && (c.path.endsWith('/') || pathname[c.path.length] == '/'));
  return domainOk && pathOk;
};
