/**
 * The store contract: the same conformance suite against the embedded database (libSQL, a temporary file)
 * and a real PostgreSQL 15 started by the tests (skipped, saying why, where it cannot be started).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createConsentLog, type ConsentLog, type ConsentLogOptions } from '../../src/log';
import { startPostgres, type Cluster } from './postgres.mjs';

const DAY = 864e5;
const dir = mkdtempSync(join(tmpdir(), 'consent-gate-log-'));
let cluster: Cluster | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
  if ('skipped' in cluster) console.warn('\n  ' + cluster.skipped + '\n');
}, 120000);
afterAll(() => {
  if (cluster && 'stop' in cluster) cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A database of its own for each log: a new file, or a new PostgreSQL database. */
const STORES: Record<string, () => Promise<string>> = {
  embedded: async () => join(dir, `log-${++n}.db`),
  postgres: async () => {
    const { url } = cluster as { url: string };
    const name = `log_${process.pid}_${++n}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return url.replace(/\/postgres$/, '/' + name);
  },
};

const id = (i: number) => i.toString(36).padStart(16, '0');
const beacon = (over: Record<string, unknown> = {}) => ({ id: id(1), timestamp: Date.now(), revision: 3, source: 'banner', mode: 'opt-in', categories: { analytics: true, marketing: false }, path: '/shop', language: 'de', notice: 'k3j9x0', ...over });
const post = (log: ConsentLog, body: unknown, headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8' }, ip = '203.0.113.9') =>
  log.handle(new Request('http://site.test/consent-log', { method: 'POST', headers, body: typeof body == 'string' ? body : JSON.stringify(body) }), { ip });

for (const [kind, database] of Object.entries(STORES))
  describe(`the consent log on ${kind == 'embedded' ? 'the embedded database (libSQL)' : 'PostgreSQL'}`, () => {
    const open: ConsentLog[] = [];
    const start = async (options: Partial<ConsentLogOptions> = {}) => {
      const log = createConsentLog({ database: await database(), retentionDays: 365, authorize: () => true, ...options });
      open.push(log);
      return log;
    };
    afterAll(async () => {
      for (const log of open.splice(0)) await log.close();
    });
    const skip = () => kind == 'postgres' && (!cluster || 'skipped' in cluster);

    it('stores a beacon as a row: who, when, what they were told, how, each category, the page', async (t) => {
      if (skip()) return t.skip();
      const log = await start();
      const sent = beacon();
      expect((await post(log, sent)).status).toBe(204);
      const [row] = await log.lookup(id(1));
      expect(row).toEqual({
        consentId: id(1),
        decidedAt: sent.timestamp,
        receivedAt: expect.any(Number),
        revision: 3,
        notice: 'k3j9x0',
        mode: 'opt-in',
        source: 'banner',
        analytics: true,
        marketing: false,
        functional: null,
        path: '/shop',
        language: 'de',
        ipPrefix: null,
        userAgent: null,
      });
      expect(Math.abs(row.receivedAt - Date.now())).toBeLessThan(5000);
    });

    it('keeps the same beacon sent twice, or twenty times at once, as one row; a withdrawal is a row of its own, in order', async (t) => {
      if (skip()) return t.skip();
      const log = await start();
      const granted = beacon({ id: id(2), timestamp: Date.now() - 60000 });
      await Promise.all(Array.from({ length: 20 }, () => post(log, granted)));
      expect((await post(log, granted)).status).toBe(204);
      const withdrawn = beacon({ id: id(2), source: 'preferences', categories: { analytics: false, marketing: false } });
      expect((await post(log, withdrawn)).status).toBe(204);
      expect((await log.lookup(id(2))).map((r) => [r.decidedAt, r.source, r.analytics])).toEqual([
        [granted.timestamp, 'banner', true],
        [withdrawn.timestamp, 'preferences', false],
      ]);
    });

    it('clamps the decision’s time to at most a day after receipt and 8 days before it', async (t) => {
      if (skip()) return t.skip();
      const log = await start();
      const now = Date.now();
      await log.record(beacon({ id: id(3), timestamp: now + 30 * DAY }), { receivedAt: now });
      await log.record(beacon({ id: id(4), timestamp: 1000 }), { receivedAt: now });
      expect((await log.lookup(id(3)))[0].decidedAt).toBe(now + DAY);
      expect((await log.lookup(id(4)))[0].decidedAt).toBe(now - 8 * DAY);
    });

    it('keeps the IP prefix only with ip: truncate (/24, /48), and the User-Agent only with userAgent: true', async (t) => {
      if (skip()) return t.skip();
      const plain = await start();
      await plain.record(beacon({ id: id(5) }), { ip: '203.0.113.77', userAgent: 'Browser/1' });
      expect((await plain.lookup(id(5)))[0]).toMatchObject({ ipPrefix: null, userAgent: null });
      const kept = await start({ ip: 'truncate', userAgent: true });
      await kept.record(beacon({ id: id(6) }), { ip: '203.0.113.77', userAgent: 'Browser/1' });
      await kept.record(beacon({ id: id(7) }), { ip: '2001:db8:abcd:12:34::1' });
      await kept.record(beacon({ id: id(8) }), { ip: '::ffff:198.51.100.200' });
      expect((await kept.lookup(id(6)))[0]).toMatchObject({ ipPrefix: '203.0.113.0/24', userAgent: 'Browser/1' });
      expect((await kept.lookup(id(7)))[0].ipPrefix).toBe('2001:db8:abcd::/48');
      expect((await kept.lookup(id(8)))[0].ipPrefix).toBe('198.51.100.0/24');
    });

    it('erases a visitor’s decisions (a data-subject request), and no one else’s', async (t) => {
      if (skip()) return t.skip();
      const log = await start();
      await log.record(beacon({ id: id(9), timestamp: Date.now() - 1000 }));
      await log.record(beacon({ id: id(9) }));
      await log.record(beacon({ id: id(10) }));
      const answer = await log.handle(new Request(`http://site.test/consent-log/${id(9)}`, { method: 'DELETE' }));
      expect([answer.status, await answer.json()]).toEqual([200, { consentId: id(9), erased: 2 }]);
      expect(await log.lookup(id(9))).toEqual([]);
      expect(await log.lookup(id(10))).toHaveLength(1);
    });

    it('deletes what is older than retentionDays (whole months at once in PostgreSQL), and keeps the rest', async (t) => {
      if (skip()) return t.skip();
      const log = await start({ retentionDays: 90 });
      const now = Date.now();
      for (const [i, age] of [[11, 400], [12, 200], [13, 91], [14, 89], [15, 1]] as const) await log.record(beacon({ id: id(i), timestamp: now - age * DAY }), { receivedAt: now - age * DAY });
      expect(await log.sweep(now)).toBe(3);
      for (const [i, left] of [[11, 0], [12, 0], [13, 0], [14, 1], [15, 1]] as const) expect(await log.lookup(id(i)), String(i)).toHaveLength(left);
    });

    it('counts decisions and opt-in rates per category per day', async (t) => {
      if (skip()) return t.skip();
      const log = await start();
      const day = (d: string, h: number) => Date.parse(d + 'T00:00:00Z') + h * 3600e3;
      const rows: [number, string, Record<string, boolean>][] = [
        [20, '2026-11-01', { analytics: true, marketing: true }],
        [21, '2026-11-01', { analytics: true, marketing: false }],
        [22, '2026-11-01', { analytics: false, marketing: false, functional: true }],
        [23, '2026-11-02', { analytics: false }],
        [24, '2026-11-05', { analytics: true }],
      ];
      for (const [i, d, categories] of rows) await log.record(beacon({ id: id(i), timestamp: day(d, 10), categories }), { receivedAt: day(d, 10) });
      const answer = await log.handle(new Request('http://site.test/consent-log/stats?from=2026-11-01&to=2026-11-02'));
      expect(await answer.json()).toEqual({
        days: [
          { day: '2026-11-01', decisions: 3, analytics: { granted: 2, denied: 1, rate: 2 / 3 }, marketing: { granted: 1, denied: 2, rate: 1 / 3 }, functional: { granted: 1, denied: 0, rate: 1 } },
          { day: '2026-11-02', decisions: 1, analytics: { granted: 0, denied: 1, rate: 0 }, marketing: { granted: 0, denied: 0, rate: null }, functional: { granted: 0, denied: 0, rate: null } },
        ],
      });
      expect((await log.stats({ from: '2026-11-05', to: '2026-11-05' })).map((d) => d.day)).toEqual(['2026-11-05']);
    });

    it('lists the latest decisions, newest first', async (t) => {
      if (skip()) return t.skip();
      const log = await start();
      for (let i = 30; i < 35; i++) await log.record(beacon({ id: id(i) }), { receivedAt: Date.now() + i });
      expect((await log.latest(3)).map((r) => r.consentId)).toEqual([id(34), id(33), id(32)]);
    });

    it('takes 500 beacons at once in one go (group commit), each stored once', async (t) => {
      if (skip()) return t.skip();
      const log = await start({ rateLimit: false });
      const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => post(log, beacon({ id: id(1000 + i) }))));
      expect(answers.every((a) => a.status == 204)).toBe(true);
      expect((await log.stats()).reduce((s, d) => s + d.decisions, 0)).toBe(500);
    });
  });

describe('the endpoint', () => {
  const open: ConsentLog[] = [];
  const start = (options: Partial<ConsentLogOptions> = {}) => {
    const log = createConsentLog({ database: join(dir, `endpoint-${++n}.db`), retentionDays: 30, ...options });
    open.push(log);
    return log;
  };
  afterAll(async () => {
    for (const log of open.splice(0)) await log.close();
  });

  it('requires retentionDays, with an error that says what it is', () => {
    expect(() => createConsentLog({} as never)).toThrow(/retentionDays is required: the number of days to keep each decision/);
    expect(() => createConsentLog({ retentionDays: 0 })).toThrow(TypeError);
    expect(() => createConsentLog({ retentionDays: 30, ip: 'keep' as never })).toThrow(/invalid ip/);
  });

  it('accepts JSON as text/plain (sendBeacon, fetch) or application/json; refuses other types (415)', async () => {
    const log = start();
    expect((await post(log, beacon({ id: id(40) }))).status).toBe(204);
    expect((await post(log, beacon({ id: id(41) }), { 'content-type': 'application/json' })).status).toBe(204);
    expect((await post(log, beacon({ id: id(42) }), { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('answers an oversized body 413 without reading it, whether its length is announced or not', async () => {
    const log = start();
    let pulled = 0;
    const stream = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        if (pulled > 1000) controller.close();
      },
    });
    const chunked = new Request('http://site.test/consent-log', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: stream, duplex: 'half' } as RequestInit);
    expect((await log.handle(chunked)).status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect((await post(log, 'x'.repeat(3000))).status).toBe(413);
  });

  it('answers anything parseConsentLog refuses 400, with no detail', async () => {
    const log = start();
    for (const body of ['not json', '[]', '{}', JSON.stringify(beacon({ id: 'short' })), JSON.stringify(beacon({ categories: { ads: true } })), JSON.stringify(beacon({ path: 'https://evil.example/' })), JSON.stringify(beacon({ notice: '<script>' }))]) {
      const answer = await post(log, body);
      expect([answer.status, await answer.text()]).toEqual([400, '']);
    }
  });

  it('answers a wrong method 405, reading or erasing without authorize 403, an unknown path 404', async () => {
    const log = start();
    expect((await log.handle(new Request('http://site.test/consent-log', { method: 'PUT' }))).status).toBe(405);
    expect((await log.handle(new Request(`http://site.test/consent-log/${id(1)}`))).status).toBe(403);
    expect((await log.handle(new Request(`http://site.test/consent-log/${id(1)}`, { method: 'DELETE' }))).status).toBe(403);
    expect((await log.handle(new Request('http://site.test/consent-log/stats'))).status).toBe(403);
    const allowed = start({ authorize: (request) => request.headers.get('authorization') == 'Bearer s3cret' });
    expect((await allowed.handle(new Request(`http://site.test/consent-log/${id(1)}`, { headers: { authorization: 'Bearer nope' } }))).status).toBe(403);
    expect((await allowed.handle(new Request(`http://site.test/consent-log/${id(1)}`, { headers: { authorization: 'Bearer s3cret' } }))).status).toBe(200);
    expect((await allowed.handle(new Request('http://site.test/consent-log/nothing-here', { headers: { authorization: 'Bearer s3cret' } }))).status).toBe(404);
  });

  it('answers past the rate limit 429, per IP prefix', async () => {
    const log = start({ rateLimit: { max: 3, windowSeconds: 60 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(log, beacon({ id: id(50 + i) }), undefined, '198.51.100.' + i)).status);
    expect(statuses).toEqual([204, 204, 204, 429, 429]);
    expect((await post(log, beacon({ id: id(60) }), undefined, '192.0.2.1')).status).toBe(204);
  });

  it('answers 503 when the database fails (the browser sends again), and never throws into the host', async () => {
    const failing = { insert: () => Promise.reject(new Error('disk full')), lookup: () => Promise.reject(new Error('down')), erase: () => Promise.reject(new Error('down')), sweep: () => Promise.reject(new Error('down')), stats: () => Promise.reject(new Error('down')), latest: () => Promise.reject(new Error('down')), close: async () => {} };
    const log = start({ database: failing, authorize: () => true });
    expect((await post(log, beacon())).status).toBe(503);
    expect((await log.handle(new Request(`http://site.test/consent-log/${id(1)}`))).status).toBe(503);
    // A database that cannot be opened: its folder would be inside a file.
    writeFileSync(join(dir, 'a-file'), '');
    const broken = createConsentLog({ database: join(dir, 'a-file', 'log.db'), retentionDays: 30 });
    expect((await post(broken, beacon())).status).toBe(503);
    const thrower = start({ authorize: () => { throw new Error('bug'); } });
    expect((await thrower.handle(new Request(`http://site.test/consent-log/${id(1)}`))).status).toBe(500);
    await broken.close();
  });
});
