// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_LOG_BYTES, parseConsentLog, readConsent } from '../../src/server';
import { encodeRecord } from '../../src/consent/record';
import type { Consent } from '../../src/types';

const now = () => Math.floor(Date.now() / 1000) * 1000;
const record = (c: Partial<Consent> = {}) =>
  encodeRecord({ id: '0123456789abcdef', timestamp: now(), revision: 1, source: 'banner', mode: 'opt-in', categories: { analytics: true, marketing: false }, ...c });
const ALL = { categories: ['analytics', 'marketing', 'functional'] as ('analytics' | 'marketing' | 'functional')[] };

describe('readConsent', () => {
  it('reads the decision from a Cookie header, as getConsent() gives it in the browser', () => {
    const header = `session=abc; cg_consent=${record()}; _ga=GA1.1.1.1`;
    expect(readConsent(header, ALL)).toEqual({
      id: '0123456789abcdef',
      timestamp: now(),
      revision: 1,
      source: 'banner',
      mode: 'opt-in',
      categories: { analytics: true, marketing: false, functional: false },
    });
    expect(readConsent(header)).toMatchObject({ categories: { analytics: true } });
    expect(Object.keys(readConsent(header)!.categories)).toEqual(['analytics']);
  });

  it('reads a name-to-value map and Next.js cookies() alike', () => {
    const value = record();
    const expected = readConsent('cg_consent=' + value, ALL);
    expect(readConsent({ cg_consent: value, other: 'x' }, ALL)).toEqual(expected);
    const next = { get: (name: string) => (name == 'cg_consent' ? { name, value } : undefined), getAll: (name: string) => (name == 'cg_consent' ? [{ name, value }] : []) };
    expect(readConsent(next, ALL)).toEqual(expected);
    expect(readConsent({ get: (name: string) => (name == 'cg_consent' ? { value } : undefined) }, ALL)).toEqual(expected);
  });

  it('takes the newest valid record when the header holds the cookie twice, and honours the cookie name', () => {
    const older = record({ timestamp: now() - 5000, categories: { analytics: true } });
    const newer = record({ categories: { analytics: false } });
    expect(readConsent(`cg_consent=${older}; cg_consent=${newer}`)!.categories).toEqual({ analytics: false });
    expect(readConsent(`site_consent=${newer}`, { cookie: { name: 'site_consent' } })!.categories).toEqual({ analytics: false });
    expect(readConsent(`cg_consent=${newer}`, { cookie: { name: 'site_consent' } })).toBeNull();
  });

  it('lets no record dated ahead outvote a later decision: the valid one beside it counts', () => {
    const ahead = record({ timestamp: now() + 2 * 864e5, categories: { analytics: true } });
    const withdrawn = record({ categories: { analytics: false } });
    expect(readConsent(`cg_consent=${ahead}; cg_consent=${withdrawn}`)!.categories).toEqual({ analytics: false });
  });

  it.each([
    ['no cookie at all', undefined],
    ['an empty header', ''],
    ['a look-alike name', 'xcg_consent=' + record() + '; cg_consentx=' + record()],
    ['a tampered record', 'cg_consent=' + record().replace('a1', 'a9')],
    ['an older revision', 'cg_consent=' + record({ revision: 0 })],
    ['an expired record', 'cg_consent=' + record({ timestamp: now() - 200 * 864e5 })],
    ['a record dated years ahead', 'cg_consent=' + record({ timestamp: now() + 3 * 365 * 864e5 })],
    ['the latest time a record can hold', 'cg_consent=1.0123456789abcdef.zzzzzzzz.1.a1.b'],
    ['4 KB', 'cg_consent=' + 'a1'.repeat(2000)],
    ['a value that is no string', { cg_consent: 42 as never }],
    ['no object', 42 as never],
  ])('reads %s as no decision, never a grant, never a throw', (_, cookies) => {
    expect(readConsent(cookies as never, ALL)).toBeNull();
  });

  it('follows Global Privacy Control as the browser does, when the request carried it', () => {
    expect(readConsent('cg_consent=' + record(), { globalPrivacyControl: true })).toBeNull();
    expect(readConsent('cg_consent=' + record({ source: 'preferences' }), { globalPrivacyControl: true })).toMatchObject({ categories: { analytics: true } });
    expect(readConsent('cg_consent=' + record(), { globalPrivacyControl: true, gpc: 'ignore' })).not.toBeNull();
    expect(readConsent('cg_consent=' + record({ source: 'gpc', categories: { analytics: false } }))).toBeNull();
  });

  it('in opt-out mode: no decision is null (nothing recorded); a category the decision lacks is granted, unless the request carried GPC or DNT', () => {
    const optOut = { ...ALL, mode: 'opt-out' as const };
    expect(readConsent('', optOut)).toBeNull();
    const old = 'cg_consent=' + record({ mode: 'opt-out', categories: { analytics: false } });
    expect(readConsent(old, optOut)).toMatchObject({ mode: 'opt-out', categories: { analytics: false, marketing: true, functional: true } });
    expect(readConsent(old, ALL)!.categories).toEqual({ analytics: false, marketing: false, functional: false });
    expect(readConsent(old, { ...optOut, globalPrivacyControl: true })!.categories).toEqual({ analytics: false, marketing: false, functional: false });
    expect(readConsent(old, { ...optOut, dnt: 'respect', doNotTrack: true })!.categories).toEqual({ analytics: false, marketing: false, functional: false });
    expect(() => readConsent('', { mode: 'optout' as never })).toThrow('consent-gate: invalid mode: optout');
  });

  it('counts Do Not Track like Global Privacy Control with dnt: respect, and not by default', () => {
    expect(readConsent('cg_consent=' + record(), { doNotTrack: true, dnt: 'respect' })).toBeNull();
    expect(readConsent('cg_consent=' + record(), { doNotTrack: true })).not.toBeNull();
  });

  it('reads a schema 1 record as its analytics choice', () => {
    const v1 = ['1', '0123456789abcdef', Math.floor(Date.now() / 1000).toString(36), '1', 'a1', 'b'].join('.');
    expect(readConsent('cg_consent=' + v1, ALL)!.categories).toEqual({ analytics: true, marketing: false, functional: false });
  });

  it('throws a TypeError for invalid options, as the browser does', () => {
    expect(() => readConsent('', { categories: ['ads' as never] })).toThrow('consent-gate: invalid categories: ads');
  });

  it('never reads a grant from a header unless it holds a well-formed granting record for the cookie (property)', () => {
    const GRANTING = /(^|;)\s*cg_consent=(2\.[0-9a-z]{16}\.[0-9a-z]{1,8}\.\d{1,6}\.(a[01])?(m[01])?(f[01])?\.[bpag]o?|1\.[0-9a-z]{16}\.[0-9a-z]{1,8}\.\d{1,6}\.a1\.[bpag])\s*(;|$)/;
    const near = fc.tuple(fc.constantFrom('cg_consent', 'cg_consentx', 'xcg_consent', ' cg_consent', 'CG_CONSENT'), fc.string({ maxLength: 8 }), fc.nat(40)).map(([name, junk, at]) => {
      const value = record();
      return `a=1; ${name}=${value.slice(0, at)}${junk}${value.slice(at)}; b=2`;
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), near), (header) => {
        const consent = readConsent(header, ALL);
        if (consent && Object.values(consent.categories).includes(true)) expect(header).toMatch(GRANTING);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseConsentLog', () => {
  const body = { id: '0123456789abcdef', timestamp: 1795646700000, revision: 3, source: 'banner', mode: 'opt-out', categories: { analytics: true, marketing: false }, language: 'de-AT', path: '/shop/cart/' };

  it('returns the checked record, from the JSON text or the parsed object, and drops unknown fields', () => {
    expect(parseConsentLog(JSON.stringify(body))).toEqual(body);
    expect(parseConsentLog({ ...body, ip: '203.0.113.7', email: 'a@b.c', categories: { ...body.categories } })).toEqual(body);
    const { language: _, ...noLanguage } = body;
    expect(parseConsentLog({ ...noLanguage, language: '' })).toEqual(noLanguage);
    // A beacon from before opt-out mode: opt-in.
    const { mode: __, ...noMode } = body;
    expect(parseConsentLog(noMode)).toEqual({ ...body, mode: 'opt-in' });
  });

  it.each([
    ['too large', JSON.stringify({ ...body, padding: 'x'.repeat(MAX_LOG_BYTES) }), 'larger than'],
    ['not JSON', '{"id":', 'not JSON'],
    ['an array', '[]', 'not an object'],
    ['null', 'null', 'not an object'],
    ['a number', 42, 'not an object'],
    ['a bad id', { ...body, id: '../../etc/passwd' }, 'id'],
    ['an id that is no string', { ...body, id: 1234567890123456 }, 'id'],
    ['a timestamp that is a string', { ...body, timestamp: '1795646700000' }, 'timestamp'],
    ['a negative timestamp', { ...body, timestamp: -1 }, 'timestamp'],
    ['a fractional revision', { ...body, revision: 1.5 }, 'revision'],
    ['an unknown source', { ...body, source: 'admin' }, 'source'],
    ['an unknown mode', { ...body, mode: 'opt-maybe' }, 'mode'],
    ['no category', { ...body, categories: {} }, 'categories'],
    ['an unknown category', { ...body, categories: { analytics: true, everything: true } }, 'categories'],
    ['a category that is no boolean', { ...body, categories: { analytics: 'yes' } }, 'categories'],
    ['nested categories', { ...body, categories: { analytics: { granted: true } } }, 'categories'],
    ['categories as an array', { ...body, categories: [true] }, 'categories'],
    ['a hostile language', { ...body, language: '<script>alert(1)</script>' }, 'language'],
    ['a path with a query string and spaces', { ...body, path: '/a?email=x y' }, 'path'],
    ['a path that is a URL', { ...body, path: 'https://evil.example/' }, 'path'],
    ['a huge path', { ...body, path: '/' + 'a'.repeat(2000) }, 'path'],
  ])('refuses %s with a TypeError naming it', (_, input, what) => {
    expect(() => parseConsentLog(input)).toThrow(TypeError);
    expect(() => parseConsentLog(input)).toThrow('consent-gate: invalid consent log: ' + what);
  });

  it('never throws anything but its TypeError, whatever the body (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.json(), fc.string()), (input) => {
        try {
          parseConsentLog(input);
        } catch (e) {
          expect(e).toBeInstanceOf(TypeError);
          expect((e as Error).message).toMatch(/^consent-gate: invalid consent log: /);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
