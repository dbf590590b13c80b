import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRecord, encodeRecord } from '../../src/consent/record';
import type { Consent } from '../../src/types';

const NOW = Date.UTC(2026, 10, 24, 12);
const policy = { revision: 3, expiresDays: 182 };
// A record that grants something: schema 2 with a category at 1, or schema 1 granting analytics.
const WELL_FORMED_GRANT = /^(2\.[0-9a-z]{16}\.[0-9a-z]{1,8}\.\d{1,6}\.(a[01])?(m[01])?(f[01])?\.[bpag]o?|1\.[0-9a-z]{16}\.[0-9a-z]{1,8}\.\d{1,6}\.a1\.[bpag])$/;

const consentArb = fc.record<Consent>({
  id: fc.stringMatching(/^[0-9a-z]{16}$/),
  timestamp: fc.integer({ min: NOW - 180 * 864e5, max: NOW }).map((t) => Math.floor(t / 1000) * 1000),
  revision: fc.integer({ min: 3, max: 999999 }),
  source: fc.constantFrom('banner', 'preferences', 'api', 'gpc'),
  mode: fc.constantFrom('opt-in', 'opt-out'),
  categories: fc.record({ analytics: fc.boolean(), marketing: fc.boolean(), functional: fc.boolean() }, { requiredKeys: [] }).filter((c) => Object.keys(c).length > 0),
});

// Strings near the real formats: a valid record of either schema with characters changed, cut, repeated or appended.
const mutatedArb = fc
  .tuple(consentArb, fc.boolean(), fc.nat(60), fc.string({ maxLength: 8 }), fc.nat(3))
  .map(([c, v1, at, junk, how]) => {
    const v = v1 ? encodeRecord(c).replace(/^2/, '1').replace(/\.[amf01]+\./, '.a' + +!!c.categories.analytics + '.') : encodeRecord(c);
    const i = at % (v.length + 1);
    return [v.slice(0, i) + junk + v.slice(i), v.slice(0, i), v.repeat(how + 2), v + junk][how];
  });

describe('consent record decoding (properties)', () => {
  it('never decodes an arbitrary string, however long, to a grant unless it is a well-formed granting record', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 5000 }), fc.string({ unit: 'binary', maxLength: 400 }), mutatedArb), (value) => {
        const consent = decodeRecord(value, policy, NOW);
        if (consent && Object.values(consent.categories).includes(true)) {
          expect(value).toMatch(WELL_FORMED_GRANT);
          expect(value).toMatch(/[amf]1/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), (value) => void decodeRecord(value, policy, NOW)), { numRuns: 1000 });
  });

  it('decodes every well-formed record to exactly what was encoded', () => {
    fc.assert(
      fc.property(consentArb, (c) => {
        expect(decodeRecord(encodeRecord(c), policy, NOW)).toEqual(c);
      }),
    );
  });

  it('reads every schema 1 record as its analytics choice alone', () => {
    fc.assert(
      fc.property(consentArb, fc.boolean(), (c, analytics) => {
        const v1 = ['1', c.id, Math.floor(c.timestamp / 1000).toString(36), c.revision, 'a' + +analytics, c.source[0]].join('.');
        expect(decodeRecord(v1, policy, NOW)).toEqual({ ...c, mode: 'opt-in', categories: { analytics } });
      }),
    );
  });
});
