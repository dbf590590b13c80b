import type { ConsentGateOptions, CookieOptions } from './types';
import { isSafeUrl } from './lib/safe-url';
import { ANALYTICS_COOKIE } from './cookies/cleaner';

/** Validated options with every default filled in; `gaId` always a list. */
type Optional = 'ui' | 'policyUrl' | 'nonce' | 'logEndpoint' | 'gpc' | 'consentMode' | 'lang' | 'texts' | 'theme' | 'deletionRequestUrl' | 'floatingButton';
export type Config = Required<Omit<ConsentGateOptions, 'gaId' | 'cookie' | Optional>> &
  Pick<ConsentGateOptions, Optional> & {
    gaId: string[];
    cookie: CookieOptions & { name: string };
  };

/** Default URL of gtag.js. */
export const GTAG_SRC = 'https://www.googletagmanager.com/gtag/js';

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
    ...o,
    gaId: ([] as unknown[]).concat(o.gaId ?? []),
    cookie: { name: 'cg_consent', sameSite: 'Lax', ...o.cookie },
  } as Config;
  // What each option accepts; the README lists the same rules in words. The others need no check: a value
  // other than 'ignore' respects GPC, other than 'advanced' is basic mode, the nonce is set as a property,
  // and a `cookie.domain` or `sameSite` the browser refuses leaves the decision in memory for the page.
  // The UI's own options are checked by the UI (see ui/mount.ts), outside the headless bundle.
  const check = (path: string, value: unknown, ok: unknown) => value === undefined || ok || fail(path, value);
  const { revision, expiresDays, cookie } = c;
  c.gaId.forEach((id) => check('gaId', id, typeof id == 'string' && /^G-[A-Za-z\d]+$/.test(id)));
  check('revision', revision, Number.isInteger(revision) && revision >= 0 && revision < 1e6);
  check('expiresDays', expiresDays, typeof expiresDays == 'number' && expiresDays >= 1 && expiresDays <= 400);
  // The cookie name must not match the cleaner's patterns, or clearing analytics cookies would erase the decision.
  check('cookie.name', cookie.name, /^[\w-]+$/.test(cookie.name) && !ANALYTICS_COOKIE.test(cookie.name));
  for (const url of ['policyUrl', 'logEndpoint', 'gtagSrc'] as const) check(url, c[url], isSafeUrl(c[url]));
  return c;
};
