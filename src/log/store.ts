import type { Category, ConsentGateMode, ConsentSource } from '../types';

/** One decision as the log keeps it: a withdrawal is a row of its own, so the history stays. */
export interface LogRow {
  /** The visitor's random consent id (from the consent cookie): pseudonymous, the key of every lookup. */
  consentId: string;
  /** When the decision was given (ms): the record's time, clamped to at most a day after receipt and 8 days before it. */
  decidedAt: number;
  /** When the server received it (ms). */
  receivedAt: number;
  /** The policy revision the decision was given for. */
  revision: number;
  /** The version of the texts the visitor was shown (a short hash the built-in UI sends), or null. */
  notice: string | null;
  mode: ConsentGateMode;
  source: ConsentSource;
  /** Each category granted (`true`), denied (`false`), or not part of the decision (`null`). */
  analytics: boolean | null;
  marketing: boolean | null;
  functional: boolean | null;
  /** The page the decision was given on, without its query string. */
  path: string;
  /** The page's language, or null. */
  language: string | null;
  /** The visitor's IP prefix (`203.0.113.0/24`, `2001:db8:1::/48`) with `ip: 'truncate'`, else null. */
  ipPrefix: string | null;
  /** The browser's User-Agent with `userAgent: true`, else null. */
  userAgent: string | null;
}

/** One category's counts on one day: the decisions that covered it, granted and denied, and the opt-in rate. */
export interface CategoryStats {
  granted: number;
  denied: number;
  /** `granted / (granted + denied)`, or null on a day without any. */
  rate: number | null;
}

/** The decisions of one UTC day. */
export interface DayStats {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  decisions: number;
  analytics: CategoryStats;
  marketing: CategoryStats;
  functional: CategoryStats;
}

/**
 * Where the log keeps its rows: the embedded database (stores/sqlite.ts), PostgreSQL (stores/postgres.ts), or
 * a site's own engine (ClickHouse, BigQuery…) implementing this interface. A store knows its SQL and nothing
 * of HTTP; every method may reject (the handler answers 503).
 */
export interface ConsentStore {
  /** Store `rows`, in one transaction: a row whose consent id and decision time are already stored is left out (never a check, then an insert). Resolves once they are durable. */
  insert(rows: LogRow[]): Promise<void>;
  /** Every row of `consentId`, oldest first. */
  lookup(consentId: string): Promise<LogRow[]>;
  /** Delete every row of `consentId`; resolves with how many there were. */
  erase(consentId: string): Promise<number>;
  /** Delete every row decided before `before` (ms); resolves with how many there were. */
  sweep(before: number): Promise<number>;
  /** The counts of each UTC day with decisions in [`from`, `to`) (ms), oldest first. */
  stats(from: number, to: number): Promise<DayStats[]>;
  /** The `limit` rows received last, newest first. */
  latest(limit: number): Promise<LogRow[]>;
  close(): Promise<void>;
}

/** The categories as the rows hold them, in their fixed order. */
const LOG_CATEGORIES: Category[] = ['analytics', 'marketing', 'functional'];

/** The table's columns, in the order of `rowValues`. */
export const LOG_COLUMNS = 'consent_id, decided_at, received_at, revision, notice, mode, source, analytics, marketing, functional, page_path, language, ip_prefix, user_agent';

/** How many values a row has: one per column. */
export const LOG_WIDTH = LOG_COLUMNS.split(', ').length;

/** `row`'s values in the order of LOG_COLUMNS, its times and flags as the store's driver takes them. */
export const rowValues = (row: LogRow, time: (ms: number) => unknown, flag: (v: boolean | null) => unknown): unknown[] => [
  row.consentId,
  time(row.decidedAt),
  time(row.receivedAt),
  row.revision,
  row.notice,
  row.mode,
  row.source,
  ...LOG_CATEGORIES.map((c) => flag(row[c])),
  row.path,
  row.language,
  row.ipPrefix,
  row.userAgent,
];

/** A row as the store's driver returns it, its times and flags read back with `time` and `flag`. */
export const rowFrom = (r: Record<string, unknown>, time: (v: unknown) => number, flag: (v: unknown) => boolean | null): LogRow => ({
  consentId: r.consent_id as string,
  decidedAt: time(r.decided_at),
  receivedAt: time(r.received_at),
  revision: Number(r.revision),
  notice: (r.notice as string) ?? null,
  mode: r.mode as LogRow['mode'],
  source: r.source as LogRow['source'],
  analytics: flag(r.analytics),
  marketing: flag(r.marketing),
  functional: flag(r.functional),
  path: r.page_path as string,
  language: (r.language as string) ?? null,
  ipPrefix: (r.ip_prefix as string) ?? null,
  userAgent: (r.user_agent as string) ?? null,
});

/**
 * The stats query's per-category columns (`<category>_granted`, `<category>_denied`), each counted by the
 * store's SQL for one category (`counts`).
 */
export const countColumns = (counts: (category: string) => string) => LOG_CATEGORIES.map(counts).join(', ');

/** A row of the stats query (`day`, `decisions` and countColumns') as a day's stats. */
export const dayStats = (r: Record<string, unknown>): DayStats => {
  const day = { day: r.day as string, decisions: Number(r.decisions) } as DayStats;
  for (const c of LOG_CATEGORIES) {
    const [granted, denied] = [Number(r[c + '_granted'] || 0), Number(r[c + '_denied'] || 0)];
    day[c] = { granted, denied, rate: granted + denied ? granted / (granted + denied) : null };
  }
  return day;
};
