import { beforeEach, describe, expect, it } from 'vitest';
import { clearAnalyticsCookies, domainVariants, pathVariants } from '../../src/cookies/cleaner';
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
      '_gat_gtag_G_ABC123=1; Path=/shop/cart/',
      '_gcl_au=1.1; Domain=example.test; Path=/shop/',
      '__utma=1.2.3; Path=/',
      '_dc_gtm_UA-1=1; Path=/',
      '_gac_UA-1=1; Path=/',
      'AMP_TOKEN=%24NOT_FOUND; Domain=shop.example.test; Path=/',
      'session=abc; Path=/',
      'cart=3; Domain=example.test; Path=/shop',
      'gallery=1; Path=/',
      '_gallery=1; Path=/',
      'cg_consent=1.x; Path=/',
    ];
    for (const c of seeded) seedCookie(c);
    expect(jarContents()).toHaveLength(seeded.length);

    const result = clearAnalyticsCookies(document);

    expect(result.removed.sort()).toEqual(['AMP_TOKEN', '__utma', '_dc_gtm_UA-1', '_ga', '_ga_ABC123', '_gac_UA-1', '_gat_gtag_G_ABC123', '_gcl_au', '_gid']);
    expect(result.remaining).toEqual([]);
    expect(result.unreachable).toEqual(['FPID']);
    expect(jarContents()).toEqual([
      '_gallery host-only /',
      'cart example.test /shop',
      'cg_consent host-only /',
      'gallery host-only /',
      'session host-only /',
    ]);
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
