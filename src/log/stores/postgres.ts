import type { ConsentStore } from '../store';
import { countColumns, dayStats, LOG_COLUMNS, LOG_WIDTH, rowFrom, rowValues } from '../store';
import { MIGRATIONS } from '../migrations';

/** What the store needs of a `pg` Pool (or of anything that quacks like one). */
export interface PgPool {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
  connect(): Promise<{ query: PgPool['query']; release(): void }>;
  end(): Promise<void>;
}

/** Rows per INSERT statement: LOG_WIDTH (14) parameters each, well under PostgreSQL's 65,535. */
const BATCH = 500;
/** The advisory lock that lets one process at a time migrate. */
const MIGRATION_LOCK = 727214;

const rowOf = (r: Record<string, unknown>) => rowFrom(r, (v) => (v as Date).getTime(), (v) => (v as boolean) ?? null);

/** The UTC month of `ms` as `[year, month (1-12)]`, and its partition's name. */
const monthOf = (ms: number) => {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1] as const;
};
const partition = ([y, m]: readonly [number, number]) => `consent_log_y${y}m${String(m).padStart(2, '0')}`;
const monthStart = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1)).toISOString();
/** The start of the month after month `m` (1-12) of `y`. */
const nextMonthStart = (y: number, m: number) => monthStart(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);

/**
 * The PostgreSQL store, through `pg`: a table partitioned by month of the decision (each partition created
 * when first needed), so retention drops whole partitions; rows inserted in batches of up to 500 per
 * statement with ON CONFLICT DO NOTHING on the consent id and the decision's time. `target`: a
 * `postgres://` URL (a pool of its own, closed with the store) or the site's `pg` Pool (left open).
 */
export const openPostgres = async (target: string | PgPool): Promise<ConsentStore> => {
  const own = typeof target == 'string';
  const pool: PgPool = own ? new ((await import('pg')) as unknown as { default: { Pool: new (o: object) => PgPool } }).default.Pool({ connectionString: target }) : target;
  // Migrations, one process at a time.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS consent_gate_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied = new Set((await client.query('SELECT version FROM consent_gate_migrations')).rows.map((r) => Number(r.version)));
    for (const [version, sql] of MIGRATIONS.postgres)
      if (!applied.has(version)) {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('INSERT INTO consent_gate_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  // The partitions known to exist; another process creating the same one at once is no error.
  const months = new Set<string>();
  const ensure = async (month: readonly [number, number]) => {
    const name = partition(month);
    if (months.has(name)) return;
    const [y, m] = month;
    await pool
      .query(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF consent_log FOR VALUES FROM ('${monthStart(y, m)}') TO ('${nextMonthStart(y, m)}')`)
      .catch((e: { code?: string }) => {
        if (e.code != '42P07' && e.code != '23505') throw e;
      });
    months.add(name);
  };
  const counts = (c: string) => `count(*) FILTER (WHERE ${c}) AS ${c}_granted, count(*) FILTER (WHERE ${c} = false) AS ${c}_denied`;
  return {
    async insert(rows) {
      for (const r of rows) await ensure(monthOf(r.decidedAt));
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const values = batch.flatMap((r) => rowValues(r, (ms) => new Date(ms), (v) => v));
        const places = batch.map((_, j) => '(' + Array.from({ length: LOG_WIDTH }, (_, k) => '$' + (j * LOG_WIDTH + k + 1)).join(', ') + ')').join(', ');
        await pool.query(`INSERT INTO consent_log (${LOG_COLUMNS}) VALUES ${places} ON CONFLICT DO NOTHING`, values);
      }
    },
    lookup: async (id) => (await pool.query('SELECT * FROM consent_log WHERE consent_id = $1 ORDER BY decided_at', [id])).rows.map(rowOf),
    erase: async (id) => (await pool.query('DELETE FROM consent_log WHERE consent_id = $1', [id])).rowCount ?? 0,
    async sweep(before) {
      let removed = 0;
      // Whole months before the cutoff: their partitions go; then the rows before it in the month it falls in.
      const parts = (await pool.query("SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'consent_log'::regclass")).rows.map((r) => r.name as string);
      for (const name of parts) {
        const m = /^consent_log_y(\d{4})m(\d{2})$/.exec(name);
        if (!m) continue;
        const [y, mo] = [Number(m[1]), Number(m[2])];
        if (Date.parse(nextMonthStart(y, mo)) > before) continue;
        removed += Number((await pool.query(`SELECT count(*) AS n FROM ${name}`)).rows[0].n);
        await pool.query(`DROP TABLE IF EXISTS ${name}`);
        months.delete(name);
      }
      return removed + ((await pool.query('DELETE FROM consent_log WHERE decided_at < $1', [new Date(before)])).rowCount ?? 0);
    },
    stats: async (from, to) =>
      (
        await pool.query(
          `SELECT to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS decisions, ${countColumns(counts)}
           FROM consent_log WHERE decided_at >= $1 AND decided_at < $2 GROUP BY day ORDER BY day`,
          [new Date(from), new Date(to)],
        )
      ).rows.map(dayStats),
    latest: async (limit) => (await pool.query('SELECT * FROM consent_log ORDER BY received_at DESC, decided_at DESC LIMIT $1', [limit])).rows.map(rowOf),
    close: async () => {
      if (own) await pool.end();
    },
  };
};
