import type { Category, Consent } from '../types';
import { decodeRecord, type RecordPolicy } from './record';

/**
 * The newest valid decision among the values the consent cookie has (it may exist on two domains),
 * decoded strictly at time `now`; then, with Global Privacy Control on (`gpc`), a banner grant given
 * before the signal does not count, and a GPC denial counts only while the signal is on.
 */
export const storedDecision = (values: string[], policy: RecordPolicy, now: number, gpc: boolean): Consent | null => {
  let found: Consent | null = null;
  for (const value of values) {
    const record = decodeRecord(value, policy, now);
    if (record && (!found || record.timestamp > found.timestamp)) found = record;
  }
  return found && (gpc ? found.source == 'banner' && Object.values(found.categories).includes(true) : found.source == 'gpc') ? null : found;
};

/**
 * A decision as it applies to the declared `categories`: recorded ones as recorded; one it lacks denied, or
 * in opt-out mode (`optOut`) granted.
 */
export const project = (record: Consent | null, categories: Category[], optOut?: boolean): Consent | null =>
  record && { ...record, categories: Object.fromEntries(categories.map((k) => [k, k in record.categories ? record.categories[k] === true : !!optOut])) };
