// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const running: (ChildProcess | Server)[] = [];
afterEach(() => {
  for (const p of running.splice(0)) 'kill' in p ? p.kill() : p.close();
});

/** `node demo/server.mjs` with `env`, and its output until `until` matches it. */
const startDemo = (env: Record<string, string>, until: RegExp) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['demo/server.mjs'], { cwd: root, env: { ...process.env, ...env } });
    running.push(child);
    let out = '';
    const read = (d: Buffer) => {
      out += d;
      if (until.test(out)) resolve(out);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => resolve(out));
    setTimeout(() => reject(new Error('no answer: ' + out)), 10000);
  });

describe('npm start (demo/server.mjs)', () => {
  it('on a port that is taken, says so in one line and serves the demo on the next free one', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    running.push(taken);
    await new Promise((r) => taken.once('listening', r));
    const port = (taken.address() as { port: number }).port;
    const out = await startDemo({ PORT: String(port) }, /http:\/\/localhost:\d+/);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Port ${port} is in use, so the demo takes port (\\d+) \\(PORT=<number> npm start chooses one\\)\\.$`));
    const bound = Number(/takes port (\d+)/.exec(lines[0])![1]);
    expect(bound).toBeGreaterThan(port);
    expect(lines[1]).toContain(`http://localhost:${bound}/`);
    expect((await fetch(`http://127.0.0.1:${bound}/`)).status).toBe(200);
  });

  it('answers the stand-ins’ Google Ads pings, as it answers their GA hits', async () => {
    const out = await startDemo({ PORT: '0' }, /http:\/\/localhost:\d+/);
    const port = /localhost:(\d+)/.exec(out)![1];
    expect((await fetch(`http://127.0.0.1:${port}/ads/collect/AW-123456789/?gcs=G11`)).status).toBe(204);
    expect((await fetch(`http://127.0.0.1:${port}/g/collect?v=2&tid=G-DEMO1234`, { method: 'POST' })).status).toBe(204);
  });
});
