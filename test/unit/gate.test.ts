import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsentGate, type Consent, type ConsentGate, type ConsentGateOptions } from '../../src';
import { encodeRecord } from '../../src/consent/record';
import { freshPage, gaWindow, jarContents, jarCookie, nextPage, seedCookie } from './page';

const open: ConsentGate[] = [];
const start = (options: ConsentGateOptions = {}) => {
  const gate = createConsentGate({ gaId: 'G-ABC123', ui: false, ...options });
  open.push(gate);
  return gate;
};
const gtagLoaded = () => Array.from(document.scripts).some((s) => s.src.includes('googletagmanager.com'));
const disabled = () => gaWindow()['ga-disable-G-ABC123'];
const setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true });
const record = (c: Partial<Consent>) =>
  encodeRecord({ analytics: true, id: '0123456789abcdef', timestamp: Date.now(), revision: 1, source: 'banner', ...c });

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
    expect(consent).toMatchObject({ analytics: true, revision: 1, source: 'api' });
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
    expect(start({ cookie: { domain: 'example.test' } }).getConsent()?.analytics).toBe(true);
  });

  it('keeps one consent id for the visitor across changes', () => {
    const gate = start();
    const first = gate.acceptAll()!;
    expect(gate.rejectAll()!.id).toBe(first.id);
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
    expect(consent).toMatchObject({ analytics: false, source: 'api' });
    expect(disabled()).toBe(true);
    expect(Array.from(gaWindow().dataLayer!).map((a) => Array.from(a)).pop()).toEqual(['consent', 'update', { analytics_storage: 'denied' }]);
    expect(jarContents()).toEqual(['basket host-only /', 'cg_consent host-only /']);
  });

  it('keeps GA from loading on later pages', () => {
    start().rejectAll();
    nextPage('https://www.shop.example.test/');
    const gate = start();
    expect(gate.getConsent()?.analytics).toBe(false);
    expect(gtagLoaded()).toBe(false);
    expect(disabled()).toBe(true);
  });

  it('setConsent grants only on analytics === true', () => {
    const gate = start();
    expect(gate.setConsent({ analytics: true })!.analytics).toBe(true);
    expect(gate.setConsent({ analytics: 'yes' } as never)!.analytics).toBe(false);
    expect(gate.setConsent(null as never)!.analytics).toBe(false);
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
  ])('treats a %s cookie as no decision and never loads GA', (_, value) => {
    seedCookie('cg_consent=' + value + '; Path=/');
    const gate = start({ revision: 2 });
    expect(gate.getConsent()).toBeNull();
    expect(gtagLoaded()).toBe(false);
    expect(disabled()).toBe(true);
    expect(gate.acceptAll()!.revision).toBe(2);
    expect(start({ revision: 2 }).getConsent()?.analytics).toBe(true);
  });

  it('takes the newest valid record when the cookie exists on two domains', () => {
    seedCookie('cg_consent=' + record({ analytics: true, timestamp: Date.now() - 5000 }) + '; Domain=example.test; Path=/');
    seedCookie('cg_consent=' + record({ analytics: false, timestamp: Date.now() - 1000 }) + '; Path=/');
    expect(start().getConsent()?.analytics).toBe(false);
  });
});

describe('Global Privacy Control', () => {
  it('denies without asking, records source gpc and never loads GA', () => {
    setGpc(true);
    const gate = start();
    expect(gate.getConsent()).toMatchObject({ analytics: false, source: 'gpc' });
    expect(gtagLoaded()).toBe(false);
    expect(disabled()).toBe(true);
  });

  it('still lets the visitor opt in explicitly, and keeps that opt-in on later pages', () => {
    setGpc(true);
    start().setConsent({ analytics: true });
    nextPage();
    const gate = start();
    expect(gate.getConsent()).toMatchObject({ analytics: true, source: 'api' });
    expect(gtagLoaded()).toBe(true);
  });

  it('overrides a banner grant given before the signal was on', () => {
    seedCookie('cg_consent=' + record({ analytics: true, source: 'banner' }) + '; Path=/');
    setGpc(true);
    expect(start().getConsent()).toMatchObject({ analytics: false, source: 'gpc' });
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
    const off = gate.onChange((c) => seen.push(c?.analytics));
    window.addEventListener('consent-gate:change', (e) => events.push((e as CustomEvent).detail?.analytics));
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
    gate.onChange((c) => seen.push(c?.analytics));
    expect(gate.acceptAll()!.analytics).toBe(true);
    expect(seen).toEqual([true]);
    expect(error).toHaveBeenCalledOnce();
  });
});

describe('proof of consent', () => {
  it('sends each decision once as JSON with language and path, no query string', () => {
    jsdom.reconfigure({ url: 'https://www.shop.example.test/shop/cart/?email=a@b.c#x' });
    document.documentElement.lang = 'de';
    const beacon = vi.fn(() => true);
    Object.assign(navigator, { sendBeacon: beacon });
    const gate = start({ logEndpoint: '/consent-log' });
    const consent = gate.acceptAll();
    expect(beacon).toHaveBeenCalledOnce();
    const [url, body] = beacon.mock.calls[0] as unknown as [string, string];
    expect(url).toBe('/consent-log');
    expect(JSON.parse(body)).toEqual({ ...consent, language: 'de', path: '/shop/cart/' });
    expect(body).not.toContain('email');
    nextPage();
    start({ logEndpoint: '/consent-log' });
    expect(beacon).toHaveBeenCalledOnce();
  });

  it('a failing beacon never reaches the page', () => {
    Object.assign(navigator, {
      sendBeacon: () => {
        throw new TypeError('blocked');
      },
    });
    expect(start({ logEndpoint: '/log' }).acceptAll()!.analytics).toBe(true);
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
    expect(gate.acceptAll()!.analytics).toBe(true);
    expect(gate.getConsent()!.analytics).toBe(true);
    expect(gtagLoaded()).toBe(true);
    expect(gate.clearAnalyticsCookies().removed).toEqual([]);
    nextPage();
    expect(start().getConsent()).toBeNull();
    expect(gtagLoaded()).toBe(false);
  });

  it('keeps the decision in memory when the browser silently refuses the cookie', () => {
    const gate = start({ cookie: { domain: 'elsewhere.test' } });
    expect(gate.rejectAll()!.analytics).toBe(false);
    expect(jarContents()).toEqual([]);
    expect(gate.getConsent()!.analytics).toBe(false);
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
