import type { ConsentGateOptions } from './types';
import { isSafeUrl } from './lib/safe-url';
import { attempt } from './lib/dom';
import { ANALYTICS_COOKIE } from './cookies/cleaner';

/** Validated options with every default filled in. */
export interface Config {
  _ids: string[];
  _policyUrl?: string;
  _revision: number;
  _expiresDays: number;
  _cookieName: string;
  _cookieDomain?: string;
  _sameSite: 'Lax' | 'Strict' | 'None';
  _gpc: boolean;
  _advanced: boolean;
  _gtagSrc: string;
  _nonce?: string;
  _logEndpoint?: string;
  _ui: boolean;
}

/** Default name of the consent cookie. */
export const DEFAULT_COOKIE = 'cg_consent';
/** Default days a decision is kept: six months, as CNIL advises. */
export const DEFAULT_EXPIRES_DAYS = 182;
/** Default URL of gtag.js. */
export const GTAG_SRC = 'https://www.googletagmanager.com/gtag/js';

const fail = (name: string, value: unknown, expected: string): never => {
  throw new TypeError('consent-gate: ' + name + ' must be ' + expected + ', got ' + attempt(() => JSON.stringify(value), String(value)));
};

/** `value` if `test` accepts it (or it is undefined), else a TypeError naming the option. */
const check = <T>(name: string, value: T, test: (v: Exclude<T, undefined>) => unknown, expected: string): T =>
  value === undefined || test(value as Exclude<T, undefined>) ? value : fail(name, value, expected);

const oneOf = <T extends string>(name: string, value: unknown, allowed: T[]): T =>
  value === undefined
    ? allowed[0]
    : allowed.find((a) => typeof value == 'string' && a.toLowerCase() == value.toLowerCase()) || fail(name, value, allowed.join(' or '));

const url = (name: string, value: unknown) => check(name, value, isSafeUrl, 'an http(s) or relative URL') as string | undefined;

/** Validate `options`; throws a `TypeError` naming the option and the value it refused. */
export const normalizeOptions = (options: ConsentGateOptions = {}): Config => {
  check('options', options, (o) => typeof o == 'object' && o, 'an object');
  const { gaId, revision = 1, expiresDays = DEFAULT_EXPIRES_DAYS, cookie = {}, nonce } = options;
  const ids = gaId === undefined ? [] : Array.isArray(gaId) ? gaId : [gaId];
  ids.forEach((id) => check('gaId', id, (v) => typeof v == 'string' && /^G-[A-Za-z0-9]{1,32}$/.test(v), 'a GA4 measurement ID such as "G-ABC123"'));
  check('revision', revision, (v) => Number.isInteger(v) && v >= 0 && v <= 999999, 'an integer from 0 to 999999');
  check('expiresDays', expiresDays, (v) => typeof v == 'number' && v >= 1 && v <= 400, 'a number from 1 to 400');
  check('cookie', cookie, (v) => typeof v == 'object' && v, 'an object');
  const { name = DEFAULT_COOKIE, domain } = cookie;
  // The name must not match the cleaner's patterns, or clearing analytics cookies would erase the decision.
  check('cookie.name', name, (v) => /^[\w-]{1,64}$/.test(v) && !ANALYTICS_COOKIE.test(v), 'letters, digits, "_" or "-", not an analytics cookie name');
  check('cookie.domain', domain, (v) => /^\.?[a-z\d-]+(\.[a-z\d-]+)*$/i.test(v), 'a domain name such as "example.com"');
  check('nonce', nonce, (v) => /^[\w+/=-]+$/.test(v), 'a base64 string');
  return {
    _ids: ids,
    _policyUrl: url('policyUrl', options.policyUrl),
    _revision: revision,
    _expiresDays: expiresDays,
    _cookieName: name,
    _cookieDomain: domain,
    _sameSite: oneOf('cookie.sameSite', cookie.sameSite, ['Lax', 'Strict', 'None']),
    _gpc: oneOf('gpc', options.gpc, ['respect', 'ignore']) == 'respect',
    _advanced: oneOf('consentMode', options.consentMode, ['basic', 'advanced']) == 'advanced',
    _gtagSrc: url('gtagSrc', options.gtagSrc) || GTAG_SRC,
    _nonce: nonce,
    _logEndpoint: url('logEndpoint', options.logEndpoint),
    _ui: options.ui !== false,
  };
};
