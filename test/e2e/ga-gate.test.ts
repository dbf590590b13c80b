// Groups 1-5: nothing reaches Google before consent; accept; opt-out; delete on request; every open tab.
import { describe, expect, it } from 'vitest';
import { clickUi, cookieJar, gaState, GA_ID, openContext, site, sleep, useBrowserAndSite } from './harness';

const env = useBrowserAndSite();

const ANALYTICS = /^(_ga|_gid|_gat|__utm)/;

describe('1. nothing reaches Google', () => {
  it('before a choice: no request, ga-disable set, the notice shown', async () => {
    const { context, google, errors } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/');
    await page.locator('consent-gate').getByRole('button', { name: 'Accept all' }).waitFor();
    await page.goto(site(env.server) + '/product.html');
    await sleep(300);
    expect(google.requests).toEqual([]);
    expect(await gaState(page)).toMatchObject({ disabled: true, scripts: 0 });
    expect(await page.evaluate(() => 'dataLayer' in window)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after Reject, on this page and the next', async () => {
    const { context, google } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/');
    await clickUi(page, 'Reject all');
    await page.goto(site(env.server) + '/product.html');
    await sleep(300);
    expect(google.requests).toEqual([]);
    expect(await gaState(page)).toMatchObject({ disabled: true, scripts: 0 });
    expect(await page.locator('consent-gate .n').isVisible()).toBe(false);
    await context.close();
  });

  it('under Global Privacy Control, without a notice', async () => {
    const { context, google } = await openContext(env.browser, { gpc: true });
    const page = await context.newPage();
    await page.goto(site(env.server) + '/');
    await sleep(300);
    expect(google.requests).toEqual([]);
    expect(await gaState(page)).toMatchObject({ disabled: true, scripts: 0 });
    expect(await page.evaluate(() => (window as any).ConsentGate.getConsent().source)).toBe('gpc');
    expect(await page.locator('consent-gate .n').isVisible()).toBe(false);
    await context.close();
  });
});

describe('2. accept', () => {
  it('loads gtag.js once, consent default before config, sends hits, sets _ga on the registrable domain, and is kept', async () => {
    const { context, google, errors } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/');
    await clickUi(page, 'Accept all');
    await expect.poll(() => google.hits.length).toBeGreaterThan(0);
    expect(google.gtag).toEqual([`https://www.googletagmanager.com/gtag/js?id=${GA_ID}`]);
    const order = await page.evaluate(() => (window as any).dataLayer.map((a: IArguments) => [Object.prototype.toString.call(a), a[0], a[1]]));
    expect(order.every(([type]: string[]) => type == '[object Arguments]')).toBe(true);
    const commands = order.map((e: string[]) => e.slice(1).join(' '));
    expect(commands.indexOf('consent default')).toBe(0);
    expect(commands.indexOf('consent default')).toBeLessThan(commands.findIndex((c: string) => c.startsWith('config')));
    expect(google.hits[0].get('tid')).toBe(GA_ID);
    // Accept all granted every category the demo declares, advertising included.
    expect(google.hits[0].get('gcs')).toBe('G111');
    const jar = await cookieJar(context);
    expect(jar).toContain('_ga .example.test /');
    expect(jar).toContain(`_ga_${GA_ID.slice(2)} .example.test /`);
    expect(await gaState(page)).toMatchObject({ disabled: false, scripts: 1 });
    // Proof of consent: the decision, sent once to the demo's log endpoint and stored there.
    const consent = await page.evaluate(() => (window as any).ConsentGate.getConsent());
    await expect.poll(() => env.server.log.lookup(consent.id)).toHaveLength(1);
    expect((await env.server.log.lookup(consent.id))[0]).toMatchObject({ decidedAt: consent.timestamp, source: 'banner', analytics: true, revision: 1, language: 'en', path: '/', notice: expect.stringMatching(/^[0-9a-z]+$/) });

    await page.reload();
    await page.goto(site(env.server) + '/product.html');
    await expect.poll(() => google.gtag.length).toBe(3);
    expect(await gaState(page)).toMatchObject({ disabled: false, scripts: 1 });
    expect(await page.locator('consent-gate .n').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('3. the opt-out toggle', () => {
  it('through data-consent-open stops GA, removes every _ga* copy, and GA stays off on the next page', async () => {
    const { context, google } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/product.html');
    await clickUi(page, 'Accept all');
    await expect.poll(() => google.hits.length).toBeGreaterThan(0);
    // Copies a long-running GA, other tags or older setups leave on other domains and paths.
    const origin = site(env.server);
    await context.addCookies([
      { name: '_ga', value: 'GA1.1.1.1', domain: 'www.shop.example.test', path: '/' },
      { name: '_ga', value: 'GA1.1.2.2', domain: '.shop.example.test', path: '/' },
      { name: '_gid', value: 'GA1.1.3.3', url: origin + '/product.html' },
      { name: '__utmz', value: '1.1', domain: '.example.test', path: '/product.html' },
    ]);
    await page.locator('footer [data-consent-open]').click();
    await page.locator('consent-gate dialog').waitFor();
    await clickUi(page, 'Reject all', 'dialog');
    const hitsBefore = google.hits.length;
    expect(await gaState(page)).toMatchObject({ disabled: true });
    expect((await cookieJar(context)).filter((c) => ANALYTICS.test(c))).toEqual([]);
    // GA asked to send and to write cookies after the opt-out: nothing happens.
    const writes = (await gaState(page)).cookieWrites;
    await page.evaluate(() => (window as any).gtag('event', 'after_opt_out'));
    await sleep(300);
    expect(google.hits.length).toBe(hitsBefore);
    expect((await gaState(page)).cookieWrites).toBe(writes);
    expect((await cookieJar(context)).filter((c) => ANALYTICS.test(c))).toEqual([]);

    const requests = google.requests.length;
    await page.goto(site(env.server) + '/');
    await sleep(300);
    expect(google.requests.length).toBe(requests);
    expect(await gaState(page)).toMatchObject({ disabled: true, scripts: 0 });
    await context.close();
  });
});

describe('4. delete on request', () => {
  it('removes analytics cookies host-only, on parent domains and on sub-paths, and keeps the site’s own', async () => {
    const { context } = await openContext(env.browser);
    const page = await context.newPage();
    const origin = site(env.server);
    await context.addCookies([
      { name: '_ga', value: 'GA1.1.1.1', domain: 'www.shop.example.test', path: '/' },
      { name: '_ga', value: 'GA1.1.2.2', domain: '.example.test', path: '/' },
      { name: '_ga_E2ETEST1', value: 'GS2.1', domain: '.shop.example.test', path: '/' },
      { name: '_gid', value: 'GA1.1.3', url: origin + '/privacy.html' },
      { name: '__utma', value: '1.2.3', domain: '.example.test', path: '/privacy.html' },
      { name: 'basket', value: '3', domain: 'www.shop.example.test', path: '/' },
      { name: 'session', value: 'abc', domain: '.example.test', path: '/' },
    ]);
    await page.goto(origin + '/privacy.html');
    await page.locator('main li [data-consent-open]').click();
    await clickUi(page, 'Delete analytics cookies', 'dialog');
    // Counted by name: _ga (both copies), _ga_E2ETEST1, _gid, __utma.
    await expect.poll(() => page.locator('consent-gate dialog [role=status]').textContent()).toBe('Analytics cookies deleted: 4.');
    expect(await cookieJar(context)).toEqual(['basket www.shop.example.test /', 'session .example.test /']);
    await context.close();
  });
});

describe('5. every open tab', () => {
  it('an opt-out in one tab stops GA in another within one second', async () => {
    const { context, google } = await openContext(env.browser);
    const [a, b] = [await context.newPage(), await context.newPage()];
    await a.goto(site(env.server) + '/');
    await clickUi(a, 'Accept all');
    await b.goto(site(env.server) + '/product.html');
    await expect.poll(async () => (await gaState(b)).hits).toBeGreaterThan(0);
    await a.bringToFront();
    await a.locator('footer [data-consent-open]').click();
    await clickUi(a, 'Reject all', 'dialog');
    // Within a second of the click (BroadcastChannel: in practice a few milliseconds).
    await expect.poll(async () => (await gaState(b)).disabled, { interval: 50, timeout: 1000 }).toBe(true);
    const hits = google.hits.length;
    await b.evaluate(() => (window as any).gtag('event', 'in_other_tab'));
    await sleep(300);
    expect(google.hits.length).toBe(hits);
    expect(await b.evaluate(() => (window as any).ConsentGate.getConsent().categories.analytics)).toBe(false);
    await context.close();
  });
});
