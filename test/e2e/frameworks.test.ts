// React (19, and 18) and Vue, rendered on the server with the visitor's decision and hydrated in Chromium:
// the demo's examples (demo/react, demo/vue, built with Vite by `npm run build:apps`), served by the demo server;
// and the Next.js app of docs/frameworks.md (with the route handler of docs/proof-of-consent.md), its files
// taken from the guides as written, built and served by Next.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { encodeRecord } from '../../src/consent/record';
import { clickUi, openContext, site, useBrowserAndSite } from './harness';
// @ts-expect-error a plain ES module without types
import { codeBlocks, read } from '../docs/markdown.mjs';

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

/** The files of a Next.js app that `doc` shows (` ```tsx app/… `), as JavaScript: TypeScript's types taken out, JSX kept. */
const nextFiles = (doc: string): [string, string][] =>
  (codeBlocks(read(doc)) as { path?: string; code: string }[])
    .filter((b) => b.path?.startsWith('app/'))
    .map((b) => [
      b.path!.replace(/\.tsx$/, '.jsx').replace(/\.ts$/, '.js'),
      ts.transpileModule(b.code, { compilerOptions: { jsx: ts.JsxEmit.Preserve, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText,
    ]);

// The guides' Next.js app, built from the packed package with the Next.js that test/bundlers installs
// (npm test installs it) and served by `next start`.
describe('Next.js (App Router): the guide’s app, server rendering and hydration', () => {
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
    // As the guides show them: the layout (a server component) reads the decision and hands it to the provider;
    // the page renders <Consented> and a client component that uses the hooks; the route handler keeps proof of consent.
    const files = [...nextFiles('docs/frameworks.md'), ...nextFiles('docs/proof-of-consent.md')];
    expect(files.map(([path]) => path).sort()).toEqual(['app/consent-log/[[...path]]/route.js', 'app/consent-options.js', 'app/cookie-status.jsx', 'app/layout.jsx', 'app/page.jsx']);
    for (const [path, code] of files) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), code);
    }
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
    expect(html).toContain('<main><h1>My shop</h1><p>Ads.</p>');
    await hydrated(page);
    expect(await page.locator('main').textContent()).toBe('My shopAds.Analytics: on Cookie settings');
    expect(await page.locator('consent-gate .n').isVisible()).toBe(false);
    expect(messages).toEqual([]);
    await context.close();
  });

  it('keeps proof of consent through the guide’s route handler: a beacon stored, then read back and erased with the token', async () => {
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
    expect(html).toContain('<main><h1>My shop</h1><p>No ads.</p>');
    await hydrated(page);
    await page.locator('consent-gate .n').waitFor();
    await clickUi(page, 'Accept all');
    await expect.poll(() => page.locator('main').textContent()).toBe('My shopAds.Analytics: on Cookie settings');
    expect(messages).toEqual([]);
    await context.close();
  });
});
