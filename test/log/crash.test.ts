/**
 * Crash safety: beacons (one in ten sent twice) arrive while the server process is killed with SIGKILL and
 * started again; every beacon that got a 204 is then stored exactly once, in the embedded database and in
 * PostgreSQL. What failed is sent again, as the browser's queue does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createConsentLog } from '../../src/log';
import { startPostgres, type Cluster } from './postgres.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'consent-gate-crash-'));
let cluster: Cluster | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
}, 120000);
afterAll(() => {
  if (cluster && 'stop' in cluster) cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Start the endpoint's process on `database`; resolves with it and its origin. */
const serve = (database: string) =>
  new Promise<{ child: ChildProcess; origin: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'test/log/crash-server.mjs'), database], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.once('data', (d) => resolve({ child, origin: `http://127.0.0.1:${String(d).trim()}` }));
    child.once('exit', (code) => reject(new Error('the endpoint exited with ' + code)));
  });

const BEACONS = 600;

const run = async (database: string) => {
  // Decided over the last hour, as beacons are (a time far from their receipt would be clamped, see docs/proof-of-consent.md).
  const start = Date.now() - 3600e3;
  const beacons = Array.from({ length: BEACONS }, (_, i) =>
    JSON.stringify({ id: (1e15 + i).toString(36).padStart(16, '0').slice(-16), timestamp: start + i * 1000, revision: 1, source: 'banner', mode: 'opt-in', categories: { analytics: i % 2 == 0 }, path: '/' }),
  );
  // One in ten sent twice, the second time soon after the first.
  const queue = beacons.flatMap((b, i) => (i % 10 == 0 ? [b, b] : [b]));
  const acked = new Set<string>();
  let server = await serve(database);
  let killed = false;
  const failed: string[] = [];
  const send = async (body: string) => {
    const status = await fetch(server.origin + '/consent-log', { method: 'POST', headers: { 'content-type': 'text/plain' }, body }).then(
      (r) => r.status,
      () => 0,
    );
    if (status == 204) acked.add(body);
    else failed.push(body);
    // Killed in the middle of the stream, with requests under way.
    if (acked.size >= BEACONS / 3 && !killed) {
      killed = true;
      server.child.kill('SIGKILL');
      await new Promise((r) => server.child.once('exit', r));
      server = await serve(database);
    }
  };
  const workers = Array.from({ length: 16 }, async () => {
    for (let body = queue.shift(); body; body = queue.shift()) await send(body);
  });
  await Promise.all(workers);
  // What did not arrive is sent again (the browser's queue), until it does.
  for (let round = 0; failed.length && round < 5; round++) for (const body of failed.splice(0)) await send(body);
  server.child.kill('SIGKILL');
  expect(killed).toBe(true);
  expect(acked.size).toBe(BEACONS);
  return acked;
};

describe('crash safety', () => {
  it('the embedded database: every beacon that got a 204 is stored exactly once after a SIGKILL and a restart', async () => {
    const database = join(dir, 'crash.db');
    const acked = await run(database);
    const log = createConsentLog({ database, retentionDays: 365 });
    for (const body of acked) {
      const { id, timestamp } = JSON.parse(body);
      expect((await log.lookup(id)).filter((r) => r.decidedAt == timestamp)).toHaveLength(1);
    }
    expect((await log.stats({ from: 0, to: Date.now() })).reduce((s, d) => s + d.decisions, 0)).toBe(BEACONS);
    await log.close();
  }, 60000);

  it('PostgreSQL: the same, the server process killed while PostgreSQL runs on', async (t) => {
    if (!cluster || 'skipped' in cluster) return t.skip();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE crash');
    await admin.end();
    const database = cluster.url.replace(/\/postgres$/, '/crash');
    await run(database);
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS rows, count(DISTINCT (consent_id, decided_at))::int AS distinct FROM consent_log');
    await client.end();
    expect(rows[0]).toEqual({ rows: BEACONS, distinct: BEACONS });
  }, 60000);
});
