import { describe, expect, it } from 'vitest';
import { datasetOptions } from '../../src/lib/dataset-options';

const dataset = (html: string) => {
  document.body.innerHTML = html;
  return (document.body.firstElementChild as HTMLElement).dataset;
};

describe('script-tag attributes', () => {
  it('become options: IDs split at commas, numbers as numbers, a bare flag as true', () => {
    expect(
      datasetOptions(
        dataset(
          '<script data-ga-id="G-AAA111, G-BBB222" data-policy-url="/privacy" data-revision="3" data-expires-days="90" data-lang="de" data-cookie-domain="example.com" data-consent-mode="advanced" data-gpc="ignore" data-log-endpoint="/log" data-deletion-request-url="/erase" data-theme="dark" data-gtag-src="/gtag.js" data-floating-button></script>',
        ),
      ),
    ).toEqual({
      gaId: ['G-AAA111', 'G-BBB222'],
      policyUrl: '/privacy',
      revision: 3,
      expiresDays: 90,
      lang: 'de',
      cookieDomain: 'example.com',
      consentMode: 'advanced',
      gpc: 'ignore',
      logEndpoint: '/log',
      deletionRequestUrl: '/erase',
      theme: 'dark',
      gtagSrc: '/gtag.js',
      floatingButton: true,
    });
  });

  it('categories split at spaces or commas, Google Ads IDs at commas', () => {
    expect(datasetOptions(dataset('<script data-categories="analytics, marketing functional" data-google-ads-id="AW-1,AW-2 "></script>'))).toEqual({
      categories: ['analytics', 'marketing', 'functional'],
      googleAdsId: ['AW-1', 'AW-2'],
    });
  });

  it('leave out what is not set, ignore unknown attributes, and keep a bad number for the validator to name', () => {
    expect(datasetOptions(dataset('<script data-revision="two" data-unknown="x" data-floating-button="false"></script>'))).toEqual({
      revision: NaN,
      floatingButton: false,
    });
  });
});
