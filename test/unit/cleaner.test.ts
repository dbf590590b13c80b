import { beforeEach, describe, expect, it } from 'vitest';
import { ANALYTICS_COOKIE, clearAnalyticsCookies, clearCookies, domainVariants, MARKETING_COOKIE, pathVariants } from '../../src/cookies/cleaner';
import { freshPage, jarContents, seedCookie } from './page';

const PAGE = 'https://www.shop.example.test/shop/cart/';

describe('analytics cookie cleaner', () => {
  beforeEach(() => freshPage(PAGE));

  it('lists each parent domain and each path prefix, with and without a trailing slash', () => {
    expect(domainVariants('www.shop.example.co.uk')).toEqual(['', 'www.shop.example.co.uk', 'shop.example.co.uk', 'example.co.uk', 'co.uk']);
    expect(domainVariants('localhost')).toEqual(['', 'localhost']);
    // Never the top-level domain alone (every browser refuses it; Firefox logs an error), never part of an IP.
    expect(domainVariants('www.shop.example.test')).not.toContain('test');
    expect(domainVariants('192.168.0.10')).toEqual(['']);
    expect(domainVariants('[::1]')).toEqual(['']);
    expect(new Set(pathVariants('/shop/cart/item.html'))).toEqual(
      new Set(['/', '/shop', '/shop/', '/shop/cart', '/shop/cart/', '/shop/cart/item.html', '/shop/cart/item.html/']),
    );
    expect(new Set(pathVariants('/'))).toEqual(new Set(['/']));
    expect(new Set(pathVariants('/shop/'))).toEqual(new Set(['/', '/shop', '/shop/']));
  });

  it('removes every GA cookie under every domain and path variant the page can reach, and nothing else', () => {
    const seeded = [
      '_ga=GA1.1.1.1; Path=/',
      '_ga=GA1.1.2.2; Domain=example.test; Path=/',
      '_ga=GA1.1.3.3; Domain=.shop.example.test; Path=/shop',
      '_ga_ABC123=GS1.1; Domain=example.test; Path=/',
      '_gid=GA1.1; Domain=www.shop.example.test; Path=/shop/cart',
      '_gat=1; Path=/',
      '_gat_gtag_G_ABC123=1; Path=/shop/cart/',
      '__utma=1.2.3; Path=/',
      '__utmz=1.2.3; Domain=example.test; Path=/',
      '_dc_gtm_UA-1=1; Path=/',
      'AMP_TOKEN=%24NOT_FOUND; Domain=shop.example.test; Path=/',
      // Advertising cookies belong to marketing, not to analytics.
      '_gcl_au=1.1; Domain=example.test; Path=/shop/',
      '_gac_UA-1=1; Path=/',
      // The site's own, some of them look-alikes of GA's names: never touched.
      '_gatekeeper=1; Path=/',
      '_gateway_session=s; Domain=example.test; Path=/',
      '_gallery=1; Path=/',
      '__utmost=1; Path=/',
      'session=abc; Path=/',
      'cart=3; Domain=example.test; Path=/shop',
      'cg_consent=2.x; Path=/',
    ];
    for (const c of seeded) seedCookie(c);
    expect(jarContents()).toHaveLength(seeded.length);

    const result = clearAnalyticsCookies(document);

    expect(result.removed.sort()).toEqual(['AMP_TOKEN', '__utma', '__utmz', '_dc_gtm_UA-1', '_ga', '_ga_ABC123', '_gat', '_gat_gtag_G_ABC123', '_gid']);
    expect(result.remaining).toEqual([]);
    expect(result.unreachable).toEqual(['FPID']);
    expect(jarContents()).toEqual([
      '__utmost host-only /',
      '_gac_UA-1 host-only /',
      '_gallery host-only /',
      '_gatekeeper host-only /',
      '_gateway_session example.test /',
      '_gcl_au example.test /shop/',
      'cart example.test /shop',
      'cg_consent host-only /',
      'session host-only /',
    ]);
  });

  it("knows GA's and Google Ads' real names only", () => {
    for (const name of ['_ga', '_ga_ABC123', '_gid', '_gat', '_gat_gtag_G_1', '_dc_gtm_UA-1', '__utma', '__utmb', '__utmc', '__utmt', '__utmv', '__utmz', 'AMP_TOKEN'])
      expect(name).toMatch(ANALYTICS_COOKIE);
    for (const name of ['_gatekeeper', '_gateway_session', '_gallery', '_game', '__utm', '__utmx', '_ga_', '_gid2', 'amp_token', '_gcl_au'])
      expect(name).not.toMatch(ANALYTICS_COOKIE);
    for (const name of ['_gcl_au', '_gcl_aw', '_gcl_dc', '_gac_UA-1']) expect(name).toMatch(MARKETING_COOKIE);
    for (const name of ['_gcl', '_gclid', '_gcl_', '_gacha', '_ga']) expect(name).not.toMatch(MARKETING_COOKIE);
  });

  it('also tries the paths of the page a single-page app was loaded at, after pushState moved on', () => {
    freshPage('https://www.shop.example.test/app/start');
    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    seedCookie('_ga=GA1.1.2.2; Domain=example.test; Path=/app/start');
    history.pushState(null, '', '/app/basket/3');
    clearCookies(document, (name) => name == '_ga', '/app/start');
    expect(jarContents()).toEqual([]);
  });

  it('tries the names it knows on the paths document.cookie no longer shows after pushState (as in Chromium), touching nothing else', () => {
    freshPage('https://www.shop.example.test/shop/');
    const landing = location.href;
    seedCookie('_gid=GA1.1.7.7; Domain=example.test; Path=/shop/checkout', 'https://www.shop.example.test/shop/checkout');
    seedCookie('_gid=GA1.1.8.8; Path=/shop/checkout', 'https://www.shop.example.test/shop/checkout');
    seedCookie('checkout_step=2; Path=/shop/checkout', 'https://www.shop.example.test/shop/checkout');
    seedCookie('_gidget=mine; Path=/shop/checkout', 'https://www.shop.example.test/shop/checkout');
    history.pushState(null, '', '/shop/checkout/step-1');
    // Chromium's document.cookie keeps reading the cookies of the URL the document was loaded at.
    const doc = Object.create(document, {
      cookie: { get: () => jsdom.cookieJar.getCookieStringSync(landing), set: (value: string) => (document.cookie = value) },
      location: { get: () => document.location },
    });
    expect(doc.cookie).not.toContain('_gid');
    const result = clearCookies(doc, (name) => ANALYTICS_COOKIE.test(name), '/shop/', [], ['_ga', '_gid']);
    expect(jarContents()).toEqual(['_gidget host-only /shop/checkout', 'checkout_step host-only /shop/checkout']);
    expect(result).toEqual({ removed: [], remaining: [], unreachable: [] });
  });

  it('never tries a known name on a two-label public suffix such as co.uk', () => {
    freshPage('https://www.shop.example.co.uk/app/');
    history.pushState(null, '', '/app/basket');
    const written: string[] = [];
    const doc = Object.create(document, { cookie: { get: () => document.cookie, set: (value: string) => written.push(value) }, location: { get: () => document.location } });
    clearCookies(doc, () => false, '/app/', [], ['_ga']);
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((w) => /domain=co\.uk$/.test(w))).toEqual([]);
    expect(written.some((w) => /domain=example\.co\.uk$/.test(w))).toBe(true);
    // Only the paths document.cookie may not show: those of one path that are no prefix of the other.
    expect([...new Set(written.map((w) => /path=([^;]*)/.exec(w)![1]))].sort()).toEqual(['/app/basket', '/app/basket/']);
  });

  it('names a cookie that is still there after every variant was tried instead of hiding it', () => {
    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    seedCookie('_gid=GA1.1; Domain=example.test; Path=/');
    // A browser that refuses the deletion of `_ga` (as it would for a cookie out of the script's reach).
    const doc = Object.create(document, {
      cookie: {
        get: () => document.cookie,
        set: (value: string) => {
          if (!value.startsWith('_ga=')) document.cookie = value;
        },
      },
      location: { value: location },
    });
    const result = clearAnalyticsCookies(doc);
    expect(result).toEqual({ removed: ['_gid'], remaining: ['_ga'], unreachable: ['FPID'] });
    expect(jarContents()).toEqual(['_ga example.test /']);
  });

  it('stops trying shorter domains once a cookie is gone, so a public suffix such as co.uk is never tried', () => {
    freshPage('https://www.shop.example.co.uk/shop/');
    seedCookie('_ga=GA1.1.1.1; Domain=example.co.uk; Path=/');
    seedCookie('_ga=GA1.1.2.2; Path=/shop');
    const domains = new Set<string>();
    const doc = Object.create(document, {
      cookie: {
        get: () => document.cookie,
        set: (value: string) => {
          domains.add(/domain=([^;]+)/.exec(value)?.[1] ?? 'host-only');
          document.cookie = value;
        },
      },
      location: { value: location },
    });
    expect(clearAnalyticsCookies(doc).removed).toEqual(['_ga']);
    expect(jarContents()).toEqual([]);
    expect([...domains]).toEqual(['host-only', 'www.shop.example.co.uk', 'shop.example.co.uk', 'example.co.uk']);
  });

  it('reports nothing and throws nothing when cookies are blocked', () => {
    const doc = Object.create(document, {
      cookie: {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
        set() {
          throw new DOMException('blocked', 'SecurityError');
        },
      },
      location: { value: location },
    });
    expect(clearAnalyticsCookies(doc)).toEqual({ removed: [], remaining: [], unreachable: ['FPID'] });
  });
});
