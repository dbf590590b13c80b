import type { Category, ConsentGateOptions, CookieOptions } from './types';
import { isSafeUrl } from './lib/safe-url';
import { ANALYTICS_COOKIE, MARKETING_COOKIE } from './cookies/cleaner';
import { CATEGORIES } from './consent/categories';

/** Validated options with every default filled in; IDs always lists, categories in their fixed order. */
type Optional = 'gtmId' | 'ui' | 'policyUrl' | 'nonce' | 'logEndpoint' | 'gpc' | 'dnt' | 'consentMode' | 'lang' | 'texts' | 'theme' | 'deletionRequestUrl' | 'floatingButton' | 'adsDataRedaction' | 'urlPassthrough';
export type Config = Required<Omit<ConsentGateOptions, 'categories' | 'gaId' | 'googleAdsId' | 'gtmCategories' | 'cookie' | 'cookies' | Optional>> &
  Pick<ConsentGateOptions, Optional> & {
    categories: Category[];
    gtmCategories: Category[];
    gaId: string[];
    googleAdsId: string[];
    cookie: CookieOptions & { name: string };
    cookies: { [K in Category]?: (string | RegExp)[] };
  };

/** Default URL of gtag.js. */
export const GTAG_SRC = 'https://www.googletagmanager.com/gtag/js';
/** Default URL of Google Tag Manager's container script. */
export const GTM_SRC = 'https://www.googletagmanager.com/gtm.js';

/** The name (or name pattern) of an entry of the `cookies` option: the entry itself, or its `name`. */
export const cookieName = (entry: unknown): unknown => (entry as { name?: unknown })?.name ?? entry;

/** A list option as a list: a text (a script tag's attribute) split at commas and spaces. */
const list = (value: unknown): any[] => (typeof value == 'string' ? value.split(/[\s,]+/).filter(Boolean) : [].concat((value ?? []) as never)); // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Validate `options`; throws a `TypeError` naming the option and the value it refused. What each option
 * accepts is in its TSDoc (docs/api.md). The others need no check: a value other than 'ignore' respects
 * GPC, other than 'respect' ignores DNT, other than 'advanced' is basic mode, the nonce is set as a property, and a `cookie.domain` or
 * `sameSite` the browser refuses leaves the decision in memory for the page. The UI's own options are
 * checked by the UI (see ui/preferences.ts), outside the headless bundle.
 */
export const normalizeOptions = (options?: ConsentGateOptions): Config => {
  // Options or cookie options that are no object leave every default in place.
  const o: ConsentGateOptions = Object(options);
  const c = {
    revision: 1,
    expiresDays: 182,
    gtagSrc: GTAG_SRC,
    gtmSrc: GTM_SRC,
    dataLayerName: 'dataLayer',
    mode: 'opt-in',
    ...o,
    categories: list(o.categories ?? 'analytics'),
    gtmCategories: list(o.gtmCategories ?? 'analytics marketing'),
    gaId: list(o.gaId).map(String),
    googleAdsId: list(o.googleAdsId).map(String),
    cookie: { name: 'cg_consent', sameSite: 'Lax', ...o.cookie },
    cookies: { ...o.cookies },
  } as Config;
  const { revision: r, expiresDays: d, cookie } = c;
  const check = (path: string, value: unknown, ok: unknown) => {
    if (value !== undefined && !ok) throw new TypeError('consent-gate: invalid ' + path + ': ' + String(value));
  };
  check('categories', '[]', c.categories[0]);
  for (const [k, ok] of [
    ['mode', /^opt-(in|out)$/],
    ['categories', CATEGORIES],
    ['gtmCategories', CATEGORIES],
    ['gaId', /^G-[A-Za-z\d]+$/],
    ['googleAdsId', /^AW-\d+$/],
    ['gtmId', /^GTM-[A-Z\d]+$/],
    ['dataLayerName', /^[A-Za-z_$][\w$]*$/],
  ] as const)
    for (const v of [].concat(c[k] as never)) check(k, v, ok instanceof RegExp ? ok.test(v) : ok.includes(v));
  check('revision', r, Number.isInteger(r) && r >= 0 && r < 1e6);
  check('expiresDays', d, d >= 1 && d <= 400 && typeof d == 'number');
  // The consent cookie must be no cookie that clearing a category deletes (Google's), or clearing would erase the
  // decision; nor FPID, which server-side tagging's server sets on the site's domain, over the decision.
  check('cookie.name', cookie.name, /^[\w-]+$/.test(cookie.name) && !ANALYTICS_COOKIE.test(cookie.name) && !MARKETING_COOKIE.test(cookie.name) && cookie.name != 'FPID');
  // A cookie is a name, a pattern, or an entry of the declaration with its `name` (one or the other).
  for (const k in c.cookies)
    for (const p of (c.cookies[k as Category] = list(c.cookies[k as Category]))) {
      const n = cookieName(p);
      check('cookies.' + k, (n as string) || p, CATEGORIES.includes(k as Category) && (n instanceof RegExp ? cookie.name.search(n) < 0 : typeof n == 'string' && n != cookie.name));
    }
  for (const url of ['policyUrl', 'logEndpoint', 'gtagSrc', 'gtmSrc'] as const) check(url, c[url], isSafeUrl(c[url]));
  c.categories = CATEGORIES.filter((k) => c.categories.includes(k));
  return c;
};
