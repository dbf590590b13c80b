import type { BrowserContext } from 'playwright';
import { GOOGLE, STAND_IN } from './google.mjs';

/** What reached (or tried to reach) Google's hosts from a browser context. */
export interface GoogleLog {
  requests: string[];
  gtag: string[];
  hits: URLSearchParams[];
}

/**
 * Intercept every request to Google's hosts: gtag.js gets the stand-in, collect hits are recorded; with
 * `blockTags`, gtag.js and Tag Manager's gtm.js fail, as under an ad blocker. Nothing leaves the machine.
 */
export const interceptGoogle = async (context: BrowserContext, { blockTags = false } = {}): Promise<GoogleLog> => {
  const log: GoogleLog = { requests: [], gtag: [], hits: [] };
  await context.route(GOOGLE, async (route) => {
    const url = route.request().url();
    log.requests.push(url);
    const gtag = url.includes('/gtag/js');
    if (gtag) log.gtag.push(url);
    if (blockTags && (gtag || url.includes('/gtm.js'))) return route.abort('blockedbyclient');
    if (gtag) return route.fulfill({ contentType: 'text/javascript', body: STAND_IN });
    if (url.includes('/g/collect')) log.hits.push(new URL(url).searchParams);
    return route.fulfill({ status: 204 });
  });
  return log;
};
