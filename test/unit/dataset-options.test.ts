import { describe, expect, it } from 'vitest';
import { datasetOptions } from '../../src/lib/dataset-options';
import { normalizeOptions } from '../../src/config';

const dataset = (html: string) => {
  document.body.innerHTML = html;
  return (document.body.firstElementChild as HTMLElement).dataset;
};
/** The options a script tag with these attributes runs with. */
const optionsOf = (html: string) => normalizeOptions(datasetOptions(dataset(html)));

describe('script-tag attributes', () => {
  it('become options: IDs split at commas, numbers as numbers, a bare flag as true', () => {
    expect(
      optionsOf(
        '<script data-ga-id="G-AAA111, G-BBB222" data-policy-url="/privacy" data-revision="3" data-expires-days="90" data-lang="de" data-consent-mode="advanced" data-gpc="ignore" data-log-endpoint="/log" data-deletion-request-url="/erase" data-theme="dark" data-gtag-src="/gtag.js" data-floating-button></script>',
      ),
    ).toMatchObject({
      gaId: ['G-AAA111', 'G-BBB222'],
      policyUrl: '/privacy',
      revision: 3,
      expiresDays: 90,
      lang: 'de',
      consentMode: 'advanced',
      gpc: 'ignore',
      logEndpoint: '/log',
      deletionRequestUrl: '/erase',
      theme: 'dark',
      gtagSrc: '/gtag.js',
      floatingButton: true,
    });
    expect(datasetOptions(dataset('<script data-cookie-domain="example.com"></script>'))).toEqual({ cookieDomain: 'example.com' });
  });

  it('categories split at spaces or commas, Google Ads IDs at commas', () => {
    expect(optionsOf('<script data-categories="functional, marketing analytics" data-google-ads-id="AW-1,AW-2 "></script>')).toMatchObject({
      categories: ['analytics', 'marketing', 'functional'],
      googleAdsId: ['AW-1', 'AW-2'],
    });
  });

  it('configure a Tag Manager container: its ID, data layer, script URL and categories', () => {
    expect(optionsOf('<script data-gtm-id="GTM-ABC123" data-data-layer="shopLayer" data-gtm-src="/tags/gtm.js" data-gtm-categories="analytics"></script>')).toMatchObject({
      gtmId: 'GTM-ABC123',
      dataLayerName: 'shopLayer',
      gtmSrc: '/tags/gtm.js',
      gtmCategories: ['analytics'],
    });
  });

  it('leave out what is not set, ignore unknown attributes, and keep a bad number for the validator to name', () => {
    expect(datasetOptions(dataset('<script data-revision="two" data-unknown="x" data-floating-button="false"></script>'))).toEqual({
      revision: NaN,
      floatingButton: false,
    });
    expect(() => normalizeOptions({ revision: NaN })).toThrow('consent-gate: invalid revision: NaN');
  });
});
