import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsentGate, type Consent, type ConsentGate, type ConsentGateOptions } from '../../src/headless';
import { encodeRecord } from '../../src/consent/record';
import { freshPage, gaWindow, jarContents, jarCookie, nextPage, seedCookie } from './page';

const open: ConsentGate[] = [];
const start = (options: ConsentGateOptions = {}) => {
  const gate = createConsentGate({ gaId: 'G-ABC123', ...options });
  open.push(gate);
  return gate;
};
const gtagLoaded = () => Array.from(document.scripts).some((s) => s.src.includes('googletagmanager.com'));
const disabled = () => gaWindow()['ga-disable-G-ABC123'];
const setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true });
const record = ({ analytics = true, ...c }: Partial<Consent> & { analytics?: boolean }) =>
  encodeRecord({ id: '0123456789abcdef', timestamp: Date.now(), revision: 1, source: 'banner', mode: 'opt-in', categories: { analytics }, ...c });
const layer = () => (gaWindow().dataLayer || []).map((a) => Array.from(a));
const ALL = ['analytics', 'marketing', 'functional'] as const;

beforeEach(() => freshPage());
afterEach(() => {
  open.splice(0).forEach((g) => g.destroy());
  setGpc(undefined);
  vi.restoreAllMocks();
});

describe('a first visit', () => {
  it('is undecided: GA disabled, nothing loaded, no dataLayer, no cookie', () => {
    const gate = start();
    expect(gate.getConsent()).toBeNull();
    expect(disabled()).toBe(true);
    expect(gtagLoaded()).toBe(false);
    expect(gaWindow().dataLayer).toBeUndefined();
    expect(jarContents()).toEqual([]);
  });
});

describe('accepting', () => {
  it('records the decision in one small Lax, Secure, path=/ cookie and loads GA', () => {
    const gate = start();
    const consent = gate.acceptAll()!;
    expect(consent).toMatchObject({ categories: { analytics: true }, revision: 1, source: 'api' });
    expect(consent.id).toMatch(/^[0-9a-z]{16}$/);
    expect(Math.abs(consent.timestamp - Date.now())).toBeLessThan(2000);
    const cookie = jarCookie('cg_consent')!;
    expect(cookie.value).toBe(encodeRecord(consent));
    expect(('cg_consent=' + cookie.value).length).toBeLessThan(300);
    expect(cookie).toMatchObject({ path: '/', sameSite: 'lax', secure: true, hostOnly: true });
    const days = (Date.parse(cookie.expires as string) - Date.now()) / 864e5;
    expect(Math.round(days)).toBe(182);
    expect(gtagLoaded()).toBe(true);
    expect(disabled()).toBe(false);
    expect(gate.getConsent()).toEqual(consent);
  });

  it('is applied on the next page before createConsentGate returns', () => {
    const consent = start().acceptAll();
    nextPage('https://www.shop.example.test/product/42');
    expect(gaWindow().dataLayer).toBeUndefined();
    const gate = start();
    expect(gate.getConsent()).toEqual(consent);
    expect(gtagLoaded()).toBe(true);
    expect(disabled()).toBe(false);
  });

  it('shares the decision across subdomains with cookie.domain', () => {
    start({ cookie: { domain: 'example.test', sameSite: 'Strict' } }).acceptAll();
    expect(jarCookie('cg_consent')).toMatchObject({ domain: 'example.test', hostOnly: false, sameSite: 'strict' });
    nextPage('https://blog.example.test/');
    expect(start({ cookie: { domain: 'example.test' } }).getConsent()?.categories.analytics).toBe(true);
  });

  it('keeps one consent id for the visitor across changes', () => {
    const gate = start();
    const first = gate.acceptAll()!;
    expect(gate.rejectAll()!.id).toBe(first.id);
  });

  it('dates each change after the one before, even within one second: a withdrawal never shares its time with the grant it replaces', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 30, 8, 0, 0, 400));
    const gate = start();
    const decisions = [gate.acceptAll()!, gate.rejectAll()!, gate.setConsent({ analytics: true })!];
    expect(decisions.map((d) => d.timestamp - decisions[0].timestamp)).toEqual([0, 1000, 2000]);
    expect(decisions[0].timestamp).toBe(Date.UTC(2026, 10, 30, 8, 0, 0));
    // The next page reads the last of them.
    nextPage('https://www.shop.example.test/');
    expect(start().getConsent()).toEqual(decisions[2]);
  });
});

describe('rejecting', () => {
  it('after an accept stops GA at once and clears its cookies on every domain, keeping the site’s own', () => {
    const gate = start();
    gate.acceptAll();
    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    seedCookie('_ga_ABC123=GS1.1; Domain=example.test; Path=/');
    seedCookie('_ga=GA1.1.2.2; Path=/shop');
    seedCookie('basket=2; Path=/');
    const consent = gate.rejectAll()!;
    expect(consent).toMatchObject({ categories: { analytics: false }, source: 'api' });
    expect(disabled()).toBe(true);
    expect(Array.from(gaWindow().dataLayer!).map((a) => Array.from(a)).pop()).toEqual(['consent', 'update', { analytics_storage: 'denied' }]);
    expect(jarContents()).toEqual(['basket host-only /', 'cg_consent host-only /']);
  });

  it('keeps GA from loading on later pages', () => {
    start().rejectAll();
    nextPage('https://www.shop.example.test/');
    const gate = start();
    expect(gate.getConsent()?.categories.analytics).toBe(false);
    expect(gtagLoaded()).toBe(false);
    expect(disabled()).toBe(true);
  });

  it('setConsent grants only on analytics === true', () => {
    const gate = start();
    expect(gate.setConsent({ analytics: true })!.categories.analytics).toBe(true);
    expect(gate.setConsent({ analytics: 'yes' } as never)!.categories.analytics).toBe(false);
    expect(gate.setConsent(null as never)!.categories.analytics).toBe(false);
  });
});

describe('reset', () => {
  it('forgets the decision, stops GA and asks again', () => {
    const gate = start();
    gate.acceptAll();
    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    const changes: (Consent | null)[] = [];
    gate.onChange((c) => changes.push(c));
    gate.reset();
    expect(gate.getConsent()).toBeNull();
    expect(changes).toEqual([null]);
    expect(disabled()).toBe(true);
    expect(jarContents()).toEqual([]);
    nextPage();
    expect(start().getConsent()).toBeNull();
  });
});

describe('reading the stored decision', () => {
  it.each([
    ['tampered', record({}).replace('.a1.', '.a9.')],
    ['truncated', record({}).slice(0, 20)],
    ['4 KB', 'x'.repeat(4000)],
    ['of an older revision', record({ revision: 1 })],
    ['expired', record({ timestamp: Date.now() - 200 * 864e5 })],
    ['dated years ahead', record({ timestamp: Date.now() + 3 * 365 * 864e5, revision: 2 })],
  ])('treats a %s cookie as no decision and never loads GA', (_, value) => {
    seedCookie('cg_consent=' + value + '; Path=/');
    const gate = start({ revision: 2 });
    expect(gate.getConsent()).toBeNull();
    expect(gtagLoaded()).toBe(false);
    expect(disabled()).toBe(true);
    expect(gate.acceptAll()!.revision).toBe(2);
    expect(start({ revision: 2 }).getConsent()?.categories.analytics).toBe(true);
  });

  it('takes the newest valid record when the cookie exists on two domains', () => {
    seedCookie('cg_consent=' + record({ analytics: true, timestamp: Date.now() - 5000 }) + '; Domain=example.test; Path=/');
    seedCookie('cg_consent=' + record({ analytics: false, timestamp: Date.now() - 1000 }) + '; Path=/');
    expect(start().getConsent()?.categories.analytics).toBe(false);
  });

  it('lets no record dated ahead outvote a later decision: the new one replaces it on every domain where it was found', () => {
    // A grant written on the parent domain by a device whose clock was years ahead, beside a valid older grant.
    const ahead = record({ analytics: true, timestamp: Date.now() + 3 * 365 * 864e5 });
    seedCookie('cg_consent=' + ahead + '; Domain=example.test; Path=/');
    seedCookie('cg_consent=' + record({ analytics: true, timestamp: Date.now() - 60000 }) + '; Path=/');
    const gate = start();
    expect(gate.getConsent()).toMatchObject({ categories: { analytics: true }, timestamp: expect.any(Number) });
    expect(gate.getConsent()!.timestamp).toBeLessThan(Date.now());
    // The visitor withdraws: after a reload, the withdrawal holds.
    gate.rejectAll();
    nextPage();
    expect(start().getConsent()?.categories.analytics).toBe(false);
    expect(gtagLoaded()).toBe(false);
    // Only the new decision is left, once: the record dated ahead is gone from the parent domain.
    expect(jarContents().filter((line) => line.startsWith('cg_consent '))).toEqual(['cg_consent host-only /']);
    expect(jarCookie('cg_consent')!.value).not.toBe(ahead);
  });

  it('asks again when the only record is dated ahead, and the answer replaces it', () => {
    seedCookie('cg_consent=' + record({ analytics: true, timestamp: Date.now() + 2 * 864e5 }) + '; Domain=example.test; Path=/');
    const gate = start();
    expect(gate.needsDecision()).toBe(true);
    expect(gtagLoaded()).toBe(false);
    gate.acceptAll();
    expect(jarContents().filter((line) => line.startsWith('cg_consent '))).toEqual(['cg_consent host-only /']);
    nextPage();
    expect(start().needsDecision()).toBe(false);
  });
});

describe('Global Privacy Control', () => {
  it('denies without asking, records source gpc and never loads GA', () => {
    setGpc(true);
    const gate = start();
    expect(gate.getConsent()).toMatchObject({ categories: { analytics: false }, source: 'gpc' });
    expect(gtagLoaded()).toBe(false);
    expect(disabled()).toBe(true);
  });

  it('still lets the visitor opt in explicitly, and keeps that opt-in on later pages', () => {
    setGpc(true);
    start().setConsent({ analytics: true });
    nextPage();
    const gate = start();
    expect(gate.getConsent()).toMatchObject({ categories: { analytics: true }, source: 'api' });
    expect(gtagLoaded()).toBe(true);
  });

  it('overrides a banner grant given before the signal was on', () => {
    seedCookie('cg_consent=' + record({ analytics: true, source: 'banner' }) + '; Path=/');
    setGpc(true);
    expect(start().getConsent()).toMatchObject({ categories: { analytics: false }, source: 'gpc' });
    expect(gtagLoaded()).toBe(false);
  });

  it('asks again once the signal is off', () => {
    setGpc(true);
    start();
    setGpc(false);
    nextPage();
    expect(start().getConsent()).toBeNull();
  });

  it("is respected for any value but 'ignore'", () => {
    setGpc(true);
    expect(start({ gpc: 'no' as never }).getConsent()?.source).toBe('gpc');
  });

  it("is not applied with gpc: 'ignore'", () => {
    setGpc(true);
    expect(start({ gpc: 'ignore' }).getConsent()).toBeNull();
  });
});

describe('advanced Consent Mode', () => {
  it('loads gtag.js with denied defaults while undecided, and stops everything on reject', () => {
    const gate = start({ consentMode: 'advanced' });
    expect(gtagLoaded()).toBe(true);
    expect(Array.from(gaWindow().dataLayer![0])).toEqual(['consent', 'default', expect.objectContaining({ analytics_storage: 'denied' })]);
    gate.rejectAll();
    expect(disabled()).toBe(true);
  });

  it('falls back to basic mode for any other value', () => {
    start({ consentMode: 'Advanced' as never });
    expect(gtagLoaded()).toBe(false);
  });

  it('never loads under Global Privacy Control', () => {
    setGpc(true);
    start({ consentMode: 'advanced' });
    expect(gtagLoaded()).toBe(false);
  });
});

describe('change notifications', () => {
  it('calls onChange listeners and dispatches consent-gate:change, until unsubscribed', () => {
    const gate = start();
    const seen: unknown[] = [];
    const events: unknown[] = [];
    const off = gate.onChange((c) => seen.push(c?.categories.analytics));
    window.addEventListener('consent-gate:change', (e) => events.push((e as CustomEvent).detail?.categories.analytics));
    gate.acceptAll();
    off();
    gate.rejectAll();
    expect(seen).toEqual([true]);
    expect(events).toEqual([true, false]);
  });

  it('a throwing listener does not stop the others or the decision', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const gate = start();
    const seen: unknown[] = [];
    gate.onChange(() => {
      throw new Error('app bug');
    });
    gate.onChange((c) => seen.push(c?.categories.analytics));
    expect(gate.acceptAll()!.categories.analytics).toBe(true);
    expect(seen).toEqual([true]);
    expect(error).toHaveBeenCalledOnce();
  });
});

describe('blocked cookies', () => {
  const blockCookies = () =>
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get() {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
      set() {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
  afterEach(() => delete (document as { cookie?: string }).cookie);

  it('keeps working for the page in memory and never grants by accident', () => {
    blockCookies();
    const gate = start();
    expect(gate.getConsent()).toBeNull();
    expect(gtagLoaded()).toBe(false);
    expect(gate.acceptAll()!.categories.analytics).toBe(true);
    expect(gate.getConsent()!.categories.analytics).toBe(true);
    expect(gtagLoaded()).toBe(true);
    expect(gate.clearAnalyticsCookies().removed).toEqual([]);
    nextPage();
    expect(start().getConsent()).toBeNull();
    expect(gtagLoaded()).toBe(false);
  });

  it('keeps the decision in memory when the browser silently refuses the cookie', () => {
    const gate = start({ cookie: { domain: 'elsewhere.test' } });
    expect(gate.rejectAll()!.categories.analytics).toBe(false);
    expect(jarContents()).toEqual([]);
    expect(gate.getConsent()!.categories.analytics).toBe(false);
  });
});

describe('a data layer name the page holds something else under', () => {
  afterEach(() => delete (window as { myLayer?: unknown }).myLayer);
  it.each([
    ['window.dataLayer, an object of its own', () => (gaWindow().dataLayer = { page: 'home' } as never), {}],
    ['window.location', () => {}, { dataLayerName: 'location' }],
    ['window.myLayer, a string', () => ((window as { myLayer?: unknown }).myLayer = 'taken'), { dataLayerName: 'myLayer' }],
  ])('%s: one clear error, Google stays off, and every decision still recorded, announced and cleaned up after', (_, taken, options) => {
    taken();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const gate = start({ gtmId: 'GTM-ABC123', ...options });
    const changes: unknown[] = [];
    gate.onChange((consent) => changes.push(consent?.categories.analytics));
    expect(gate.acceptAll()!.categories.analytics).toBe(true);
    expect(Array.from(document.scripts)).toEqual([]);
    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    expect(gate.rejectAll()!.categories.analytics).toBe(false);
    expect(changes).toEqual([true, false]);
    expect(jarContents()).toEqual(['cg_consent host-only /']);
    expect(error.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringMatching(/^consent-gate: invalid dataLayerName: (\w+) \(window\.\1 is no array\)$/)]);
    expect(location.href).toBe('https://www.shop.example.test/shop/cart/');
  });
});

describe('clearAnalyticsCookies', () => {
  it('clears on request and reports the names', () => {
    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    seedCookie('_gid=GA1.1.1.1; Path=/shop/');
    const result = start().clearAnalyticsCookies();
    expect(result.removed.sort()).toEqual(['_ga', '_gid']);
    expect(result.remaining).toEqual([]);
    expect(jarContents()).toEqual([]);
  });
});

describe('categories', () => {
  it('records one explicit choice per declared category, in the fixed order, whatever order they were declared in', () => {
    const gate = start({ categories: ['functional', 'analytics'] });
    const consent = gate.acceptAll()!;
    expect(consent.categories).toEqual({ analytics: true, functional: true });
    expect(Object.keys(consent.categories)).toEqual(['analytics', 'functional']);
    expect(jarCookie('cg_consent')!.value).toMatch(/\.a1f1\.a$/);
    expect(gate.rejectAll()!.categories).toEqual({ analytics: false, functional: false });
  });

  it('setConsent changes only the categories given; only true grants', () => {
    const gate = start({ categories: [...ALL] });
    gate.acceptAll();
    expect(gate.setConsent({ marketing: false })!.categories).toEqual({ analytics: true, marketing: false, functional: true });
    expect(gate.setConsent({ analytics: 'yes' as never, functional: 1 as never })!.categories).toEqual({ analytics: false, marketing: false, functional: false });
  });

  it('an undeclared category is always denied', () => {
    const gate = start();
    const consent = gate.setConsent({ marketing: true, analytics: true })!;
    expect(consent.categories).toEqual({ analytics: true });
    expect(gate.isGranted('marketing')).toBe(false);
    expect(layer().find((e) => e[1] == 'update')![2]).toEqual({ analytics_storage: 'granted' });
  });

  it('needsDecision is true until the visitor chooses, false after', () => {
    const gate = start();
    expect(gate.needsDecision()).toBe(true);
    gate.rejectAll();
    expect(gate.needsDecision()).toBe(false);
  });

  it('a stored schema 1 record stays valid: read as its analytics choice, nothing new granted, not asked again', () => {
    const v1 = ['1', '0123456789abcdef', Math.floor(Date.now() / 1000).toString(36), '1', 'a1', 'b'].join('.');
    seedCookie('cg_consent=' + v1 + '; Path=/');
    const gate = start();
    expect(gate.getConsent()).toMatchObject({ id: '0123456789abcdef', source: 'banner', categories: { analytics: true } });
    expect(gate.needsDecision()).toBe(false);
    expect(gtagLoaded()).toBe(true);
  });

  it('a category declared after the decision: the recorded ones keep applying, the new one is denied, and the visitor is asked again', () => {
    start().acceptAll();
    nextPage();
    seedCookie('_gcl_au=1.1; Domain=example.test; Path=/');
    const gate = start({ categories: ['analytics', 'marketing'], googleAdsId: 'AW-123' });
    expect(gate.getConsent()!.categories).toEqual({ analytics: true, marketing: false });
    expect(gate.needsDecision()).toBe(true);
    expect(disabled()).toBe(false);
    expect(layer().filter((e) => e[0] == 'config').map((e) => e[1])).toEqual(['G-ABC123']);
    expect(jarContents()).toEqual(['cg_consent host-only /']);
    gate.setConsent({ marketing: true });
    expect(gate.needsDecision()).toBe(false);
    expect(gate.getConsent()!.categories).toEqual({ analytics: true, marketing: true });
  });

  it('revoking marketing keeps GA running and clears the ad cookies and the site’s own marketing cookies, nothing else', () => {
    const gate = start({ categories: ['analytics', 'marketing'], googleAdsId: 'AW-123', cookies: { marketing: ['_fbp', /^_fbc/] } });
    gate.acceptAll();
    for (const c of ['_ga=GA1.1.1.1; Domain=example.test', '_gcl_au=1.1; Domain=example.test', '_gcl_aw=1.1', '_gac_UA-1=1', '_fbp=fb.1', '_fbc=fb.2; Domain=shop.example.test', '_fbcx=3', 'fbp=mine', '_gateway_session=s; Domain=example.test'])
      seedCookie(c + '; Path=/');
    gate.setConsent({ marketing: false });
    expect(disabled()).toBe(false);
    expect(layer().at(-1)).toEqual(['consent', 'update', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }]);
    expect(jarContents()).toEqual(['_ga example.test /', '_gateway_session example.test /', 'cg_consent host-only /', 'fbp host-only /']);
  });

  it('revoking analytics keeps the ads tag running and clears only the analytics cookies', () => {
    const gate = start({ categories: ['analytics', 'marketing'], googleAdsId: 'AW-123' });
    gate.acceptAll();
    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    seedCookie('_gcl_au=1.1; Domain=example.test; Path=/');
    gate.setConsent({ analytics: false });
    expect(disabled()).toBe(true);
    expect(gate.isGranted('marketing')).toBe(true);
    expect(jarContents()).toEqual(['_gcl_au example.test /', 'cg_consent host-only /']);
  });

  it('clearCookies(category) clears on request, with the site’s own patterns', () => {
    seedCookie('yt-remote=1; Path=/');
    seedCookie('lang=de; Path=/');
    const gate = start({ categories: ['analytics', 'functional'], cookies: { functional: [/^yt-/] } });
    expect(gate.clearCookies('functional')).toEqual({ removed: ['yt-remote'], remaining: [], unreachable: [] });
    expect(jarContents()).toEqual(['lang host-only /']);
  });

  it('clears the copies on the path a single-page app was loaded at, after pushState moved on', () => {
    freshPage('https://www.shop.example.test/app/start');
    const gate = start();
    gate.acceptAll();
    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    seedCookie('_ga=GA1.1.2.2; Domain=example.test; Path=/app/start');
    history.pushState(null, '', '/app/basket/3');
    gate.rejectAll();
    expect(jarContents()).toEqual(['cg_consent host-only /']);
  });

  it('Global Privacy Control denies every category without asking', () => {
    setGpc(true);
    const gate = start({ categories: [...ALL], googleAdsId: 'AW-1' });
    expect(gate.getConsent()).toMatchObject({ source: 'gpc', categories: { analytics: false, marketing: false, functional: false } });
    expect(gate.needsDecision()).toBe(false);
    expect(gtagLoaded()).toBe(false);
  });

});
