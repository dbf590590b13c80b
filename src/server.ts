/**
 * The server entry (`consent-gate/server`): read the visitor's decision from a request's cookies, and
 * validate a proof-of-consent record before storing it. No DOM, no globals: Node, edge runtimes, workers.
 */
import type { Category, Consent, ConsentGateMode, ConsentGateOptions, ConsentSource, Declaration } from './types';
import { buildDeclaration, declarationTexts } from './declaration/build';
import { ALL_TEXTS } from './declaration/all-texts';
import { pickLang } from './ui/pick-lang';
import { normalizeOptions } from './config';
import { project, storedDecision } from './consent/policy';
import { CATEGORIES } from './consent/categories';
import { SOURCES } from './consent/record';
import { signalHonoured } from './consent/signals';
import { parseCookies } from './lib/cookie-pairs';

/** The options `readConsent` needs: the same as the browser's, so both read one decision the same way. */
export interface ReadConsentOptions extends Pick<ConsentGateOptions, 'categories' | 'mode' | 'revision' | 'expiresDays' | 'cookie' | 'gpc' | 'dnt'> {
  /**
   * Whether the request carried Global Privacy Control (the `Sec-GPC: 1` header), which the browser will
   * see too: a banner grant given before the signal then counts as no decision.
   * @default false
   */
  globalPrivacyControl?: boolean;
  /** Whether the request carried Do Not Track (`DNT: 1`); it counts as Global Privacy Control with `dnt: 'respect'`. @default false */
  doNotTrack?: boolean;
}

/** Cookies as a framework gives them: a name→value map, or an object with `get(name)` (Next.js `cookies()`). */
export type CookieSource = Record<string, string | undefined> | { get(name: string): { value: string } | undefined; getAll?(name: string): { value: string }[] };

/** Every value the request's cookies hold for `name` (a `Cookie` header may hold it twice, from two domains). */
const cookieValues = (cookies: string | CookieSource | null | undefined, name: string): string[] => {
  if (typeof cookies == 'string') return parseCookies(cookies).filter((pair) => pair[0] == name).map((pair) => pair[1]);
  if (!cookies || typeof cookies != 'object') return [];
  if (typeof cookies.get == 'function') {
    const source = cookies as Exclude<CookieSource, Record<string, string | undefined>>;
    return (source.getAll ? source.getAll(name) : [source.get(name)]).map((cookie) => cookie?.value).filter((value): value is string => typeof value == 'string');
  }
  const value = (cookies as Record<string, unknown>)[name];
  return typeof value == 'string' ? [value] : [];
};

/**
 * The visitor's decision, as `getConsent()` will give it in the browser, read from the request's cookies:
 * a `Cookie` header, a name→value map, or Next.js `cookies()`. The same strict decoder and the same
 * revision, expiry and category rules: anything malformed, oversized, of an older revision or expired is
 * `null`, never a grant, never a thrown error. Throws a `TypeError` for invalid options, as the browser does.
 * In opt-out mode (`mode: 'opt-out'`, as the page's), no decision is still `null` (the declared categories
 * then run), and a category the decision lacks counts as granted unless the request carried an opt-out signal.
 * @example
 * const consent = readConsent(req.headers.cookie, { categories: ['analytics', 'marketing'] }); // req: node:http's IncomingMessage
 */
export const readConsent = (cookies: string | CookieSource | null | undefined, options?: ReadConsentOptions): Consent | null => {
  const c = normalizeOptions(options);
  const signal = signalHonoured(c, options?.globalPrivacyControl === true, options?.doNotTrack === true);
  return project(storedDecision(cookieValues(cookies, c.cookie.name), c, Date.now(), signal), c.categories, c.mode == 'opt-out' && !signal);
};

/** A proof-of-consent record as `parseConsentLog` returns it: what the browser sent, checked, and nothing else. */
export interface ConsentLog {
  id: string;
  /** When the decision was given, in milliseconds since the epoch. */
  timestamp: number;
  revision: number;
  source: ConsentSource;
  /** The mode the decision was given under (`'opt-in'` where the beacon did not say, as before opt-out mode). */
  mode: ConsentGateMode;
  /** Each category the decision covered, granted (`true`) or denied (`false`). */
  categories: { [K in Category]?: boolean };
  /** The page's language (BCP 47), when it had one. */
  language?: string;
  /** The page's path, without query string. */
  path: string;
  /** The version of the texts the visitor was shown (a short hash the built-in UI computes), when there was one. */
  notice?: string;
}

/** The largest body a proof-of-consent beacon has (the real ones are about 200 bytes). */
export const MAX_LOG_BYTES = 2048;


/**
 * Validate the body of a proof-of-consent beacon (`logEndpoint`): the JSON text, or the object parsed from
 * it. Every field is checked and copied; unknown fields are dropped. Throws a `TypeError` naming the field
 * for anything else: too large, not JSON, not an object, a field missing or of the wrong shape. Store only
 * what this returns.
 * @example
 * const record = parseConsentLog(await request.text());
 */
export const parseConsentLog = (body: unknown): ConsentLog => {
  const fail = (what: string): never => {
    throw new TypeError('consent-gate: invalid consent log: ' + what);
  };
  if (typeof body == 'string') {
    if (body.length > MAX_LOG_BYTES) fail('larger than ' + MAX_LOG_BYTES + ' bytes');
    try {
      body = JSON.parse(body);
    } catch {
      fail('not JSON');
    }
  }
  if (!body || typeof body != 'object' || Array.isArray(body)) fail('not an object');
  const o = body as Record<string, unknown>;
  const check = <T>(field: string, ok: boolean) => (ok ? (o[field] as T) : fail(field));
  const categories = o.categories as Record<string, unknown>;
  const keys = categories && typeof categories == 'object' && !Array.isArray(categories) ? Object.keys(categories) : [];
  check('categories', keys.length > 0 && keys.every((k) => CATEGORIES.includes(k as Category) && typeof categories[k] == 'boolean'));
  const language = o.language === undefined || o.language === '' ? undefined : check<string>('language', typeof o.language == 'string' && /^[A-Za-z]{2,3}(-[A-Za-z\d]{1,8}){0,4}$/.test(o.language));
  return {
    id: check('id', typeof o.id == 'string' && /^[0-9a-z]{16}$/.test(o.id)),
    timestamp: check('timestamp', Number.isSafeInteger(o.timestamp) && (o.timestamp as number) > 0),
    revision: check('revision', Number.isInteger(o.revision) && (o.revision as number) >= 0 && (o.revision as number) < 1e6),
    source: check('source', SOURCES.includes(o.source as ConsentSource)),
    mode: o.mode === undefined ? 'opt-in' : check('mode', o.mode == 'opt-in' || o.mode == 'opt-out'),
    categories: Object.fromEntries(CATEGORIES.filter((k) => k in categories).map((k) => [k, categories[k]])),
    ...(language && { language }),
    ...(o.notice !== undefined && { notice: check<string>('notice', typeof o.notice == 'string' && /^[0-9a-z]{1,13}$/.test(o.notice)) }),
    path: check('path', typeof o.path == 'string' && o.path.length <= 1024 && /^\/[^\s\0-\x1f\x7f]*$/.test(o.path)),
  };
};

/**
 * The declaration of every cookie the site with `options` sets, per category, in language `lang` (a BCP 47
 * tag, matched as the browser's UI matches it; English by default): the same data `gate.declaration()`
 * gives in the browser, for a page rendered on the server or built statically. Each category's `granted`
 * is the choice `consent` records (from `readConsent`); without it, only the necessary cookies count as
 * granted. Throws a `TypeError` for invalid options, as the browser does.
 * @example
 * const { categories, labels } = declaration({ categories: ['analytics'], gaId: 'G-ABC123' }, 'de');
 */
export const declaration = (options?: ConsentGateOptions, lang?: string, consent?: Consent | null): Declaration => {
  const c = normalizeOptions(options);
  const code = pickLang([lang]);
  const [own, cookies] = ALL_TEXTS[code] || [];
  return buildDeclaration(c, (k) => consent?.categories[k] === true, code, declarationTexts(own, cookies, c.texts));
};

export type { Categories, Category, Consent, ConsentGateMode, ConsentSource, Declaration, DeclaredCategory, DeclaredCookie, CookieEntry } from './types';
