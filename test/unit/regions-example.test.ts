// @vitest-environment node
// The per-region server of docs/regions.md (` ```js server.mjs `), run as written (against the built package).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeRecord } from '../../src/consent/record';
// @ts-expect-error a plain ES module without types
import { codeBlocks, read } from '../docs/markdown.mjs';
import { startDemoServer } from '../../demo/server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = (codeBlocks(read('docs/regions.md')) as { path?: string; code: string }[]).find((b) => b.path == 'server.mjs')!.code;

let server: Server;
let base = '';
beforeAll(async () => {
  // The example's own code; only the package's path and the port differ.
  const code = example
    .replace("from 'consent-gate/server'", `from ${JSON.stringify(pathToFileURL(join(root, 'dist/server.mjs')).href)}`)
    .replace('createServer(', 'globalThis.regionServer = createServer(')
    .replace('.listen(8080)', '.listen(0)');
  const file = join(mkdtempSync(join(tmpdir(), 'cg-regions-')), 'region.mjs');
  writeFileSync(file, code);
  await import(pathToFileURL(file).href);
  server = (globalThis as unknown as { regionServer: Server }).regionServer;
  await new Promise((resolve) => (server.listening ? resolve(0) : server.once('listening', resolve)));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server?.close(resolve)));

const page = (headers: Record<string, string>) => fetch(base, { headers }).then((r) => r.text());

describe("the guide's per-region server", () => {
  it('renders data-mode="opt-out" and "Your Privacy Choices" for a US visitor, by either CDN header', async () => {
    for (const header of ['cf-ipcountry', 'cloudfront-viewer-country']) {
      const html = await page({ [header]: 'US' });
      expect(html).toContain('data-mode="opt-out"');
      expect(html).toContain('>Your Privacy Choices</a>');
    }
  });

  it('renders opt-in for the EU, the UK and an unknown country', async () => {
    for (const headers of [{ 'cf-ipcountry': 'DE' }, { 'cf-ipcountry': 'GB' }, { 'cf-ipcountry': 'XX' }, {}] as Record<string, string>[]) {
      const html = await page(headers);
      expect(html).toContain('data-mode="opt-in"');
      expect(html).toContain('>Cookie settings</a>');
    }
  });

  it('the readConsent line it holds reads an opt-out decision with the mode', async () => {
    const { readConsent } = await import(pathToFileURL(join(root, 'dist/server.mjs')).href);
    const value = encodeRecord({ id: '0123456789abcdef', timestamp: Date.now(), revision: 1, source: 'preferences', mode: 'opt-out', categories: { analytics: false } });
    expect(readConsent('cg_consent=' + value, { mode: 'opt-out' })).toMatchObject({ mode: 'opt-out', categories: { analytics: false } });
  });
});

describe('the demo server does the same', () => {
  it('puts data-mode="opt-out" in the tag for CF-IPCountry: US or ?country=US (kept in a cookie), and nothing otherwise', async () => {
    const demo = await startDemoServer();
    try {
      const at = (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${demo.port}${path}`, { headers });
      expect(await (await at('/', { 'cf-ipcountry': 'US' })).text()).toContain('data-mode="opt-out"');
      expect(await (await at('/', { 'cf-ipcountry': 'FR' })).text()).not.toContain('data-mode');
      const asked = await at('/?country=US');
      expect(await asked.text()).toContain('data-mode="opt-out"');
      expect(asked.headers.get('set-cookie')).toMatch(/^demo_country=US; Path=\//);
      expect(await (await at('/product.html', { cookie: 'demo_country=US' })).text()).toContain('data-mode="opt-out"');
      expect(await (await at('/?lang=he')).text()).toContain('<html lang="he" dir="rtl">');
      expect(await (await at('/?lang=%22%3E%3Cscript%3E')).text()).toContain('<html lang="en">');
    } finally {
      await demo.close();
    }
  });
});
