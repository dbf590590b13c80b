import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConsentStore, LogRow } from '../store';
import { countColumns, dayStats, LOG_COLUMNS, LOG_WIDTH, rowFrom, rowValues } from '../store';
import { MIGRATIONS } from '../migrations';

type Db = {
  exec(sql: string): void;
  prepare(sql: string): { run(...params: unknown[]): { changes: number }; all(...params: unknown[]): Record<string, unknown>[]; get(...params: unknown[]): Record<string, unknown> | undefined };
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
};

const flag = (v: boolean | null) => (v == null ? null : +v);
const rowOf = (r: Record<string, unknown>) => rowFrom(r, Number, (v) => (v == null ? null : v == 1));

/**
 * The embedded store: one SQLite file through libSQL (its binaries come from npm, nothing is compiled or
 * downloaded elsewhere), in WAL mode with `synchronous = FULL`, so a row is on disk once `insert` resolves,
 * a crash of the process or of the machine included. Several processes may share the file (SQLite locks it).
 */
export const openSqlite = async (path: string): Promise<ConsentStore> => {
  const { default: Database } = (await import('libsql')) as unknown as { default: new (path: string) => Db };
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;');
  db.exec('CREATE TABLE IF NOT EXISTS consent_gate_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM consent_gate_migrations').all().map((r) => Number(r.version)));
  for (const [version, sql] of MIGRATIONS.sqlite)
    if (!applied.has(version))
      db.transaction(() => {
        db.exec(sql);
        db.prepare('INSERT INTO consent_gate_migrations VALUES (?, ?)').run(version, Date.now());
      })();
  const insert = db.prepare(`INSERT INTO consent_log (${LOG_COLUMNS}) VALUES (${Array(LOG_WIDTH).fill('?').join(', ')}) ON CONFLICT DO NOTHING`);
  const insertAll = db.transaction((rows: LogRow[]) => {
    for (const r of rows) insert.run(...rowValues(r, (ms) => ms, flag));
  });
  const counts = (c: string) => `SUM(${c} = 1) AS ${c}_granted, SUM(${c} = 0) AS ${c}_denied`;
  return {
    insert: async (rows) => insertAll(rows),
    lookup: async (id) => db.prepare(`SELECT * FROM consent_log WHERE consent_id = ? ORDER BY decided_at`).all(id).map(rowOf),
    erase: async (id) => db.prepare('DELETE FROM consent_log WHERE consent_id = ?').run(id).changes,
    sweep: async (before) => db.prepare('DELETE FROM consent_log WHERE decided_at < ?').run(before).changes,
    stats: async (from, to) =>
      db
        .prepare(
          `SELECT strftime('%Y-%m-%d', decided_at / 1000, 'unixepoch') AS day, COUNT(*) AS decisions, ${countColumns(counts)}
           FROM consent_log WHERE decided_at >= ? AND decided_at < ? GROUP BY day ORDER BY day`,
        )
        .all(from, to)
        .map(dayStats),
    latest: async (limit) => db.prepare('SELECT * FROM consent_log ORDER BY received_at DESC, decided_at DESC LIMIT ?').all(limit).map(rowOf),
    close: async () => db.close(),
  };
};
