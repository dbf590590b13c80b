import type { ConsentGateOptions, CookieOptions } from './types';
import { isSafeUrl } from './lib/safe-url';
import { ANALYTICS_COOKIE } from './cookies/cleaner';

/** Validated options with every default filled in; `gaId` always a list. */
type Optional = 'policyUrl' | 'nonce' | 'logEndpoint' | 'gpc' | 'consentMode' | 'lang' | 'texts' | 'theme' | 'deletionRequestUrl' | 'floatingButton';
export type Config = Required<Omit<ConsentGateOptions, 'gaId' | 'cookie' | Optional>> &
  Pick<ConsentGateOptions, Optional> & {
    gaId: string[];
    cookie: CookieOptions & { name: string };
  };

/** Default URL of gtag.js. */
export const GTAG_SRC = 'https://www.googletagmanager.com/gtag/js';

type Rule = [path: string, ok: (value: never) => unknown];

const matches = (pattern: RegExp) => (v: unknown) => typeof v == 'string' && pattern.test(v);

/**
 * What each option accepts; the README lists the same rules in words. The others need no check: a value
 * other than 'ignore' respects GPC, other than 'advanced' is basic mode, the nonce is set as a property,
 * and a `cookie.domain` or `sameSite` the browser refuses leaves the decision in memory for the page.
 * The UI's own options are checked by the UI (see ui/mount.ts), outside the headless bundle.
 */
const RULES: Rule[] = [
  ['revision', (v: number) => Number.isInteger(v) && v >= 0 && v < 1e6],
  ['expiresDays', (v: number) => typeof v == 'number' && v >= 1 && v <= 400],
  // The cookie name must not match the cleaner's patterns, or clearing analytics cookies would erase the decision.
  ['cookie.name', (v: string) => matches(/^[\w-]+$/)(v) && !ANALYTICS_COOKIE.test(v)],
  ['policyUrl', isSafeUrl],
  ['logEndpoint', isSafeUrl],
  ['gtagSrc', isSafeUrl],
];

const fail = (path: string, value: unknown): never => {
  throw new TypeError('consent-gate: invalid ' + path + ': ' + String(value));
};

/** Validate `options`; throws a `TypeError` naming the option and the value it refused. */
export const normalizeOptions = (options?: ConsentGateOptions): Config => {
  // Options or cookie options that are no object leave every default in place.
  const o: ConsentGateOptions = Object(options);
  const c = {
    revision: 1,
    expiresDays: 182,
    gtagSrc: GTAG_SRC,
    ui: true,
    ...o,
    gaId: ([] as unknown[]).concat(o.gaId ?? []),
    cookie: { name: 'cg_consent', sameSite: 'Lax', ...o.cookie },
  } as Config;
  c.gaId.forEach((id) => matches(/^G-[A-Za-z\d]+$/)(id) || fail('gaId', id));
  for (const [path, ok] of RULES) {
    const value = path.split('.').reduce((o: any, key) => o[key], c); // eslint-disable-line @typescript-eslint/no-explicit-any
    if (value !== undefined && !ok(value as never)) fail(path, value);
  }
  return c;
};
