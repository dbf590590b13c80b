import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/consent/record';
import type { Consent } from '../../src/types';

const NOW = Date.UTC(2026, 10, 24, 12);
const policy = { revision: 3, expiresDays: 182 };
const consent: Consent = { analytics: true, id: 'k3j9x0q2m5p7r1tz', timestamp: NOW - 1000, revision: 3, source: 'banner' };

describe('consent record', () => {
  it('round-trips a decision in a short cookie value of safe characters', () => {
    const value = encodeRecord(consent);
    expect(value).toMatch(/^[0-9a-z.]+$/);
    expect(value.length).toBeLessThan(50);
    expect(decodeRecord(value, policy, NOW)).toEqual(consent);
    for (const source of ['banner', 'preferences', 'api', 'gpc'] as const)
      expect(decodeRecord(encodeRecord({ ...consent, analytics: false, source }), policy, NOW)).toMatchObject({ analytics: false, source });
  });

  it('stores the time to the second', () => {
    const value = encodeRecord({ ...consent, timestamp: NOW - 1234 });
    expect(decodeRecord(value, policy, NOW)!.timestamp).toBe(NOW - 2000);
  });

  it('treats an expired record as no decision', () => {
    const day = 864e5;
    expect(decodeRecord(encodeRecord({ ...consent, timestamp: NOW - 181 * day }), policy, NOW)).not.toBeNull();
    expect(decodeRecord(encodeRecord({ ...consent, timestamp: NOW - 183 * day }), policy, NOW)).toBeNull();
    expect(decodeRecord(encodeRecord({ ...consent, timestamp: NOW - 10 * day }), { ...policy, expiresDays: 7 }, NOW)).toBeNull();
  });

  it('keeps a record dated ahead of a clock that went back', () => {
    expect(decodeRecord(encodeRecord({ ...consent, timestamp: NOW + 2 * 864e5 }), policy, NOW)).not.toBeNull();
  });

  it('asks again after the policy revision is raised, and keeps a newer revision', () => {
    expect(decodeRecord(encodeRecord({ ...consent, revision: 2 }), policy, NOW)).toBeNull();
    expect(decodeRecord(encodeRecord({ ...consent, revision: 4 }), policy, NOW)).not.toBeNull();
  });

  it.each([
    ['empty', ''],
    ['unknown schema', encodeRecord(consent).replace(/^1/, '2')],
    ['truncated', encodeRecord(consent).slice(0, -3)],
    ['granted flag not 0 or 1', encodeRecord(consent).replace('.a1.', '.a2.')],
    ['unknown source', encodeRecord(consent).replace(/\.b$/, '.x')],
    ['trailing junk', encodeRecord(consent) + '.a1'],
    ['JSON', JSON.stringify(consent)],
    ['oversized', encodeRecord(consent) + '0'.repeat(300)],
    ['4 KB', 'a1'.repeat(2048)],
  ])('treats a %s value as no decision', (_, value) => {
    expect(decodeRecord(value, policy, NOW)).toBeNull();
  });

  it('treats a value that is not a string as no decision', () => {
    for (const value of [undefined, null, 1, {}, ['1']]) expect(decodeRecord(value, policy, NOW)).toBeNull();
  });
});
