// React (19, and 18) and Vue, rendered on the server with the visitor's decision and hydrated in Chromium:
// the demo's examples (demo/react, demo/vue, built with Vite by `npm run build:apps`), served by the demo server;
// and the README's Next.js layout, built and served by Next.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeRecord } from '../../src/consent/record';
import { clickUi, openContext, site, useBrowserAndSite } from './harness';

const env = useBrowserAndSite();

/** A visitor who granted analytics and functional and denied advertising, a moment ago. */
const RETURNING = encodeRecord({
  id: '0123456789abcdef',
  timestamp: Math.floor(Date.now() / 1000) * 1000,
  revision: 1,
  source: 'banner',
  mode: 'opt-in',
  categories: { analytics: true, marketing: false, functional: true },
});

/** Every console error and warning of the page, and every error it threw (hydration mismatches among them). */
const watch = (page: Page) => {
  const messages: string[] = [];
  page.on('console', (m) => (m.type() == 'error' || m.type() == 'warning') && messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push('error: ' + e.message));
  return messages;
};

const state = (page: Page) => page.locator('#state').textContent();
/** The libSQL the root package tests with, installed beside the packed package. */
const LIBSQL = JSON.parse(readFileSync(new URL('../../node_modules/libsql/package.json', import.meta.url), 'utf8')).version;

/** Until React or Vue has hydrated the page: its elements carry the framework's own keys. */
const hydrated = (page: Page) =>
  page.waitForFunction(() => Array.from(document.querySelectorAll('body *')).some((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber') || k == '__vue_app__' || k == '__vueParentComponent')));

for (const app of ['react', 'react18', 'vue'] as const)
  describe(`${app}: server rendering and hydration`, () => {
    const url = () => site(env.server) + `/${app}/`;

    it('a returning visitor: the server renders the decision, the browser hydrates it without a warning', async () => {
      const { context } = await openContext(env.browser);
      await context.addCookies([{ name: 'cg_consent', value: RETURNING, url: site(env.server) + '/' }]);
      const page = await context.newPage();
      const messages = watch(page);
      const response = await page.goto(url());
      const html = await response!.text();
      expect(html).toMatch(/Analytics: (<!--[^>]*-->)?on(<!--[^>]*-->)?, advertising: (<!--[^>]*-->)?off/);
      expect(html).toContain('<iframe id="video"');
      await hydrated(page);
      expect(await state(page)).toBe('Analytics: on, advertising: off, functional: on');
      expect(await page.locator('#video').count()).toBe(1);
      expect(await page.locator('consent-gate .n').isVisible()).toBe(false);
      expect(messages).toEqual([]);
      await context.close();
    });

    it('a new visitor: rendered undecided, the notice shows once hydrated, and a decision re-renders the app', async () => {
      const { context } = await openContext(env.browser);
      const page = await context.newPage();
      const messages = watch(page);
      const html = await (await page.goto(url()))!.text();
      expect(html).toContain('id="video-fallback"');
      expect(html).not.toContain('<iframe');
      await hydrated(page);
      await page.locator('consent-gate .n').waitFor();
      expect(await state(page)).toBe('Analytics: off, advertising: off, functional: off');
      await clickUi(page, 'Accept all');
      await expect.poll(() => state(page)).toBe('Analytics: on, advertising: on, functional: on');
      await page.locator('#video').waitFor();
      expect(messages).toEqual([]);
      await context.close();
    });

    it('a withdrawal in another tab re-renders the app', async () => {
      const { context } = await openContext(env.browser);
      await context.addCookies([{ name: 'cg_consent', value: RETURNING, url: site(env.server) + '/' }]);
      const page = await context.newPage();
      const messages = watch(page);
      await page.goto(url());
      await hydrated(page);
      const shop = await context.newPage();
      await shop.goto(site(env.server) + '/');
      await shop.evaluate(() => (window as any).ConsentGate.rejectAll()); // eslint-disable-line @typescript-eslint/no-explicit-any
      await expect.poll(() => state(page)).toBe('Analytics: off, advertising: off, functional: off');
      await page.locator('#video-fallback').waitFor();
      expect(await page.locator('#video').count()).toBe(0);
      expect(messages).toEqual([]);
      await context.close();
    });
  });

// The README's Next.js layout, built from the packed package with the Next.js that test/bundlers installs
// (npm test installs it) and served by `next start`.
describe('Next.js (App Router): the README layout, server rendering and hydration', () => {
  const bundlers = fileURLToPath(new URL('../bundlers/', import.meta.url));
  const dir = join(bundlers, '.apps/next-e2e');
  const next = join(bundlers, 'node_modules/.bin/next');
  const exec = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', NEXT_TELEMETRY_DISABLED: '1' } });
  let server: ChildProcess | undefined;
  let origin = '';
  /** A visitor who granted advertising. */
  const granted = () =>
    encodeRecord({ id: '0123456789abcdef', timestamp: Math.floor(Date.now() / 1000) * 1000, revision: 1, source: 'banner', mode: 'opt-in', categories: { analytics: true, marketing: true } });

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'app'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'next-app', private: true, type: 'module' }));
    const tarball = join(dir, JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' }))[0].filename);
    // libSQL: the proof-of-consent log's embedded database (an optional peer dependency of the log).
    exec('npm', ['install', '--prefer-offline', '--no-package-lock', '--no-audit', '--no-fund', tarball, 'libsql@' + LIBSQL]);
    // As the README shows it: the layout (a server component) reads the decision and hands it to the provider.
    writeFileSync(
      join(dir, 'app/layout.jsx'),
      `import { cookies } from 'next/headers';
import { readConsent } from 'consent-gate/server';
import { ConsentGateProvider } from 'consent-gate/react';
const options = { categories: ['analytics', 'marketing'], gaId: 'G-ABC123' };
export default async function Layout({ children }) {
  return <html lang="en"><body><ConsentGateProvider options={options} initialConsent={readConsent(await cookies(), options)}>{children}</ConsentGateProvider></body></html>;
}
`,
    );
    writeFileSync(join(dir, 'app/page.jsx'), "import { Consented } from 'consent-gate/react';\nexport default function Page() { return <main><h1>App</h1><Consented category=\"marketing\" fallback={<p>No ads.</p>}><p>Ads.</p></Consented></main>; }\n");
    // The README's route handler for proof of consent: every method of /consent-log and below.
    mkdirSync(join(dir, 'app/consent-log/[[...path]]'), { recursive: true });
    writeFileSync(
      join(dir, 'app/consent-log/[[...path]]/route.js'),
      `import { createConsentLog } from 'consent-gate/log';
const log = createConsentLog({ database: process.env.CONSENT_LOG_DATABASE, retentionDays: 3 * 365, authorize: (request) => request.headers.get('authorization') === 'Bearer ' + process.env.CONSENT_LOG_TOKEN });
export const POST = (request) => log.handle(request);
export const GET = POST;
export const DELETE = POST;
`,
    );
    writeFileSync(join(dir, 'next.config.mjs'), 'export default {};\n');
    exec(next, ['build']);
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    origin = `http://127.0.0.1:${port}`;
    server = spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: dir,
      env: { ...process.env, NODE_OPTIONS: '', NEXT_TELEMETRY_DISABLED: '1', CONSENT_LOG_DATABASE: join(dir, 'consent-log.db'), CONSENT_LOG_TOKEN: 's3cret' },
      stdio: 'ignore',
    });
    for (let tries = 0; !(await fetch(origin).then((r) => r.ok, () => false)); tries++) {
      if (tries > 300) throw new Error('next start did not answer at ' + origin);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 180000);
  afterAll(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a returning visitor: the server renders what they granted, the browser hydrates it without a warning', async () => {
    const { context } = await openContext(env.browser);
    await context.addCookies([{ name: 'cg_consent', value: granted(), url: origin + '/' }]);
    const page = await context.newPage();
    const messages = watch(page);
    const html = await (await page.goto(origin))!.text();
    // (The fallback also travels in Next.js's component payload; the rendered HTML is what counts.)
    expect(html).toContain('<main><h1>App</h1><p>Ads.</p></main>');
    await hydrated(page);
    expect(await page.locator('main').textContent()).toBe('AppAds.');
    expect(await page.locator('consent-gate .n').isVisible()).toBe(false);
    expect(messages).toEqual([]);
    await context.close();
  });

  it('keeps proof of consent through the README’s route handler: a beacon stored, then read back and erased with the token', async () => {
    const id = 'nextjs0123456789';
    const body = JSON.stringify({ id, timestamp: Date.now(), revision: 1, source: 'banner', mode: 'opt-in', categories: { analytics: true, marketing: false }, path: '/' });
    expect((await fetch(origin + '/consent-log', { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body })).status).toBe(204);
    expect((await fetch(origin + '/consent-log/' + id)).status).toBe(403);
    const read = await fetch(origin + '/consent-log/' + id, { headers: { authorization: 'Bearer s3cret' } });
    expect((await read.json()).decisions.map((d: { marketing: boolean }) => d.marketing)).toEqual([false]);
    expect((await (await fetch(origin + '/consent-log/' + id, { method: 'DELETE', headers: { authorization: 'Bearer s3cret' } })).json()).erased).toBe(1);
  });

  it('a new visitor: rendered without the ads, the notice shows once hydrated, and Accept all shows them', async () => {
    const { context } = await openContext(env.browser);
    const page = await context.newPage();
    const messages = watch(page);
    const html = await (await page.goto(origin))!.text();
    expect(html).toContain('<main><h1>App</h1><p>No ads.</p></main>');
    await hydrated(page);
    await page.locator('consent-gate .n').waitFor();
    await clickUi(page, 'Accept all');
    await expect.poll(() => page.locator('main').textContent()).toBe('AppAds.');
    expect(messages).toEqual([]);
    await context.close();
  });
});
