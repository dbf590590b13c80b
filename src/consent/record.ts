import type { Consent, ConsentSource } from '../types';

/**
 * The stored form of a decision, schema 1: `1.<id>.<seconds, base 36>.<revision>.a<0|1>.<source>`,
 * e.g. `1.k3j9x0q2m5p7r1tz.t4f8kq.3.a1.b` (about 35 bytes). Only characters js-cookie leaves unencoded.
 */
const RECORD = /^1\.([0-9a-z]{16})\.([0-9a-z]{1,8})\.(\d{1,6})\.a([01])\.([bpag])$/;
const SOURCES: ConsentSource[] = ['banner', 'preferences', 'api', 'gpc'];

/** Encode a decision as the cookie value. */
export const encodeRecord = (c: Consent): string =>
  ['1', c.id, Math.floor(c.timestamp / 1000).toString(36), c.revision, 'a' + +c.analytics, c.source[0]].join('.');

/** What a stored value must satisfy to count as a decision: the current revision and how long a decision is kept. */
export interface RecordPolicy {
  revision: number;
  expiresDays: number;
}

const DAY = 864e5;

/**
 * Decode a stored value read at time `now` (ms). Anything malformed, oversized, of an unknown schema,
 * expired or of an older revision is `null` (no decision): never a grant, never a thrown error.
 */
export const decodeRecord = (value: unknown, policy: RecordPolicy, now: number): Consent | null => {
  // The pattern's bounded parts cap a match at about 40 characters: an oversized value never matches.
  const m = typeof value == 'string' && RECORD.exec(value);
  if (!m) return null;
  const timestamp = parseInt(m[2], 36) * 1000;
  const revision = +m[3];
  if (now - timestamp > policy.expiresDays * DAY || revision < policy.revision) return null;
  return {
    analytics: m[4] == '1',
    id: m[1],
    timestamp,
    revision,
    source: SOURCES['bpag'.indexOf(m[5])],
  };
};
