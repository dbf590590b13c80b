import type { ClearResult } from '../types';
import { attempt } from '../lib/dom';
import { cookiePairs } from '../lib/cookie-pairs';

/** Names of the cookies Google Analytics, ga.js, AMP and Ads linking set. */
export const ANALYTICS_COOKIE = /^(_ga(_.+)?|_gid|_gat.*|_dc_gtm_.+|_gac_.+|__utm.+|AMP_TOKEN|_gcl_.+)$/;

/** Analytics cookies that are `HttpOnly` when set: script can neither see nor delete them. */
const UNREACHABLE = ['FPID'];

/** Names of the analytics cookies `doc.cookie` shows, each once. */
export const analyticsCookieNames = (doc: Document): string[] => [
  ...new Set(
    cookiePairs(doc)
      .map((pair) => pair[0])
      .filter((name) => ANALYTICS_COOKIE.test(name)),
  ),
];

/**
 * `Domain` values a cookie of `hostname` may carry: itself and each parent with at least two labels.
 * The browser refuses the ones it never accepts (a public suffix, part of an IP address): harmless to try.
 */
export const domainVariants = (hostname: string): string[] => {
  const labels = hostname.split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
};

/** `Path` values a cookie of `pathname` may carry: `/` and each prefix, with and without a trailing slash. */
export const pathVariants = (pathname: string): string[] => {
  const paths = ['/'];
  let prefix = '';
  for (const segment of pathname.split('/').slice(1)) {
    if (!segment) continue;
    prefix += '/' + segment;
    paths.push(prefix, prefix + '/');
  }
  return paths;
};

/**
 * Delete every Google Analytics cookie (`_ga`, `_ga_*`, `_gid`, `_gat*`, `_dc_gtm_*`, `_gac_*`, `__utm*`,
 * `AMP_TOKEN`, `_gcl_*`) the page can reach: host-only and on each parent domain, on `/` and each prefix
 * of the current path. Then read the cookies again and report what is left.
 * Other cookies are never touched.
 * @example
 * const { removed, remaining } = clearAnalyticsCookies();
 */
export const clearAnalyticsCookies = (doc: Document | undefined = typeof document == 'object' ? document : undefined): ClearResult => {
  if (!doc || !doc.location) return { removed: [], remaining: [], unreachable: UNREACHABLE };
  const before = analyticsCookieNames(doc);
  const { hostname, pathname } = doc.location;
  const expired = '=;max-age=0;path=';
  const suffixes = [''].concat(domainVariants(hostname).map((d) => ';domain=' + d));
  for (const name of before)
    for (const path of pathVariants(pathname))
      for (const suffix of suffixes) attempt(() => (doc.cookie = name + expired + path + suffix));
  const remaining = analyticsCookieNames(doc);
  return { removed: before.filter((n) => !remaining.includes(n)), remaining, unreachable: UNREACHABLE };
};
