import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRecord, encodeRecord } from '../../src/consent/record';
import type { Consent } from '../../src/types';

const NOW = Date.UTC(2026, 10, 24, 12);
const policy = { revision: 3, expiresDays: 182 };
const WELL_FORMED = /^1\.[0-9a-z]{16}\.[0-9a-z]{1,8}\.\d{1,6}\.a1\.[bpag]$/;

const consentArb = fc.record<Consent>({
  analytics: fc.boolean(),
  id: fc.stringMatching(/^[0-9a-z]{16}$/),
  timestamp: fc.integer({ min: NOW - 180 * 864e5, max: NOW }).map((t) => Math.floor(t / 1000) * 1000),
  revision: fc.integer({ min: 3, max: 999999 }),
  source: fc.constantFrom('banner', 'preferences', 'api', 'gpc'),
});

// Strings near the real format: a valid record with characters changed, cut, repeated or appended.
const mutatedArb = fc
  .tuple(consentArb, fc.nat(60), fc.string({ maxLength: 8 }), fc.nat(3))
  .map(([c, at, junk, how]) => {
    const v = encodeRecord(c);
    const i = at % (v.length + 1);
    return [v.slice(0, i) + junk + v.slice(i), v.slice(0, i), v.repeat(how + 2), v + junk][how];
  });

describe('consent record decoding (properties)', () => {
  it('never decodes an arbitrary string, however long, to a grant unless it is a well-formed granting record', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 5000 }), fc.string({ unit: 'binary', maxLength: 400 }), mutatedArb), (value) => {
        const consent = decodeRecord(value, policy, NOW);
        if (consent && consent.analytics) expect(value).toMatch(WELL_FORMED);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), (value) => void decodeRecord(value, policy, NOW)), { numRuns: 1000 });
  });

  it('decodes every well-formed record to exactly what was encoded', () => {
    fc.assert(fc.property(consentArb, (c) => {
        expect(decodeRecord(encodeRecord(c), policy, NOW)).toEqual(c);
      }),
    );
  });
});
