/**
 * The log mounted as docs/proof-of-consent.md shows it: node:http and Express 5 (with and without body parsers). The
 * Next.js route handler is built and served with the guides' Next.js app (test/e2e/frameworks.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createConsentLog, type ConsentLog } from '../../src/log';

const dir = mkdtempSync(join(tmpdir(), 'consent-gate-mount-'));
const open: (ConsentLog | Server)[] = [];
afterAll(async () => {
  for (const o of open.splice(0)) 'handle' in o ? await o.close() : o.close();
  rmSync(dir, { recursive: true, force: true });
});
let n = 0;
const newLog = () => {
  const log = createConsentLog({ database: join(dir, `${++n}.db`), retentionDays: 365, authorize: (request) => request.headers.get('authorization') == 'Bearer s3cret' });
  open.push(log);
  return log;
};
const listen = (server: Server) =>
  new Promise<string>((resolve) => {
    open.push(server);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
const beacon = (id: string) => JSON.stringify({ id, timestamp: Date.now(), revision: 1, source: 'banner', mode: 'opt-in', categories: { analytics: true }, path: '/' });

/** What a site's endpoint must do, whatever mounts it. */
const conforms = async (origin: string, log: ConsentLog) => {
  const id = 'abcdefghijklmnop';
  const sent = await fetch(origin + '/consent-log', { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: beacon(id) });
  expect(sent.status).toBe(204);
  expect((await fetch(origin + '/consent-log', { method: 'POST', headers: { 'content-type': 'application/json' }, body: beacon('bcdefghijklmnopq') })).status).toBe(204);
  expect((await fetch(origin + '/consent-log', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(10000) })).status).toBe(413);
  expect((await fetch(origin + '/consent-log', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"id":"no"}' })).status).toBe(400);
  expect((await fetch(origin + '/consent-log/' + id)).status).toBe(403);
  const read = await fetch(origin + '/consent-log/' + id, { headers: { authorization: 'Bearer s3cret' } });
  expect((await read.json()).decisions).toHaveLength(1);
  expect((await fetch(origin + '/consent-log/' + id, { method: 'DELETE', headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
  expect(await log.lookup(id)).toEqual([]);
  expect(await log.lookup('bcdefghijklmnopq')).toHaveLength(1);
};

describe('mounting the log', () => {
  it('in node:http, beside the site', async () => {
    const log = newLog();
    const origin = await listen(createServer((req, res) => (req.url!.startsWith('/consent-log') ? log.node(req, res) : res.writeHead(404).end())));
    await conforms(origin, log);
  });

  it('in Express 5, with no body parser, and after express.json() and express.text() have read the body', async () => {
    for (const parsers of [[], [express.json(), express.text()]]) {
      const log = newLog();
      const app = express();
      for (const parser of parsers) app.use(parser);
      app.all('/consent-log{/*rest}', (req, res) => log.node(req, res));
      await conforms(await listen(createServer(app)), log);
    }
  });

  it('answers a body over the cap 413 before it has been sent in full, and closes the connection', async () => {
    const log = newLog();
    const origin = await listen(createServer((req, res) => log.node(req, res)));
    const answer = await fetch(origin + '/consent-log', { method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) }, body: 'x'.repeat(50 * 1024 * 1024) }).then(
      (r) => r.status,
      () => 'closed',
    );
    expect([413, 'closed']).toContain(answer);
  });
});
