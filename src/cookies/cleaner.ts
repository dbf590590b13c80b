import type { Category, ClearResult } from '../types';
import { attempt, getWindow } from '../lib/dom';
import { cookiePairs } from '../lib/cookie-pairs';

/**
 * Names of the cookies Google Analytics, gtag.js, ga.js and AMP set: `_ga`, `_ga_<container>`, `_gid`,
 * `_gat`, `_gat_<id>`, `_dc_gtm_<id>`, `__utma/b/c/t/v/z`, `AMP_TOKEN`. GA's real names only: a site's own
 * `_gatekeeper` or `_gateway_session` never matches.
 */
export const ANALYTICS_COOKIE = /^(_ga(_[\w-]+)?|_gid|_gat(_[\w-]+)?|_dc_gtm_[\w-]+|__utm[abctvz]|AMP_TOKEN)$/;

/** Names of the cookies Google Ads and GA's Ads linking set: `_gcl_<suffix>` (`_gcl_au`, `_gcl_aw`, …), `_gac_<suffix>`. */
export const MARKETING_COOKIE = /^_g(cl|ac)_[\w-]+$/;

/**
 * Google's cookies of `category` by their exact names, for the GA4 IDs configured: `_ga`, `_ga_<container>`,
 * `_gid` and `_gat`, and Google Ads' `_gcl_au`, `_gcl_aw` and `_gcl_dc`. They are tried even where
 * `document.cookie` cannot show them.
 */
export const googleNames = (category: Category, gaIds: readonly string[]): string[] =>
  category == 'analytics' ? ['_ga', ...gaIds.map((id) => '_ga_' + id.slice(2)), '_gid', '_gat'] : category == 'marketing' ? ['_gcl_au', '_gcl_aw', '_gcl_dc'] : [];

/** Whether a cookie name belongs to what is being cleared. */
export type CookieMatch = (name: string) => unknown;

/** Names of the cookies `doc.cookie` shows that `match` takes, each once. */
const names = (doc: Document | undefined, match: CookieMatch): string[] => [...new Set(cookiePairs(doc).map((pair) => pair[0]).filter(match))];

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
 * A two-label domain that is (or looks like) a public suffix such as `co.uk` or `com.au`: a cookie on it is
 * refused, and Firefox logs an error for the attempt, so names no cookie shows are never tried there.
 */
const SUFFIX = /^(ac|com?|edu|gov?|ne|net|or|org)\.\w\w$/;

/**
 * Delete every cookie `match` takes that the page can reach: host-only and on each parent domain, on `/`
 * and each prefix of the current path and of `landing` (the path a single-page app was loaded at, before
 * `history.pushState` moved on). The names in `known` are also tried on the paths of one of the two that
 * are no prefix of the other, where `document.cookie` may not show them (Chromium keeps showing the
 * landing path's cookies after `pushState`). Then read the cookies again and report what is left;
 * `unreachable` names what script cannot see. Other cookies are never touched.
 */
export const clearCookies = (doc: Document | undefined, match: CookieMatch, landing = '/', unreachable: string[] = [], known: string[] = []): ClearResult => {
  // Without a document (server, blocked cookies) there is nothing to see and nothing to delete.
  const before = names(doc, match);
  const expire = (name: string, path: string, domain: string) => attempt(() => (doc!.cookie = name + '=;max-age=0;path=' + path + (domain && ';domain=' + domain)));
  if (doc) {
    const here = pathVariants(doc.location.pathname);
    const there = pathVariants(landing);
    const domains = domainVariants(doc.location.hostname);
    // A name no longer seen is not tried on shorter domains, so a public suffix such as `co.uk` (refused,
    // and logged as an error by Firefox) is never reached once the cookies are gone.
    if (before[0]) for (const domain of domains) for (const name of names(doc, match)) for (const path of new Set([...here, ...there])) expire(name, path, domain);
    for (const path of [...here, ...there].filter((p) => !here.includes(p) || !there.includes(p)))
      for (const domain of domains) if (!SUFFIX.test(domain)) for (const name of known) expire(name, path, domain);
  }
  const remaining = names(doc, match);
  return { removed: before.filter((n) => !remaining.includes(n)), remaining, unreachable };
};

/**
 * Delete every Google Analytics cookie (`_ga`, `_ga_<container>`, `_gid`, `_gat…`, `__utm…`, `AMP_TOKEN`) the page can reach, on every domain
 * and path variant, and report what is left. `FPID` (server-side tagging) is `HttpOnly` when set: script can
 * neither see nor delete it, so it is named as unreachable. Other cookies are never touched.
 * @example
 * const { removed, remaining } = clearAnalyticsCookies();
 */
export const clearAnalyticsCookies = (doc = getWindow()?.document, landing?: string): ClearResult =>
  clearCookies(doc, (name) => ANALYTICS_COOKIE.test(name), landing, ['FPID']);
