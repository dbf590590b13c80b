import type { Categories, Consent, ConsentSource } from '../types';
import { CATEGORIES } from './categories';

/**
 * The stored form of a decision, schema 2: `2.<id>.<seconds, base 36>.<revision>.<categories>.<source>`,
 * each recorded category as its first letter and 0 or 1, in a fixed order, and the source's first letter,
 * followed by `o` for a decision given in opt-out mode: `2.k3j9x0q2m5p7r1tz.t4f8kq.3.a1m0f1.b` (about 40
 * bytes). Schema 1 (`1.….a1.b`, analytics only) is still read. Only characters js-cookie leaves unencoded.
 * The pattern's bounded parts cap a match at about 45 characters: an oversized value never matches.
 */
const RECORD = /^([12])\.([0-9a-z]{16})\.([0-9a-z]{1,8})\.(\d{1,6})\.(?=[amf])((?:a[01])?(?:m[01])?(?:f[01])?)\.([bpag])(o?)$/;
/** Every source of a decision; its first letter is its code in the record. */
export const SOURCES: ConsentSource[] = ['banner', 'preferences', 'api', 'gpc'];

/** Encode a decision (schema 2): the categories it records, as given. */
export const encodeRecord = (c: Consent): string =>
  [2, c.id, Math.floor(c.timestamp / 1000).toString(36), c.revision, CATEGORIES.map((k) => (k in c.categories ? k[0] + +c.categories[k]! : '')).join(''), c.source[0] + (c.mode == 'opt-out' ? 'o' : '')].join('.');

/** What a stored value must satisfy to count as a decision: the current revision and how long a decision is kept. */
export interface RecordPolicy {
  revision: number;
  expiresDays: number;
}

/**
 * Decode a stored value read at time `now` (ms), of either schema, with the categories it records (any of
 * them). Anything malformed, oversized, of an unknown schema, expired, dated more than a day after `now`
 * (a clock that was wrong: it would never expire and would outvote every later decision) or of an older
 * revision is `null` (no decision): never a grant, never a thrown error.
 */
export const decodeRecord = (value: unknown, policy: RecordPolicy, now: number): Consent | null => {
  const m = typeof value == 'string' && RECORD.exec(value);
  const age = m ? now - parseInt(m[3], 36) * 1000 : 0;
  // Schema 1 records analytics alone.
  if (!m || (m[1] == '1' && (m[7] || !/^a.$/.test(m[5]))) || age > policy.expiresDays * 864e5 || age < -864e5 || +m[4] < policy.revision) return null;
  const categories: Categories = {};
  for (const code of m[5].match(/../g)!) categories[CATEGORIES['amf'.indexOf(code[0])]] = code[1] == '1';
  return { id: m[2], timestamp: parseInt(m[3], 36) * 1000, revision: +m[4], source: SOURCES['bpag'.indexOf(m[6])], mode: m[7] ? 'opt-out' : 'opt-in', categories };
};
