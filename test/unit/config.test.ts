import { describe, expect, it } from 'vitest';
import { normalizeOptions } from '../../src/config';
import { createConsentGate } from '../../src';
import { freshPage } from './page';

describe('options', () => {
  it('fills in every default', () => {
    expect(normalizeOptions({ gaId: 'G-ABC123' })).toEqual({
      categories: ['analytics'],
      mode: 'opt-in',
      gaId: ['G-ABC123'],
      googleAdsId: [],
      revision: 1,
      expiresDays: 182,
      cookie: { name: 'cg_consent', sameSite: 'Lax' },
      cookies: {},
      gtagSrc: 'https://www.googletagmanager.com/gtag/js',
      gtmSrc: 'https://www.googletagmanager.com/gtm.js',
      gtmCategories: ['analytics', 'marketing'],
      dataLayerName: 'dataLayer',
    });
  });

  it.each(['UA-12345-1', 'G-', 'G-ABC 123', 'g-abc', 'G-ABC"><script>', 'AW-123', 42])('refuses the measurement ID %j with a TypeError naming it', (id) => {
    freshPage();
    expect(() => createConsentGate({ gaId: id as string })).toThrow(TypeError);
    expect(() => createConsentGate({ gaId: ['G-OK1', id as string] })).toThrow(`invalid gaId: ${id}`);
    // Nothing was injected.
    expect(document.scripts).toHaveLength(0);
    expect((window as unknown as { dataLayer?: unknown }).dataLayer).toBeUndefined();
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', ' javascript:x', ''])(
    'refuses the URL %j for policyUrl, logEndpoint, gtagSrc and gtmSrc',
    (url) => {
      for (const key of ['policyUrl', 'logEndpoint', 'gtagSrc', 'gtmSrc'])
        expect(() => normalizeOptions({ [key]: url })).toThrow(`consent-gate: invalid ${key}: ${url}`);
    },
  );

  it.each(['/privacy', 'privacy.html', '../legal#cookies', 'https://example.com/privacy', 'http://example.com/p', '//cdn.example.com/gtag'])(
    'accepts the URL %j',
    (url) => {
      expect(normalizeOptions({ policyUrl: url, logEndpoint: url, gtagSrc: url })).toMatchObject({ policyUrl: url, logEndpoint: url, gtagSrc: url });
    },
  );

  it.each([
    [{ revision: -1 }, 'revision'],
    [{ revision: 1.5 }, 'revision'],
    [{ expiresDays: 401 }, 'expiresDays'],
    [{ expiresDays: 0 }, 'expiresDays'],
    [{ expiresDays: NaN }, 'expiresDays'],
    [{ expiresDays: '30' }, 'expiresDays'],
    [{ cookie: { name: '_ga_consent' } }, 'cookie.name'],
    [{ cookie: { name: '_gcl_consent' } }, 'cookie.name'],
    [{ cookie: { name: 'a b' } }, 'cookie.name'],
    // Server-side tagging's cookie, which its server sets on the site's domain, over the decision.
    [{ cookie: { name: 'FPID' } }, 'cookie.name'],
    [{ categories: ['analytics', 'necessary'] }, 'categories'],
    [{ categories: ['ads'] }, 'categories'],
    [{ categories: [] }, 'categories'],
    [{ googleAdsId: 'G-ABC123' }, 'googleAdsId'],
    [{ googleAdsId: ['AW-123', 'AW-12x'] }, 'googleAdsId'],
    [{ gtmId: 'GTM-abc' }, 'gtmId'],
    [{ gtmId: 'G-ABC123' }, 'gtmId'],
    [{ gtmId: 'GTM-ABC123"><script>' }, 'gtmId'],
    [{ gtmId: '' }, 'gtmId'],
    [{ dataLayerName: 'data-layer' }, 'dataLayerName'],
    [{ dataLayerName: '__proto__.x' }, 'dataLayerName'],
    [{ gtmCategories: ['necessary'] }, 'gtmCategories'],
    [{ cookies: { marketing: [42] } }, 'cookies.marketing'],
    [{ cookies: { necessary: ['x'] } }, 'cookies.necessary'],
    // A pattern that takes the consent cookie would erase the decision whenever its category is cleared.
    [{ cookies: { functional: [/^cg_/] } }, 'cookies.functional'],
    [{ cookies: { functional: ['site_consent'] }, cookie: { name: 'site_consent' } }, 'cookies.functional'],
  ])('refuses %j naming the option', (options, name) => {
    expect(() => normalizeOptions(options as never)).toThrow(new RegExp('^consent-gate: invalid ' + name.replace('.', '\\.') + ': '));
  });

  it('takes the categories in their fixed order, without repeats, and the Ads IDs and cookie lists as lists', () => {
    expect(normalizeOptions({ categories: ['functional', 'analytics', 'functional'], googleAdsId: 'AW-123', cookies: { marketing: '_fbp' as never } })).toMatchObject({
      categories: ['analytics', 'functional'],
      googleAdsId: ['AW-123'],
      cookies: { marketing: ['_fbp'] },
    });
  });

  it('accepts an array of IDs and keeps the cookie defaults it was not given', () => {
    expect(normalizeOptions({ gaId: ['G-A1', 'G-B2'], consentMode: 'advanced', cookie: { sameSite: 'Strict' } })).toMatchObject({
      gaId: ['G-A1', 'G-B2'],
      consentMode: 'advanced',
      cookie: { name: 'cg_consent', sameSite: 'Strict' },
    });
  });
});

describe('options that are no object', () => {
  it.each([null, 'G-ABC123', 42])('fall back to every default for %j', (options) => {
    expect(normalizeOptions(options as never)).toMatchObject({ gaId: [], revision: 1, cookie: { name: 'cg_consent' } });
  });

  it('keep the cookie defaults when cookie is no object', () => {
    expect(normalizeOptions({ cookie: 'x' as never }).cookie).toMatchObject({ name: 'cg_consent', sameSite: 'Lax' });
  });
});
