// The proof-of-consent log's benchmark: `npm run bench:log`. autocannon on loopback against the log mounted
// in node:http (in a process of its own, so load and server do not share a core's event loop), for the
// embedded database and for PostgreSQL (a throwaway cluster): requests per second, p50 and p99 latency,
// and the rows stored (every request a beacon of its own). Prints the figures; writes nothing.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createConsentLog } from '../../dist/log.mjs';
import { startPostgres } from '../log/postgres.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20);

/** The endpoint in a process of its own on `database` (the crash test's server). */
const serve = (database) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'test/log/crash-server.mjs'), database], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', (d) => resolve({ child, origin: `http://127.0.0.1:${String(d).trim()}` }));
    child.once('exit', (code) => reject(new Error('the endpoint exited with ' + code)));
  });

const bench = async (name, database) => {
  const { child, origin } = await serve(database);
  let n = 0;
  const start = Date.now();
  const result = await autocannon({
    url: origin + '/consent-log',
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        // Each request a beacon of its own: a new consent id, decided now.
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ id: (1e15 + n++).toString(36).slice(-16).padStart(16, '0'), timestamp: start + n, revision: 1, source: 'banner', mode: 'opt-in', categories: { analytics: n % 2 == 0, marketing: false }, path: '/', language: 'en', notice: 'k3j9x0' }) }),
      },
    ],
  });
  child.kill();
  const log = createConsentLog({ database, retentionDays: 365 });
  const rows = (await log.stats({ from: 0, to: Date.now() + 864e5 })).reduce((s, d) => s + d.decisions, 0);
  await log.close();
  const ok = result['2xx'];
  console.log(
    `${name}: ${Math.round(ok / SECONDS)} beacons/s stored (${result.requests.average} requests/s on average), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ${ok} answered 204, ${result.non2xx} otherwise, ${result.errors} errors; ${rows} rows stored`,
  );
};

const dir = mkdtempSync(join(tmpdir(), 'consent-gate-bench-log-'));
console.log(`autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, on loopback; Node ${process.version}`);
await bench('embedded (libSQL)', join(dir, 'bench.db'));
const cluster = await startPostgres();
if ('skipped' in cluster) console.log('PostgreSQL: ' + cluster.skipped);
else {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  await bench('PostgreSQL 15', cluster.url.replace(/\/postgres$/, '/bench'));
  cluster.stop();
}
rmSync(dir, { recursive: true, force: true });
