import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/consent/record';
import type { Consent } from '../../src/types';

const NOW = Date.UTC(2026, 10, 24, 12);
const policy = { revision: 3, expiresDays: 182 };
const consent: Consent = { id: 'k3j9x0q2m5p7r1tz', timestamp: NOW - 1000, revision: 3, source: 'banner', mode: 'opt-in', categories: { analytics: true, marketing: false, functional: true } };
const seconds = (t: number) => Math.floor(t / 1000).toString(36);

describe('consent record, schema 2', () => {
  it('round-trips a decision with every category in a short cookie value of safe characters', () => {
    const value = encodeRecord(consent);
    expect(value).toBe(`2.k3j9x0q2m5p7r1tz.${seconds(NOW - 1000)}.3.a1m0f1.b`);
    expect(value).toMatch(/^[0-9a-z.]+$/);
    expect(value.length).toBeLessThan(50);
    expect(decodeRecord(value, policy, NOW)).toEqual(consent);
    for (const source of ['banner', 'preferences', 'api', 'gpc'] as const)
      expect(decodeRecord(encodeRecord({ ...consent, source }), policy, NOW)).toMatchObject({ source });
  });

  it('says which mode the decision was given under: `o` after the source for opt-out, nothing for opt-in', () => {
    const value = encodeRecord({ ...consent, mode: 'opt-out' });
    expect(value).toBe(`2.k3j9x0q2m5p7r1tz.${seconds(NOW - 1000)}.3.a1m0f1.bo`);
    expect(decodeRecord(value, policy, NOW)).toEqual({ ...consent, mode: 'opt-out' });
    expect(encodeRecord(consent)).toMatch(/\.b$/);
    for (const bad of [value + 'o', value.replace(/bo$/, 'ob'), value.replace(/bo$/, 'bx')]) expect(decodeRecord(bad, policy, NOW)).toBeNull();
  });

  it('records only the categories given, each granted or denied explicitly', () => {
    const value = encodeRecord({ ...consent, categories: { marketing: true } });
    expect(value).toMatch(/\.m1\.b$/);
    expect(decodeRecord(value, policy, NOW)!.categories).toEqual({ marketing: true });
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

  it('keeps a record dated up to a day ahead (a clock slightly behind), and treats one dated further ahead as no decision', () => {
    expect(decodeRecord(encodeRecord({ ...consent, timestamp: NOW + 864e5 - 1000 }), policy, NOW)).not.toBeNull();
    expect(decodeRecord(encodeRecord({ ...consent, timestamp: NOW + 864e5 + 1000 }), policy, NOW)).toBeNull();
    expect(decodeRecord(encodeRecord({ ...consent, timestamp: NOW + 3 * 365 * 864e5 }), policy, NOW)).toBeNull();
    // The largest time the pattern admits (8 base-36 digits: about the year 90,000).
    expect(decodeRecord('1.k3j9x0q2m5p7r1tz.zzzzzzzz.3.a1.b', policy, NOW)).toBeNull();
  });

  it('asks again after the policy revision is raised, and keeps a newer revision', () => {
    expect(decodeRecord(encodeRecord({ ...consent, revision: 2 }), policy, NOW)).toBeNull();
    expect(decodeRecord(encodeRecord({ ...consent, revision: 4 }), policy, NOW)).not.toBeNull();
  });

  it.each([
    ['empty', ''],
    ['unknown schema', encodeRecord(consent).replace(/^2/, '3')],
    ['truncated', encodeRecord(consent).slice(0, -3)],
    ['granted flag not 0 or 1', encodeRecord(consent).replace('a1', 'a2')],
    ['a category twice', encodeRecord(consent).replace('a1m0f1', 'a1a0')],
    ['categories out of order', encodeRecord(consent).replace('a1m0f1', 'm0a1')],
    ['an unknown category', encodeRecord(consent).replace('a1m0f1', 'a1x1')],
    ['no category', encodeRecord(consent).replace('.a1m0f1.', '..')],
    ['unknown source', encodeRecord(consent).replace(/\.b$/, '.x')],
    ['trailing junk', encodeRecord(consent) + '.a1'],
    ['JSON', JSON.stringify(consent)],
    ['oversized', encodeRecord(consent) + '0'.repeat(300)],
    ['4 KB', 'a1'.repeat(2048)],
  ])('treats a %s value as no decision', (_, value) => {
    expect(decodeRecord(value, policy, NOW)).toBeNull();
  });

  it('treats a value that is not a string as no decision', () => {
    for (const value of [undefined, null, 1, {}, ['2']]) expect(decodeRecord(value, policy, NOW)).toBeNull();
  });
});

describe('consent record, schema 1 (before categories)', () => {
  const v1 = (analytics: 0 | 1, extra = '') => `1.k3j9x0q2m5p7r1tz.${seconds(NOW - 1000)}.3.a${analytics}${extra}.b`;

  it('is read as its analytics choice, and nothing more', () => {
    expect(decodeRecord(v1(1), policy, NOW)).toEqual({ ...consent, timestamp: NOW - 1000, categories: { analytics: true } });
    expect(decodeRecord(v1(0), policy, NOW)!.categories).toEqual({ analytics: false });
  });

  it('never carries another category', () => {
    expect(decodeRecord(v1(1, 'm1'), policy, NOW)).toBeNull();
    expect(decodeRecord(v1(1).replace('.a1.', '.m1.'), policy, NOW)).toBeNull();
    // Opt-out mode came after schema 1.
    expect(decodeRecord(v1(1) + 'o', policy, NOW)).toBeNull();
  });

  it('follows the same rules of revision and expiry', () => {
    expect(decodeRecord(v1(1), { ...policy, revision: 4 }, NOW)).toBeNull();
    expect(decodeRecord(v1(1), policy, NOW + 183 * 864e5)).toBeNull();
  });
});
