import type { ClearResult } from '../types';
import { attempt, getWindow } from '../lib/dom';
import { cookiePairs } from '../lib/cookie-pairs';

/** Names of the cookies Google Analytics, ga.js, AMP and Ads linking set. */
export const ANALYTICS_COOKIE = /^(_ga(_.+)?|_gid|_gat.*|_dc_gtm_.+|_gac_.+|__utm.+|AMP_TOKEN|_gcl_.+)$/;

/** Names of the analytics cookies `doc.cookie` shows, each once. */
export const analyticsCookieNames = (doc?: Document): string[] => [
  ...new Set(
    cookiePairs(doc)
      .map((pair) => pair[0])
      .filter((name) => ANALYTICS_COOKIE.test(name)),
  ),
];

/**
 * `Domain` values a cookie of `hostname` may carry: none (host-only), the host and each parent but the
 * top-level label, which every browser refuses (Firefox logs an error for it). An IP address is host-only.
 */
export const domainVariants = (hostname: string): string[] => {
  const labels = hostname.split('.');
  return /^[\d.]+$|:/.test(hostname) ? [''] : ['', ...labels.map((_, i) => labels.slice(i).join('.')).filter((domain, i) => !i || domain.includes('.'))];
};

/** `Path` values a cookie of `pathname` may carry: `/` and each prefix, with and without a trailing slash. */
export const pathVariants = (pathname: string): string[] =>
  pathname.split('/').flatMap((_, i, parts) => {
    const prefix = parts.slice(0, i + 1).join('/') || '/';
    return prefix.endsWith('/') ? [prefix] : [prefix, prefix + '/'];
  });

/**
 * Delete every Google Analytics cookie (`_ga`, `_ga_*`, `_gid`, `_gat*`, `_dc_gtm_*`, `_gac_*`, `__utm*`,
 * `AMP_TOKEN`, `_gcl_*`) the page can reach: host-only and on each parent domain, on `/` and each prefix
 * of the current path. Then read the cookies again and report what is left.
 * Other cookies are never touched.
 * @example
 * const { removed, remaining } = clearAnalyticsCookies();
 */
export const clearAnalyticsCookies = (doc = getWindow()?.document): ClearResult => {
  // Without a document (server, blocked cookies) there is nothing to see and nothing to delete.
  const before = analyticsCookieNames(doc);
  // Every copy the page can delete is one it can see: a name no longer seen is not tried on shorter domains,
  // so a public suffix such as `co.uk` (refused, and logged as an error by Firefox) is never reached.
  if (before[0])
    for (const domain of domainVariants(doc!.location.hostname))
      for (const name of analyticsCookieNames(doc))
        for (const path of pathVariants(doc!.location.pathname))
          attempt(() => (doc!.cookie = name + '=;max-age=0;path=' + path + (domain && ';domain=' + domain)));
  const remaining = analyticsCookieNames(doc);
  // `FPID` (server-side tagging) is `HttpOnly` when set: script can neither see nor delete it.
  return { removed: before.filter((n) => !remaining.includes(n)), remaining, unreachable: ['FPID'] };
};
