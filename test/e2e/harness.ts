import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { startDemoServer } from '../../demo/server.mjs';
import { interceptGoogle, type GoogleLog } from './stand-in';

/** The measurement ID the pages use in these tests; its gtag.js comes from Google's (intercepted) host. */
export const GA_ID = 'G-E2ETEST1';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Test host names resolve to this machine, so cookies on parent domains are real.
  '--host-resolver-rules=MAP *.example.test 127.0.0.1',
];

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: inject('chromium'), args: FLAGS });

type Server = Awaited<ReturnType<typeof startDemoServer>>;

/** The demo site and the fixtures, served on localhost with GA pointed at Google's (intercepted) hosts. */
export const serve = (headers?: (path: string) => Record<string, string>): Promise<Server> =>
  startDemoServer({ gaId: GA_ID, fixtures: true, headers });

/** For a test file: one browser and one site, started before its tests and closed after them. */
export const useBrowserAndSite = (headers?: (path: string) => Record<string, string>) => {
  const env = {} as { browser: Browser; server: Server };
  beforeAll(async () => {
    [env.browser, env.server] = await Promise.all([launch(), serve(headers)]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
};

/** A new browser profile with Google intercepted, page errors and CSP violations collected. */
export const openContext = async (browser: Browser, options: { blockTags?: boolean; gpc?: boolean } = {}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const google = await interceptGoogle(context, options);
  const errors: string[] = [];
  if (options.gpc)
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI)),
  );
  const track = (page: Page) => {
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() == 'error' && /CSP violation|Refused/.test(m.text()) && errors.push(m.text()));
  };
  context.on('page', track);
  return { context, google, errors };
};

export type Opened = { context: BrowserContext; google: GoogleLog; errors: string[] };

/** Origin of the test site as a visitor sees it. */
export const site = (server: Server, host = 'www.shop.example.test') => `http://${host}:${server.port}`;

/** Evaluate in the page: the GA flag, whether gtag.js is in the page, the stand-in's hits. */
export const gaState = (page: Page) =>
  page.evaluate((id) => {
    const w = window as unknown as Record<string, unknown> & { gtagStandIn?: { hits: unknown[]; cookieWrites: number } };
    return {
      disabled: w['ga-disable-' + id],
      scripts: Array.from(document.scripts).filter((s) => s.src.includes('gtag/js')).length,
      hits: w.gtagStandIn ? w.gtagStandIn.hits.length : 0,
      cookieWrites: w.gtagStandIn ? w.gtagStandIn.cookieWrites : 0,
    };
  }, GA_ID);

/** Click a button of the notice (or, with `where = 'dialog'`, of the preferences) by its text. */
export const clickUi = (page: Page, text: string, where: '.n' | 'dialog' = '.n') =>
  page.locator('consent-gate ' + where).getByRole('button', { name: text, exact: true }).click();

/** Names, domains and paths of the cookies the browser holds, as `name domain path`. */
export const cookieJar = async (context: BrowserContext) =>
  (await context.cookies()).map((c) => `${c.name} ${c.domain} ${c.path}`).sort();

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
