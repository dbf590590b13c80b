// Groups 6-7: a strict CSP; tampered, oversized or blocked cookies; gtag.js blocked; the script twice.
import { describe, expect, it } from 'vitest';
import { clickUi, gaState, openContext, site, sleep, useBrowserAndSite } from './harness';

const STRICT = "script-src 'self' https://www.googletagmanager.com; style-src 'self'";
const ENCODING: Record<string, string> = { '/fixtures/encoding-shift_jis.html': 'shift_jis', '/fixtures/encoding-windows-1252.html': 'windows-1252' };
const CSP: Record<string, string> = {
  '/fixtures/csp.html': STRICT,
  '/fixtures/tags.html': "script-src 'self' 'nonce-r4nd0m' https://www.googletagmanager.com; style-src 'self'",
};

const env = useBrowserAndSite((path): Record<string, string> =>
  CSP[path] ? { 'content-security-policy': CSP[path] } : ENCODING[path] ? { 'content-type': 'text/html; charset=' + ENCODING[path] } : {},
);

describe('6. strict Content-Security-Policy', () => {
  it(`works and is styled under ${STRICT}, with no violation`, async () => {
    const { context, google, errors } = await openContext(env.browser);
    const page = await context.newPage();
    const response = await page.goto(site(env.server) + '/fixtures/csp.html');
    expect(response!.headers()['content-security-policy']).toBe(STRICT);
    const notice = page.locator('consent-gate .n');
    await notice.waitFor();
    const style = await notice.evaluate((n) => {
      const s = getComputedStyle(n);
      return { position: s.position, background: s.backgroundColor, bottom: s.bottom };
    });
    expect(style).toEqual({ position: 'fixed', background: 'rgb(255, 255, 255)', bottom: '0px' });
    await page.locator('footer [data-consent-open]').click();
    expect(await page.locator('consent-gate dialog').evaluate((d) => getComputedStyle(d).borderRadius)).toBe('8px');
    await clickUi(page, 'Accept all', 'dialog');
    await expect.poll(() => google.hits.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs gated tags once, in order, with their nonce, after consent', async () => {
    const { context, errors } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/fixtures/tags.html');
    await sleep(200);
    expect(await page.evaluate(() => (window as any).ran)).toBeUndefined();
    await clickUi(page, 'Accept all');
    await expect.poll(() => page.evaluate(() => (window as any).ran)).toEqual(['inline-1', 'external', 'inline-2']);
    await page.evaluate(() => (window as any).ConsentGate.acceptAll());
    await sleep(200);
    expect(await page.evaluate(() => (window as any).ran)).toHaveLength(3);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the script tag', () => {
  it('takes window.consentGateConfig, overridden by its attributes, and loads its language from beside it', async () => {
    const { context, google, errors } = await openContext(env.browser);
    const page = await context.newPage();
    const langs: string[] = [];
    page.on('request', (r) => r.url().includes('/lang/') && langs.push(new URL(r.url()).pathname));
    await page.goto(site(env.server) + '/fixtures/configured.html');
    const notice = page.locator('consent-gate .n');
    await notice.getByRole('button', { name: 'Alle ablehnen' }).waitFor();
    expect(langs).toEqual(['/js/lang/de.json']);
    expect(await notice.getByRole('button', { name: 'Ja, gerne' }).count()).toBe(1);
    expect(await page.locator('consent-gate').getAttribute('data-theme')).toBe('dark');
    expect(await page.evaluate(() => (window as any).ConsentGate.version)).toMatch(/^\d+\.\d+\.\d+/);
    await notice.getByRole('button', { name: 'Ja, gerne' }).click();
    await expect.poll(() => google.hits.length).toBeGreaterThan(0);
    expect((await context.cookies()).map((c) => c.name)).toContain('site_consent');
    // The floating button comes with the preferences, loaded once the notice is hidden.
    await page.locator('consent-gate .f').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the preferences file, loaded beside the script', () => {
  const PREFERENCES = '/js/consent-gate.preferences.min.js';
  const track = (page: import('playwright').Page) => {
    const loaded: string[] = [];
    page.on('request', (r) => r.url().includes('preferences') && loaded.push(new URL(r.url()).pathname));
    return loaded;
  };

  it('is not fetched with the notice: a visitor who decides in it never downloads it', async () => {
    const { context, errors } = await openContext(env.browser);
    const page = await context.newPage();
    const loaded = track(page);
    await page.goto(site(env.server) + '/fixtures/plain.html');
    await page.locator('consent-gate .n').waitFor();
    await sleep(500);
    expect(loaded).toEqual([]);
    await clickUi(page, 'Accept all');
    await sleep(500);
    expect(loaded).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is fetched on intent: the pointer over "Customize", or the keyboard focus on a "Cookie settings" link, then opens at once', async () => {
    const { context, errors } = await openContext(env.browser);
    const page = await context.newPage();
    const loaded = track(page);
    await page.goto(site(env.server) + '/fixtures/plain.html');
    const customize = page.locator('consent-gate .n').getByRole('button', { name: 'Customize' });
    await customize.waitFor();
    await customize.hover();
    await expect.poll(() => loaded).toEqual([PREFERENCES]);
    await customize.click();
    await page.locator('consent-gate dialog').waitFor();
    expect(loaded).toEqual([PREFERENCES]);
    // Another visitor, by keyboard: focus reaching the page's link is enough.
    const next = await context.browser()!.newContext();
    const other = await next.newPage();
    const loadedToo = track(other);
    await other.goto(site(env.server) + '/fixtures/plain.html');
    await other.locator('consent-gate .n').waitFor();
    await other.locator('p > [data-consent-open]').focus();
    await expect.poll(() => loadedToo).toEqual([PREFERENCES]);
    await next.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is not fetched on the pages of a visitor who decided (without a floating button), until the preferences are opened', async () => {
    const { context, errors } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/fixtures/plain.html');
    await clickUi(page, 'Reject all');
    const loaded = track(page);
    await page.reload();
    await sleep(500);
    expect(loaded).toEqual([]);
    await page.locator('p > [data-consent-open]').click();
    await page.locator('consent-gate dialog').waitFor();
    expect(loaded).toEqual([PREFERENCES]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('brings the floating button, fetched while the page is idle once the notice is hidden', async () => {
    const { context, errors } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/');
    await clickUi(page, 'Reject all');
    // On this page too, once the notice is hidden.
    await page.locator('consent-gate .f').waitFor();
    const loaded = track(page);
    await page.goto(site(env.server) + '/product.html');
    await page.locator('consent-gate .f').waitFor();
    expect(loaded).toEqual([PREFERENCES]);
    await page.locator('consent-gate .f').click();
    await page.locator('consent-gate dialog').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  // Missing or blocked, or answered with something else (the HTML page a single-page app's host serves).
  const failures: [string, (route: import('playwright').Route) => Promise<void>][] = [
    ['it cannot be loaded', (route) => route.abort('blockedbyclient')],
    ["the server answers with its HTML page instead (a single-page app's fallback)", (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Shop</title><h1>Shop</h1>' })],
  ];
  for (const [when, fail] of failures)
    it(`when ${when}, "Cookie settings" shows the notice instead, so the visitor can still decide`, async () => {
      const { context, errors } = await openContext(env.browser);
      await context.route('**/consent-gate.preferences.min.js', fail);
      const page = await context.newPage();
      const logged: string[] = [];
      page.on('console', (m) => m.type() == 'error' && logged.push(m.text()));
      await page.goto(site(env.server) + '/');
      await clickUi(page, 'Accept all');
      await page.locator('footer [data-consent-open]').click();
      await page.locator('consent-gate .n').waitFor({ timeout: 3000 });
      // Once: for the click; the load on intent, as the pointer came over the link, failed silently.
      expect(logged.filter((m) => m.startsWith('consent-gate:'))).toEqual(['consent-gate: preferences not loaded']);
      await clickUi(page, 'Reject all');
      expect(await page.evaluate(() => (window as any).ConsentGate.getConsent().categories.analytics)).toBe(false); // eslint-disable-line @typescript-eslint/no-explicit-any
      // The failed load at idle, while the notice showed, is no page error either (an HTML page run as a script is the server's).
      if (fail == failures[0][1]) expect(errors).toEqual([]);
      await context.close();
    });
});

describe('pages in other encodings', () => {
  for (const charset of ['shift_jis', 'windows-1252'])
    it(`shows the texts right on a ${charset} page that serves the script without a charset`, async () => {
      const { context, errors } = await openContext(env.browser);
      const page = await context.newPage();
      const response = await page.goto(site(env.server) + `/fixtures/encoding-${charset}.html`);
      expect(response!.headers()['content-type']).toBe('text/html; charset=' + charset);
      expect(await page.evaluate(() => document.characterSet.toLowerCase())).toBe(charset);
      await clickUi(page, 'Customize');
      const dialog = page.locator('consent-gate dialog');
      await dialog.waitFor();
      expect(await dialog.getByRole('button', { name: 'Close' }).textContent()).toBe('\u00d7');
      expect(await dialog.locator('p', { hasText: 'Google Analytics opt-out add-on' }).textContent()).toContain('browser\u2019s');
      expect(errors).toEqual([]);
      await context.close();
    });
});

describe('7. bad input and hostile conditions', () => {
  it.each([
    ['tampered', '1.0123456789abcdef.t4f8kq.1.a9.b'],
    ['truncated', '1.0123456789abcdef.t4f8'],
    ['4 KB', 'a1'.repeat(2000)],
  ])('a %s consent cookie: no page error, no GA, the notice asks again', async (_, value) => {
    const { context, google, errors } = await openContext(env.browser);
    await context.addCookies([{ name: 'cg_consent', value, url: site(env.server) + '/' }]);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/');
    await page.locator('consent-gate .n').waitFor();
    await sleep(200);
    expect(errors).toEqual([]);
    expect(google.requests).toEqual([]);
    expect(await gaState(page)).toMatchObject({ disabled: true, scripts: 0 });
    expect(await page.evaluate(() => (window as any).ConsentGate.getConsent())).toBeNull();
    await context.close();
  });

  it('cookies blocked entirely (a sandboxed frame, where document.cookie throws): no page error, no GA', async () => {
    const { context, google, errors } = await openContext(env.browser);
    const page = await context.newPage();
    const frameErrors: string[] = [];
    page.on('console', (m) => m.type() == 'error' && frameErrors.push(m.text()));
    await page.goto(site(env.server) + '/fixtures/sandboxed.html');
    const frame = page.frames().find((f) => f.url().endsWith('/fixtures/plain.html'))!;
    await frame.locator('consent-gate .n').waitFor();
    expect(await frame.evaluate(() => { try { return document.cookie; } catch (e) { return (e as Error).name; } })).toBe('SecurityError');
    expect(await frame.evaluate(() => (window as any).ConsentGate.getConsent())).toBeNull();
    await sleep(200);
    expect(google.requests).toEqual([]);
    // Rejecting works for the page, from memory.
    await frame.locator('consent-gate .n').getByRole('button', { name: 'Reject all' }).click();
    expect(await frame.evaluate(() => (window as any).ConsentGate.getConsent().categories.analytics)).toBe(false);
    expect(errors).toEqual([]);
    expect(frameErrors).toEqual([]);
    await context.close();
  });

  it.each([
    ['gtag.js', '/', /\/gtag\/js\?id=G-/, 0],
    ["the Tag Manager container", '/fixtures/gtm.html', /\/gtm\.js\?id=GTM-E2ETEST1$/, 1],
  ])('%s blocked (ad blocker): no page error, the decision kept, consent-gate:ga-error fired with its URL, and tried again at the next grant', async (_, path, src, gtmEvents) => {
    const { context, google, errors } = await openContext(env.browser, { blockTags: true });
    const page = await context.newPage();
    await page.goto(site(env.server) + path);
    const failed = () => page.evaluate(() => (window as any).gaErrors as string[]); // eslint-disable-line @typescript-eslint/no-explicit-any
    await page.evaluate(() => window.addEventListener('consent-gate:ga-error', (e) => ((window as any).gaErrors ||= []).push(e.detail.src))); // eslint-disable-line @typescript-eslint/no-explicit-any
    await clickUi(page, 'Accept all');
    await expect.poll(failed).toHaveLength(1);
    expect((await failed())[0]).toMatch(src);
    expect(google.requests.filter((u) => src.test(u))).toHaveLength(1);
    expect(errors).toEqual([]);
    // A withdrawal, then a new grant: the failed script was taken out, so it is asked for again.
    await page.evaluate(() => (window as any).ConsentGate.rejectAll()); // eslint-disable-line @typescript-eslint/no-explicit-any
    await page.evaluate(() => (window as any).ConsentGate.acceptAll()); // eslint-disable-line @typescript-eslint/no-explicit-any
    await expect.poll(failed).toHaveLength(2);
    expect(google.requests.filter((u) => src.test(u))).toHaveLength(2);
    // The container still finds the one gtm.js event it never read.
    expect(await page.evaluate(() => (window as any).dataLayer.filter((e: { event?: string }) => e.event == 'gtm.js').length)).toBe(gtmEvents); // eslint-disable-line @typescript-eslint/no-explicit-any
    await page.reload();
    expect(await page.evaluate(() => (window as any).ConsentGate.getConsent().categories.analytics)).toBe(true); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(await page.locator('consent-gate .n').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the script included twice: one instance, one notice, gtag.js at most once', async () => {
    const { context, google, errors } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/fixtures/twice.html');
    await page.locator('consent-gate .n').waitFor();
    await sleep(200);
    expect(await page.locator('consent-gate').count()).toBe(1);
    await clickUi(page, 'Accept all');
    await expect.poll(() => google.hits.length).toBeGreaterThan(0);
    expect(google.gtag).toHaveLength(1);
    expect(await gaState(page)).toMatchObject({ scripts: 1 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a bad attribute logs one clear error naming it, and the page keeps working without GA (an unknown mode is opt-in: the notice asks)', async () => {
    const { context, google, errors } = await openContext(env.browser);
    const page = await context.newPage();
    const logged: string[] = [];
    page.on('console', (m) => m.type() == 'error' && logged.push(m.text()));
    await page.goto(site(env.server) + '/fixtures/bad.html');
    await page.locator('consent-gate .n').waitFor();
    expect(logged).toHaveLength(3);
    expect(logged[0]).toBe('consent-gate: invalid mode: US (attribute data-mode); left out.');
    expect(logged[1]).toMatch(/^consent-gate: invalid gaId: .* \(attribute data-ga-id\); left out\.$/);
    expect(logged[2]).toMatch(/^consent-gate: invalid revision: NaN \(attribute data-revision\); left out\.$/);
    await clickUi(page, 'Accept all');
    await sleep(300);
    expect(google.requests).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
