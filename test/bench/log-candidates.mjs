// The embedded databases consent-gate/log could use, measured as a site would meet them:
// `npm run bench:log-candidates`. Each is installed from the npm registry into a directory of its own with
// an empty npm cache (what `npm install` costs a site: time, size, and whether anything is compiled), then
// opened on a new file and given single-row inserts of the log's row, each its own transaction, durable as
// the log's own store is (SQLite: WAL, synchronous = FULL). Prints the figures; writes nothing but temporary
// directories, which it removes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROWS = Number(process.env.BENCH_ROWS || 5000);
const TABLE = `CREATE TABLE consent_log (consent_id TEXT NOT NULL, decided_at BIGINT NOT NULL, received_at BIGINT NOT NULL,
  revision INTEGER NOT NULL, mode TEXT NOT NULL, source TEXT NOT NULL, analytics INTEGER, marketing INTEGER,
  functional INTEGER, page_path TEXT NOT NULL, PRIMARY KEY (consent_id, decided_at))`;
const row = (i) => ['k3j9x0q2m5p7' + String(i % 1000).padStart(4, '0'), 1790000000000 + i, Date.now(), 1, 'opt-in', 'banner', 1, 0, 1, '/'];

/** The size of a directory's files, in MB. */
const megabytes = (dir) => {
  let bytes = 0;
  const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : (bytes += statSync(join(d, e.name)).size)));
  walk(dir);
  return (bytes / 1e6).toFixed(0);
};

/** A SQLite driver with better-sqlite3's API (libsql shares it), opened as the log's own store opens SQLite. */
const sqlite = (name) => ({
  name,
  open: (require, file) => {
    const db = new (require(name))(file);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL');
    db.exec(TABLE);
    const insert = db.prepare('INSERT INTO consent_log VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING');
    return { insert: (r) => insert.run(...r), close: () => db.close() };
  },
});

/** Each candidate: its package, and how to open a database at `file` and insert one row (both may be async). */
const CANDIDATES = [
  sqlite('better-sqlite3'),
  sqlite('libsql'),
  {
    name: '@electric-sql/pglite',
    open: async (require, file) => {
      const { PGlite } = await import(pathToFileURL(require.resolve('@electric-sql/pglite')).href);
      const db = new PGlite(file);
      await db.exec(TABLE);
      return { insert: (r) => db.query('INSERT INTO consent_log VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT DO NOTHING', r), close: () => db.close() };
    },
  },
];

console.log(`Node ${process.version}, ${ROWS} single-row inserts each`);
for (const { name, open } of CANDIDATES) {
  const dir = mkdtempSync(join(tmpdir(), 'consent-gate-db-'));
  try {
    execFileSync('npm', ['init', '-y'], { cwd: dir, stdio: 'ignore' });
    let started = Date.now();
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--cache', join(dir, '.cache'), name], { cwd: dir, stdio: 'ignore' });
    const install = (Date.now() - started) / 1000;
    const compiled = existsSync(join(dir, 'node_modules', name, 'build', 'Release'));
    const require = createRequire(join(dir, 'package.json'));
    started = performance.now();
    const db = await open(require, join(dir, 'consent-log.db'));
    const opened = performance.now() - started;
    started = performance.now();
    for (let i = 0; i < ROWS; i++) await db.insert(row(i));
    const rate = ROWS / ((performance.now() - started) / 1000);
    await db.close();
    console.log(
      `${name}: npm install ${install.toFixed(1)} s (${compiled ? 'compiled from source' : 'nothing compiled'}), ${megabytes(join(dir, 'node_modules'))} MB; ` +
        `opens a new database in ${opened.toFixed(0)} ms; ${Math.round(rate).toLocaleString('en')} inserts/s`,
    );
  } catch (e) {
    console.log(`${name}: failed: ${String(e.message).split('\n')[0]}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
