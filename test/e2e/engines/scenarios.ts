/**
 * The promise, written once and run in every engine (chromium.test.ts, firefox.test.ts, webkit.test.ts):
 * against the built script tag in the demo shop and the fixtures, served as `www.shop.example.test`
 * through the proxy of network.ts, with Google's hosts answered by the gtag.js and gtm.js stand-ins.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDemoServer } from '../../../demo/server.mjs';
import { GA_ID } from '../harness';
import { startNetwork } from './network';
import { NO_ANSWER, VIEWPORT, type BrowserPaths, type Launcher, type Profile } from './adapter';
import {
  analyticsCookies,
  axeViolations,
  buttonCentre,
  clickPage,
  clickSwitch,
  clickUi,
  configured,
  consent,
  dialogNotes,
  focused,
  gaState,
  language,
  noticeLook,
  noticeShown,
  SITE,
  sleep,
  STRICT,
  switchHit,
  TAB_ROUNDS,
  TRUSTED_TYPES,
  V1,
  type EngineContext,
} from './helpers';
import { tagManagerScenarios } from './tag-manager';
import { declarationScenarios } from './declaration';
import { proofScenarios } from './proof-of-consent';


/** Define every scenario for one engine. */
export const engineScenarios = (name: keyof BrowserPaths, launch: Launcher) => {
  const paths = inject('browsers');
  const env = {} as EngineContext['env'] & { close: () => Promise<void> };
  const profiles: Profile[] = [];
  /** A new profile (fresh cookies; GPC or Google's opt-out add-on as asked) with a first tab on `path` of `site`. */
  const visit = async (path: string, { gpc, addon }: { gpc?: boolean; addon?: boolean } = {}, site = SITE) => {
    env.network.clear();
    env.network.addon = !!addon;
    const profile = await env.engine.profile({ gpc });
    profiles.push(profile);
    return { profile, tab: await profile.open(site + path) };
  };

  // A step a driver did not answer (WebKitWebDriver hangs now and then under load) is given once more, with a
  // new session; the run's last line names every test that passed only so.
  describe.skipIf(!paths[name])(`${name}: the promise`, { retry: { count: 1, condition: new RegExp(NO_ANSWER) } }, () => {
    beforeAll(async () => {
      const server = await startDemoServer({ gaId: GA_ID, fixtures: true, headers: (path: string): Record<string, string> =>
          /^\/fixtures\/(csp|opt-out)\.html$/.test(path)
            ? { 'content-security-policy': STRICT }
            : path == '/fixtures/trusted-types.html'
              ? { 'content-security-policy': TRUSTED_TYPES }
              : path == '/fixtures/gtm-csp.html'
                ? { 'content-security-policy': "script-src 'self' 'nonce-e2e-nonce'; style-src 'self'" }
                : {},
      });
      env.proof = server.log;
      env.network = await startNetwork(server.port);
      env.engine = await launch(env.network.port, paths as BrowserPaths);
      env.close = async () => {
        await env.engine?.close();
        await env.network.close();
        await server.close();
      };
      console.log(`${name}: ${env.engine.version}`);
    });
    afterAll(async () => {
      for (const profile of profiles.splice(0)) await profile.close().catch(() => {});
      await env.close?.();
    });

    it('shows the notice and requests nothing from Google before a choice', async () => {
      const { tab } = await visit('/');
      await expect.poll(() => noticeShown(tab)).toBe(true);
      await tab.goto(SITE + '/product.html');
      await expect.poll(() => noticeShown(tab)).toBe(true);
      await sleep(300);
      expect(env.network.log.google).toEqual([]);
      expect(await gaState(tab)).toMatchObject({ disabled: true, scripts: 0, dataLayer: false });
      expect(await tab.errors()).toEqual([]);
    });

    it('Accept all loads gtag.js once, consent default first, sets _ga on the parent domain; a reload keeps the choice', async () => {
      const { tab } = await visit('/');
      await clickUi(tab, 'Accept all');
      await expect.poll(() => env.network.log.hits.length).toBeGreaterThan(0);
      expect(env.network.log.gtag).toEqual([`https://www.googletagmanager.com/gtag/js?id=${GA_ID}`]);
      const commands = await tab.run(() =>
        ((window as any).dataLayer as IArguments[]).map((a) => Object.prototype.toString.call(a) + ' ' + a[0] + ' ' + (typeof a[1] == 'string' ? a[1] : '')), // eslint-disable-line @typescript-eslint/no-explicit-any
      );
      expect(commands[0]).toBe('[object Arguments] consent default');
      expect(commands.every((c) => c.startsWith('[object Arguments]'))).toBe(true);
      expect(commands.findIndex((c) => c.includes(' config '))).toBeGreaterThan(0);
      expect(env.network.log.hits[0].get('tid')).toBe(GA_ID);
      await expect.poll(() => analyticsCookies(tab)).toEqual(expect.arrayContaining(['_ga .example.test /', `_ga_${GA_ID.slice(2)} .example.test /`]));
      expect(await gaState(tab)).toMatchObject({ disabled: false, scripts: 1 });

      await tab.reload();
      await expect.poll(() => env.network.log.gtag.length).toBe(2);
      expect(await gaState(tab)).toMatchObject({ disabled: false, scripts: 1 });
      expect(await consent(tab)).toMatchObject({ categories: { analytics: true }, source: 'banner' });
      expect(await noticeShown(tab)).toBe(false);
      expect(await tab.errors()).toEqual([]);
    });

    it('the opt-out link and Reject all stop GA and remove every _ga* copy, on this page and the next', async () => {
      const { tab } = await visit('/product.html');
      await clickUi(tab, 'Accept all');
      await expect.poll(async () => (await gaState(tab)).hits).toBeGreaterThan(0);
      // Copies that a long-running GA, other tags or older setups leave on other domains and paths.
      await tab.run(() => {
        for (const c of ['_ga=GA1.1.1.1; path=/', '_ga=GA1.1.2.2; domain=shop.example.test; path=/', '_gid=GA1.1.3.3; path=/product.html', '__utmz=1.1; domain=example.test; path=/product.html'])
          document.cookie = c;
      });
      // The browser may store what a page wrote a moment after the write.
      await expect.poll(async () => (await analyticsCookies(tab)).length).toBeGreaterThanOrEqual(6);
      await clickPage(tab, 'footer [data-consent-open]');
      await clickUi(tab, 'Reject all', 'dialog');
      await expect.poll(async () => (await gaState(tab)).disabled).toBe(true);
      expect(await analyticsCookies(tab)).toEqual([]);
      // GA asked to send after the opt-out: nothing goes out, nothing is written.
      const hits = env.network.log.hits.length;
      await tab.run(() => (window as any).gtag('event', 'after_opt_out')); // eslint-disable-line @typescript-eslint/no-explicit-any
      await sleep(300);
      expect(env.network.log.hits.length).toBe(hits);
      expect(await analyticsCookies(tab)).toEqual([]);

      const requests = env.network.log.google.length;
      await tab.goto(SITE + '/');
      await sleep(300);
      expect(env.network.log.google.length).toBe(requests);
      expect(await gaState(tab)).toMatchObject({ disabled: true, scripts: 0 });
      expect(await tab.errors()).toEqual([]);
    });

    it(`an opt-out (and an opt-in) in one tab reaches a second, hidden tab within one second, ${TAB_ROUNDS} rounds`, async () => {
      const { profile, tab: a } = await visit('/');
      await clickUi(a, 'Accept all');
      const b = await profile.open(SITE + '/product.html');
      await expect.poll(async () => (await gaState(b)).disabled).toBe(false);
      // Tab b reports each change it applies, stamped by its own clock, on a channel of the test's own;
      // tab a collects the reports, so tab b is never read (in WebKit, reading a tab brings it to the front).
      await b.run((id: string) => {
        const report = new BroadcastChannel('e2e-report');
        addEventListener('consent-gate:change', () => report.postMessage({ at: Date.now(), disabled: (window as unknown as Record<string, unknown>)['ga-disable-' + id] }));
      }, GA_ID);
      await a.front();
      await a.run(() => {
        const w = window as unknown as { reports: { at: number; disabled: unknown }[] };
        w.reports = [];
        new BroadcastChannel('e2e-report').onmessage = (e) => w.reports.push(e.data);
      });
      expect(await b.run(() => document.visibilityState)).toBe(name == 'chromium' ? 'visible' : 'hidden');
      await a.front();
      const latencies: number[] = [];
      for (let round = 1; round <= TAB_ROUNDS; round++)
        for (const grant of [false, true]) {
          const at = await a.run((grant: boolean) => {
            (window as unknown as { reports: unknown[] }).reports.length = 0;
            (window as any).ConsentGate[grant ? 'acceptAll' : 'rejectAll'](); // eslint-disable-line @typescript-eslint/no-explicit-any
            return Date.now();
          }, grant);
          const seen = () => a.run((grant: boolean) => (window as unknown as { reports: { at: number; disabled: unknown }[] }).reports.find((r) => r.disabled === !grant)?.at ?? null, grant);
          await expect.poll(seen, { timeout: 1000, message: `round ${round}: the ${grant ? 'opt-in' : 'opt-out'} did not reach the other tab within a second` }).not.toBeNull();
          latencies.push((await seen())! - at);
        }
      latencies.sort((x, y) => x - y);
      console.log(`${name}: cross-tab latency over ${latencies.length} changes: median ${latencies[latencies.length >> 1]} ms, max ${latencies.at(-1)} ms`);
      expect(latencies.at(-1)).toBeLessThan(1000);
      // The other tab ends on the decision the cookie holds.
      await sleep(300);
      expect(await consent(b)).toEqual(await consent(a));
      expect(await a.errors()).toEqual([]);
      expect(await b.errors()).toEqual([]);
    });

    it('the dialog: opened by keyboard, Tab stays inside, Escape closes without a decision, focus back on the opener', async () => {
      const { tab } = await visit('/');
      await expect.poll(() => noticeShown(tab)).toBe(true);
      await tab.run(() => (document.querySelector('footer [data-consent-open]') as HTMLElement).focus());
      await tab.press('Enter');
      await expect.poll(() => focused(tab)).toBe('input ""');
      // The cookie tables' disclosures, drawn a moment after the dialog, are in the order too.
      await expect.poll(() => tab.run(() => document.querySelector('consent-gate')!.shadowRoot!.querySelectorAll('dialog summary').length)).toBe(4);
      const seen = new Set<string>();
      for (let i = 0; i < 13; i++) {
        await tab.press('Tab');
        seen.add(await focused(tab));
      }
      for (let i = 0; i < 13; i++) {
        await tab.press('Shift+Tab');
        seen.add(await focused(tab));
      }
      expect([...seen].sort()).toEqual(
        [
          'button "Accept all"',
          'button "Close"',
          'button "Delete analytics cookies"',
          'button "Reject all"',
          'button "Save choices"',
          'input ""',
          'summary "Cookies used (1)"',
          'summary "Cookies used (2)"',
          'summary "Cookies used (4)"',
        ].sort(),
      );
      await tab.press('Escape');
      await expect.poll(() => tab.run(() => !!document.querySelector('consent-gate')!.shadowRoot!.querySelector('dialog')!.open)).toBe(false);
      expect(await consent(tab)).toBeNull();
      expect(await focused(tab)).toBe('a "Cookie settings"');
      expect(await tab.errors()).toEqual([]);
    });

    it("reserves the notice's space without an error where that space makes the page scroll (the notice then narrower)", async () => {
      const { tab } = await visit('/fixtures/just-fits.html');
      await expect.poll(() => noticeShown(tab)).toBe(true);
      const space = () => tab.run(() => parseFloat(getComputedStyle(document.body).paddingBottom) - (document.querySelector('consent-gate')!.shadowRoot!.querySelector('.n') as HTMLElement).offsetHeight);
      await expect.poll(space).toBe(0);
      // The page scrolls now, and did not before the notice; the notice's size settled, its space follows it.
      expect(await tab.run(() => document.documentElement.scrollHeight > innerHeight && document.querySelector('main')!.offsetHeight < innerHeight)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await space()).toBe(0);
      expect(await tab.errors()).toEqual([]);
    });

    it("keeps the notice's height free under the page, and the page's last link is clickable", async () => {
      const { tab } = await visit('/privacy.html');
      await expect.poll(() => noticeShown(tab)).toBe(true);
      const space = () =>
        tab.run(() => {
          const notice = document.querySelector('consent-gate')!.shadowRoot!.querySelector('.n') as HTMLElement;
          return { reserved: parseFloat(getComputedStyle(document.body).paddingBottom), notice: notice.offsetHeight, scroll: getComputedStyle(document.documentElement).scrollPaddingBottom };
        });
      // The demo's body has no padding of its own: the whole padding is the reservation.
      await expect.poll(async () => {
        const s = await space();
        return s.reserved - s.notice;
      }).toBe(0);
      expect((await space()).scroll).toBe((await space()).notice + 'px');
      await tab.run(() => {
        const links = document.querySelectorAll('a');
        const last = links[links.length - 1];
        last.addEventListener('click', (e) => {
          e.preventDefault();
          e.stopImmediatePropagation();
          (window as unknown as { lastLinkClicked: boolean }).lastLinkClicked = true;
        }, true);
        scrollTo(0, document.documentElement.scrollHeight);
      });
      const { x, y, noticeTop } = await tab.run(() => {
        const links = document.querySelectorAll('a');
        const box = links[links.length - 1].getBoundingClientRect();
        const noticeTop = document.querySelector('consent-gate')!.shadowRoot!.querySelector('.n')!.getBoundingClientRect().top;
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, noticeTop, bottom: box.bottom };
      });
      expect(y).toBeLessThan(noticeTop);
      await tab.clickAt(x, y);
      await expect.poll(() => tab.run(() => (window as unknown as { lastLinkClicked?: boolean }).lastLinkClicked === true)).toBe(true);
      expect(await consent(tab)).toBeNull();
      expect(await tab.errors()).toEqual([]);
    });

    it(`works under a strict CSP (${STRICT}) with zero violations`, async () => {
      const { tab } = await visit('/fixtures/csp.html');
      await expect.poll(() => noticeShown(tab)).toBe(true);
      const style = await tab.run(() => {
        const s = getComputedStyle(document.querySelector('consent-gate')!.shadowRoot!.querySelector('.n')!);
        return { position: s.position, bottom: s.bottom };
      });
      expect(style).toEqual({ position: 'fixed', bottom: '0px' });
      await clickUi(tab, 'Accept all');
      await expect.poll(() => env.network.log.hits.length).toBeGreaterThan(0);
      expect(await tab.errors()).toEqual([]);
    });

    it(`under Trusted Types (${TRUSTED_TYPES}): a German notice, GA after Accept all, a gated tag, the preferences; zero violations`, async () => {
      const { tab } = await visit('/fixtures/trusted-types.html');
      const de = language('de');
      await expect.poll(async () => (await noticeLook(tab)).buttons).toEqual([de.acceptAll, de.rejectAll, de.customize]);
      await clickUi(tab, de.acceptAll);
      await expect.poll(() => env.network.log.hits.length).toBeGreaterThan(0);
      expect(env.network.log.gtag).toEqual([`https://www.googletagmanager.com/gtag/js?id=${GA_ID}`]);
      await expect.poll(() => tab.run(() => (window as unknown as { ran?: string[] }).ran ?? null)).toEqual(['marketing']);
      await clickPage(tab, 'footer [data-consent-open]');
      await expect.poll(() => tab.run(() => !!document.querySelector('consent-gate')!.shadowRoot!.querySelector('dialog[open]'))).toBe(true);
      expect(await tab.errors()).toEqual([]);
      // The engine does enforce Trusted Types: a plain string is refused by a script's src.
      expect(await tab.run(() => {
        try {
          document.createElement('script').src = '/x.js';
          return 'not enforced';
        } catch {
          return 'enforced';
        }
      })).toBe('enforced');
    });

    it("the switches take the driver's own element click on themselves: nothing covers them, and the label still toggles them", async () => {
      const { tab } = await visit('/fixtures/categories.html');
      await clickUi(tab, 'Customize');
      await clickSwitch(tab, 'Analytics');
      expect(await switchHit(tab, 'Analytics')).toEqual({ top: true, checked: true, width: 44, height: 24 });
      await clickSwitch(tab, 'Advertising');
      await clickSwitch(tab, 'Analytics');
      expect(await switchHit(tab, 'Analytics')).toMatchObject({ top: true, checked: false });
      expect(await switchHit(tab, 'Advertising')).toMatchObject({ top: true, checked: true });
      // A person's click on the label's text still toggles its switch.
      const text = await tab.run(() => {
        const label = Array.from(document.querySelector('consent-gate')!.shadowRoot!.querySelectorAll('dialog[open] label')).find((l) => l.textContent!.startsWith('Functional'))!;
        const range = document.createRange();
        range.selectNodeContents(label.lastChild!);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      });
      await tab.clickAt(text.x, text.y);
      expect(await switchHit(tab, 'Functional')).toMatchObject({ checked: true });
      await clickUi(tab, 'Save choices', 'dialog');
      await expect.poll(() => consent(tab)).toMatchObject({ source: 'preferences', categories: { analytics: false, marketing: true, functional: true } });
      // Functional granted: the embed loads; advertising granted: the ad tag's conversion ping (both waited
      // for, so that their requests are this scenario's, not the next one's).
      await expect.poll(() => env.network.log.embeds).toHaveLength(1);
      await expect.poll(() => env.network.log.google.filter((u) => u.includes('doubleclick'))).toHaveLength(1);
      expect(await tab.errors()).toEqual([]);
    });

    it('Customize with analytics on and advertising off: only the G- ID is configured, ad_storage stays denied, no ad tag or embed runs', async () => {
      const { tab } = await visit('/fixtures/categories.html');
      await clickUi(tab, 'Customize');
      await clickSwitch(tab, 'Analytics');
      await clickUi(tab, 'Save choices', 'dialog');
      await expect.poll(() => env.network.log.hits.length).toBeGreaterThan(0);
      expect(await configured(tab)).toEqual([GA_ID]);
      expect(env.network.log.hits[0].get('gcs')).toBe('G101');
      expect(await tab.run(() => (window as unknown as { gtagStandIn: { consent: Record<string, string> } }).gtagStandIn.consent)).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', security_storage: 'granted' });
      expect(env.network.log.google.filter((u) => u.includes('doubleclick'))).toEqual([]);
      expect(await consent(tab)).toMatchObject({ source: 'preferences', categories: { analytics: true, marketing: false, functional: false } });
      expect((await tab.cookies()).map((c) => c.name)).not.toContain('_gcl_au');
      expect(await tab.run(() => [(window as unknown as { ran?: string[] }).ran ?? null, document.getElementById('video')!.getAttribute('src'), document.getElementById('placeholder')!.hidden])).toEqual([null, null, false]);
      expect(env.network.log.embeds).toEqual([]);
      expect(await tab.errors()).toEqual([]);
    });

    it('revoking advertising keeps GA running and removes _gcl_au from the parent domain and the site’s own ad cookie; the embed loads only with consent', async () => {
      const { tab } = await visit('/fixtures/categories.html');
      await expect.poll(() => noticeShown(tab)).toBe(true);
      expect(env.network.log.embeds).toEqual([]);
      await clickUi(tab, 'Accept all');
      await expect.poll(() => analyticsCookies(tab).then(() => tab.cookies()).then((jar) => jar.map((c) => `${c.name} ${c.domain} ${c.path}`))).toEqual(
        expect.arrayContaining(['_ga .example.test /', '_gcl_au .example.test /', expect.stringMatching(/^_shop_ad /)]),
      );
      expect(await configured(tab)).toEqual([GA_ID, 'AW-123456789']);
      await expect.poll(() => env.network.log.embeds).toEqual(['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ']);
      expect(await tab.run(() => document.getElementById('placeholder')!.hidden)).toBe(true);

      await clickPage(tab, 'footer [data-consent-open]');
      await clickSwitch(tab, 'Advertising');
      await clickUi(tab, 'Save choices', 'dialog');
      await expect.poll(async () => (await tab.cookies()).map((c) => c.name)).not.toContain('_gcl_au');
      const names = (await tab.cookies()).map((c) => `${c.name} ${c.domain}`);
      expect(names).toContain('_ga .example.test');
      expect(names.some((n) => n.startsWith('_shop_ad'))).toBe(false);
      expect(await gaState(tab)).toMatchObject({ disabled: false });
      const hits = env.network.log.hits.length;
      await tab.run(() => (window as any).gtag('event', 'still_counted')); // eslint-disable-line @typescript-eslint/no-explicit-any
      await expect.poll(() => env.network.log.hits.length).toBeGreaterThan(hits);
      expect(await tab.errors()).toEqual([]);
    });

    it("a returning visitor's grants reach the tags and embeds below the script tag: on the next page the embed loads and the ad tag runs once", async () => {
      const { tab } = await visit('/fixtures/categories.html');
      await clickUi(tab, 'Accept all');
      await expect.poll(() => env.network.log.embeds).toHaveLength(1);
      // The script tag is in <head>: the body is not parsed yet when it applies the stored decision.
      await tab.goto(SITE + '/fixtures/categories.html');
      await expect.poll(() => env.network.log.embeds).toHaveLength(2);
      expect(await tab.run(() => [(window as unknown as { ran?: string[] }).ran ?? null, document.getElementById('video')!.getAttribute('src'), document.getElementById('placeholder')!.hidden])).toEqual([
        ['marketing'],
        'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
        true,
      ]);
      expect(await noticeShown(tab)).toBe(false);
      expect(await tab.errors()).toEqual([]);
    });

    it('a decision stored before categories (schema 1) is honoured: GA runs; a newly declared category is asked about', async () => {
      const { tab } = await visit('/fixtures/plain.html');
      await tab.run((v1: string) => (document.cookie = 'cg_consent=' + v1 + '; path=/'), V1);
      await tab.goto(SITE + '/fixtures/plain.html');
      await expect.poll(() => env.network.log.hits.length).toBeGreaterThan(0);
      expect(await consent(tab)).toMatchObject({ source: 'banner', categories: { analytics: true } });
      expect(await noticeShown(tab)).toBe(false);
      await tab.goto(SITE + '/fixtures/categories.html');
      await expect.poll(() => noticeShown(tab)).toBe(true);
      expect(await consent(tab)).toMatchObject({ categories: { analytics: true, marketing: false, functional: false } });
      expect(await configured(tab)).toEqual([GA_ID]);
      expect(await tab.errors()).toEqual([]);
    });

    it('a single-page app: cookies written on a path it moved to with pushState go on Reject all, every other cookie of the site stays', async () => {
      const { profile, tab } = await visit('/fixtures/spa.html');
      await clickUi(tab, 'Accept all');
      await expect.poll(() => analyticsCookies(tab)).toContain('_ga .example.test /');
      // The app moves on, and older tags write cookies on the path it is at; then it moves deeper.
      await tab.run(() => {
        history.pushState(null, '', '/fixtures/shop/checkout');
        for (const c of ['_gid=GA1.1.7.7; path=/fixtures/shop/checkout', '_gid=GA1.1.8.8; domain=example.test; path=/fixtures/shop/checkout', '_shop_ad=1; path=/fixtures/shop/checkout', 'checkout_step=2; path=/fixtures/shop/checkout'])
          document.cookie = c;
        history.pushState(null, '', '/fixtures/shop/checkout/step-1');
      });
      // The jar as a page at that path sees it (WebKit's driver lists the cookies of the URL a page was loaded at).
      const reader = await profile.open(SITE + '/fixtures/shop/checkout/step-1');
      const jar = async () => (await reader.cookies()).filter((c) => c.path.startsWith('/fixtures/shop')).map((c) => `${c.name} ${c.domain}`).sort();
      await expect.poll(jar).toEqual(['_gid .example.test', '_gid www.shop.example.test', '_shop_ad www.shop.example.test', 'checkout_step www.shop.example.test']);
      await tab.run(() => (window as any).ConsentGate.rejectAll()); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(await tab.errors()).toEqual([]);
      await expect.poll(jar).toEqual(['checkout_step www.shop.example.test']);
      expect(await analyticsCookies(reader)).toEqual([]);
    });

    it("the site's own cookies that look like GA's survive every opt-out", async () => {
      const { tab } = await visit('/');
      await tab.run(() => {
        for (const c of ['_gatekeeper=1; path=/', '_gateway_session=s; domain=example.test; path=/', '_gallery=2; domain=shop.example.test; path=/', '__utmost=3; path=/'])
          document.cookie = c;
      });
      await clickUi(tab, 'Accept all');
      await expect.poll(() => analyticsCookies(tab)).toContain('_ga .example.test /');
      await clickPage(tab, 'footer [data-consent-open]');
      await clickUi(tab, 'Reject all', 'dialog');
      await expect.poll(async () => (await tab.cookies()).map((c) => c.name).filter((n) => n == '_ga' || n.startsWith('_ga_'))).toEqual([]);
      const names = (await tab.cookies()).map((c) => c.name).sort();
      expect(names).toEqual(expect.arrayContaining(['_gallery', '_gatekeeper', '_gateway_session', '__utmost']));
      expect(await tab.errors()).toEqual([]);
    });

    it('on a multi-label public suffix (co.uk): the opt-out removes _ga from the registrable domain and logs nothing', async () => {
      const { tab } = await visit('/', {}, 'http://www.shop.example.co.uk');
      await clickUi(tab, 'Accept all');
      await expect.poll(() => analyticsCookies(tab)).toEqual(['_ga .example.co.uk /', `_ga_${GA_ID.slice(2)} .example.co.uk /`]);
      // What GA itself logs while it finds the highest domain that takes its cookies (Firefox: "rejected for invalid domain", for co.uk).
      const gaOwn = await tab.errors();
      console.log(`${name}: on www.shop.example.co.uk, GA's own cookie writes logged ${gaOwn.length} error(s)`);
      await clickPage(tab, 'footer [data-consent-open]');
      await clickUi(tab, 'Reject all', 'dialog');
      await expect.poll(() => analyticsCookies(tab)).toEqual([]);
      expect((await tab.errors()).slice(gaOwn.length)).toEqual([]);
    });

    it('opt-out mode (a US visitor): GA runs with no notice; "Your Privacy Choices" then "Reject all" stops it and clears _ga on the parent domain, here and on the next page', async () => {
      const { tab } = await visit('/?country=US');
      await expect.poll(() => env.network.log.hits.length).toBeGreaterThan(0);
      await expect.poll(() => analyticsCookies(tab)).toEqual(expect.arrayContaining(['_ga .example.test /']));
      expect(await noticeShown(tab)).toBe(false);
      expect(await consent(tab)).toBeNull();
      await clickUi(tab, 'Your Privacy Choices', '');
      await clickUi(tab, 'Reject all', 'dialog');
      await expect.poll(async () => (await gaState(tab)).disabled).toBe(true);
      await expect.poll(() => analyticsCookies(tab)).toEqual([]);
      expect(await consent(tab)).toMatchObject({ source: 'preferences', mode: 'opt-out', categories: { analytics: false, marketing: false, functional: false } });
      const hits = env.network.log.hits.length;
      await tab.run(() => (window as any).gtag('event', 'after_opt_out')); // eslint-disable-line @typescript-eslint/no-explicit-any
      await sleep(300);
      expect(env.network.log.hits.length).toBe(hits);
      const requests = env.network.log.google.length;
      await tab.goto(SITE + '/product.html');
      await sleep(300);
      expect(env.network.log.google.length).toBe(requests);
      expect(await gaState(tab)).toMatchObject({ disabled: true, scripts: 0 });
      expect(await noticeShown(tab)).toBe(false);
      expect(await tab.errors()).toEqual([]);
    });

    it(`with Google's opt-out add-on, opt-out mode never loads GA, and the preferences say why; under a strict CSP (${STRICT}), the icon included`, async () => {
      const { tab } = await visit('/fixtures/opt-out.html', { addon: true });
      expect(await tab.run(() => (window as any)._gaUserPrefs.ioo())).toBe(true); // eslint-disable-line @typescript-eslint/no-explicit-any
      await sleep(500);
      expect(env.network.log.google).toEqual([]);
      expect(await gaState(tab)).toMatchObject({ disabled: true, scripts: 0, dataLayer: false });
      expect(await noticeShown(tab)).toBe(false);
      // The "Your Privacy Choices" button, its icon drawn, not hidden by the CSP.
      await expect.poll(() => buttonCentre(tab, 'Your Privacy Choices', '')).not.toBeNull();
      expect(await tab.run(() => {
        const icon = document.querySelector('consent-gate')!.shadowRoot!.querySelector('.f svg')!.getBoundingClientRect();
        return [icon.width, icon.height];
      })).toEqual([30, 14]);
      await clickPage(tab, 'footer [data-consent-open]');
      await expect.poll(() => dialogNotes(tab)).toContain('Your browser’s Google Analytics opt-out add-on is honored: analytics stays off unless you turn it on here.');
      expect(await tab.errors()).toEqual([]);
    });

    it("with Google's opt-out add-on, opt-in mode: \"Accept all\" grants advertising and functional, not analytics; only the analytics switch does", async () => {
      const { tab } = await visit('/fixtures/categories.html', { addon: true });
      await clickUi(tab, 'Accept all');
      await expect.poll(() => consent(tab)).toMatchObject({ source: 'banner', categories: { analytics: false, marketing: true, functional: true } });
      await expect.poll(() => configured(tab)).toEqual(['AW-123456789']);
      await sleep(300);
      const gaHits = () => env.network.log.hits.filter((h) => h.get('tid') == GA_ID).length;
      expect(gaHits()).toBe(0);
      expect(await gaState(tab)).toMatchObject({ disabled: true });
      expect(await analyticsCookies(tab)).toEqual([]);
      await clickPage(tab, 'footer [data-consent-open]');
      await clickSwitch(tab, 'Analytics');
      await clickUi(tab, 'Save choices', 'dialog');
      await expect.poll(gaHits).toBeGreaterThan(0);
      expect(await consent(tab)).toMatchObject({ source: 'preferences', categories: { analytics: true, marketing: true, functional: true } });
      expect(await tab.errors()).toEqual([]);
    });

    it('<html lang="ar">: an Arabic notice and dialog, right to left, mirrored in the keyboard order, with zero axe violations', async () => {
      const { tab } = await visit('/?lang=ar');
      const ar = language('ar');
      await expect.poll(async () => (await noticeLook(tab)).buttons).toEqual([ar.acceptAll, ar.rejectAll, ar.customize]);
      const look = await noticeLook(tab);
      expect(look).toMatchObject({ dir: 'rtl', lang: 'ar' });
      // Reading right to left: the first button in the keyboard order is the rightmost, the last the leftmost.
      expect([...look.lefts].sort((a, b) => b - a)).toEqual(look.lefts);
      expect(await axeViolations(tab)).toEqual([]);
      // The dialog mirrored: the close button on the left, each switch to the right of its name.
      await clickUi(tab, ar.customize);
      const dialogSides = () =>
        tab.run(() => {
          const dialog = document.querySelector('consent-gate')!.shadowRoot!.querySelector('dialog[open]');
          if (!dialog) return null;
          const middle = dialog.getBoundingClientRect().left + dialog.getBoundingClientRect().width / 2;
          return { close: dialog.querySelector('.x')!.getBoundingClientRect().right < middle, switches: Array.from(dialog.querySelectorAll('.s')).every((s) => s.getBoundingClientRect().left > middle) };
        });
      await expect.poll(dialogSides).toEqual({ close: true, switches: true });
      expect(await axeViolations(tab)).toEqual([]);
      // A US visitor's "Your Privacy Choices" button, at the bottom right.
      await tab.goto(SITE + '/?lang=ar&country=US');
      await expect.poll(() => buttonCentre(tab, ar.privacyChoices, '')).not.toBeNull();
      expect((await buttonCentre(tab, ar.privacyChoices, ''))!.x).toBeGreaterThan(VIEWPORT.width / 2);
      expect(await tab.errors()).toEqual([]);
    });

    it('zh-TW shows Traditional Chinese, zh-CN Simplified', async () => {
      const { tab } = await visit('/?lang=zh-TW');
      const [hant, hans] = [language('zh-Hant'), language('zh-Hans')];
      await expect.poll(async () => (await noticeLook(tab)).buttons).toEqual([hant.acceptAll, hant.rejectAll, hant.customize]);
      expect(await noticeLook(tab)).toMatchObject({ dir: 'ltr', lang: 'zh-Hant' });
      await tab.goto(SITE + '/?lang=zh-CN');
      await expect.poll(async () => (await noticeLook(tab)).buttons).toEqual([hans.acceptAll, hans.rejectAll, hans.customize]);
      expect(hant.rejectAll).not.toBe(hans.rejectAll);
      expect(await tab.errors()).toEqual([]);
    });

    if (name == 'webkit')
      it('has no Global Privacy Control (as Safari): the visitor is asked', async () => {
        const { tab } = await visit('/');
        expect(await tab.run(() => 'globalPrivacyControl' in navigator)).toBe(false);
        await expect.poll(() => noticeShown(tab)).toBe(true);
        expect(await consent(tab)).toBeNull();
        expect(await tab.errors()).toEqual([]);
      });
    else
      it('honours Global Privacy Control: no notice, no request to Google', async () => {
        const { tab } = await visit('/', { gpc: true });
        await expect.poll(() => consent(tab)).toMatchObject({ categories: { analytics: false }, source: 'gpc' });
        await sleep(300);
        expect(await tab.run(() => (navigator as unknown as { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true);
        expect(await noticeShown(tab)).toBe(false);
        expect(env.network.log.google).toEqual([]);
        expect(await gaState(tab)).toMatchObject({ disabled: true, scripts: 0 });
        expect(await tab.errors()).toEqual([]);
      });

    it.skipIf(name == 'webkit')('opt-out mode under Global Privacy Control: every category off without asking, not one request to Google, and the preferences say why', async () => {
      const { tab } = await visit('/?country=US', { gpc: true });
      await expect.poll(() => consent(tab)).toMatchObject({ source: 'gpc', mode: 'opt-out', categories: { analytics: false, marketing: false, functional: false } });
      await sleep(300);
      expect(env.network.log.google).toEqual([]);
      expect(env.network.log.embeds).toEqual([]);
      expect(await noticeShown(tab)).toBe(false);
      expect(await gaState(tab)).toMatchObject({ disabled: true, scripts: 0, dataLayer: false });
      await clickUi(tab, 'Your Privacy Choices', '');
      await expect.poll(() => dialogNotes(tab)).toContain('Opt-out preference signal honored: every optional category stays off unless you turn it on here.');
      expect(await tab.errors()).toEqual([]);
    });

    tagManagerScenarios({ name, env, visit });
    declarationScenarios({ name, env, visit });
    proofScenarios({ name, env, visit });
  });
};
