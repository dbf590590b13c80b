// Group 9: the npm package as a user gets it: packed, linted, installed, imported, type-checked, bundled by
// rollup (es and iife), esbuild, Vite and webpack into pages that work, and server-rendered by Next.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup, type OutputOptions } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build as esbuild } from 'esbuild';
import { clickUi, gaState, GA_ID, openContext, site, sleep, useBrowserAndSite } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundleDir = join(root, 'test/e2e/fixtures/.bundle');
const app = mkdtempSync(join(tmpdir(), 'consent-gate-app-'));
const ENV = { ...process.env, NODE_OPTIONS: '', npm_config_audit: 'false', npm_config_fund: 'false' };
const run = (cmd: string, args: string[], cwd = app) => execFileSync(cmd, args, { cwd, encoding: 'utf8', env: ENV });
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const bundlers = join(root, 'test/bundlers');
let tarball = '';
/** Built files the package must hold, whether dist/ was built before packing or by prepack. */
const BUILT = ['dist/index.mjs', 'dist/index.d.cts', 'dist/consent-gate.min.js', 'dist/consent-gate.notice.min.js', 'dist/consent-gate.preferences.min.js', 'dist/lang/de.json'];

/**
 * `npm pack --dry-run` in a copy of the sources that was never built: its list of files. Started with the
 * file's other tests (its build runs beside them, on another core); the prepack test awaits it.
 */
const packNeverBuilt = () =>
  new Promise<string[]>((resolve, reject) => {
    const clone = mkdtempSync(join(tmpdir(), 'consent-gate-clone-'));
    for (const entry of ['package.json', 'rollup.config.mjs', 'tsconfig.json', 'README.md', 'LICENSE', 'src']) cpSync(join(root, entry), join(clone, entry), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
    execFile('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: clone, encoding: 'utf8', env: ENV }, (error, stdout) => {
      rmSync(clone, { recursive: true, force: true });
      if (error) reject(error);
      else resolve(JSON.parse(stdout.replace(/^[^[]*/, ''))[0].files.map((f: { path: string }) => f.path));
    });
  });
let neverBuilt: Promise<string[]>;

/** Texts and names only the UI has: none may reach a headless bundle. */
const UI_STRINGS = ['Accept all', 'Customize', 'Cookie preferences', 'consent-gate.preferences', 'adoptedStyleSheets', '--cg-accent'];

const env = useBrowserAndSite();
beforeAll(async () => {
  neverBuilt = packNeverBuilt();
  neverBuilt.catch(() => {});
  // npm test has just built dist/: packing needs no second build (prepack's own test is below).
  tarball = join(app, JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', app], root))[0].filename);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-package-lock', tarball]);
}, 120000);
afterAll(async () => {
  rmSync(app, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('9. the npm package', () => {
  it('ships only what a user needs: the built files, their bundled types, the README, the guides and LICENSE', () => {
    const files: string[] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--dry-run', '--json'], root))[0].files.map((f: { path: string }) => f.path);
    for (const file of [...BUILT, 'LICENSE', 'README.md', 'package.json', 'dist/index.cjs', 'dist/index.d.mts', 'dist/headless.mjs', 'dist/headless.d.cts', 'dist/server.mjs', 'dist/react.mjs', 'dist/vue.cjs', 'dist/consent-gate.min.d.ts', 'dist/consent-gate.declaration.min.js', 'dist/lang/de.cookies.json', 'docs/getting-started.md', 'docs/api.md'])
      expect(files).toContain(file);
    // One declaration file per entry and module system, not the internal tree.
    expect(files.filter((f) => f.endsWith('.d.ts') || f.endsWith('.d.mts') || f.endsWith('.d.cts')).sort()).toEqual(
      ['dist/consent-gate.min.d.ts', 'dist/headless.d.cts', 'dist/headless.d.mts', 'dist/index.d.cts', 'dist/index.d.mts', 'dist/log.d.cts', 'dist/log.d.mts', 'dist/react.d.cts', 'dist/react.d.mts', 'dist/server.d.cts', 'dist/server.d.mts', 'dist/vue.d.cts', 'dist/vue.d.mts'],
    );
    expect(files.filter((f) => !/^(dist\/|docs\/[\w-]+\.md$|README\.md$|LICENSE$|package\.json$)/.test(f))).toEqual([]);
  });

  it('passes publint (strict) and are-the-types-wrong on the packed tarball', () => {
    // Each exits with an error on any problem (are-the-types-wrong: under node10, node16 from CJS and ESM, and bundler).
    expect(() => run(bin('publint'), ['--strict', tarball], root)).not.toThrow();
    expect(() => run(bin('attw'), [tarball], root)).not.toThrow();
  });

  it('is ASCII only in every built script, whatever encoding a page uses', () => {
    const scripts = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? scripts(join(dir, e.name)) : /\.(js|mjs|cjs)$/.test(e.name) ? [join(dir, e.name)] : []));
    const files = scripts(join(app, 'node_modules/consent-gate/dist'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(readFileSync(file, 'latin1'), file).toMatch(/^[\x09\x0a\x0d\x20-\x7e]*$/);
  });

  it('reads a decision on the server with consent-gate/server, as ESM and CJS', () => {
    const value = ['2', '0123456789abcdef', Math.floor(Date.now() / 1000).toString(36), '1', 'a1', 'b'].join('.');
    const esm = run(process.execPath, ['--input-type=module', '-e', `import { readConsent } from 'consent-gate/server'; console.log(JSON.stringify(readConsent('cg_consent=${value}').categories))`]);
    const cjs = run(process.execPath, ['-e', `const { parseConsentLog } = require('consent-gate/server'); try { parseConsentLog('[]') } catch (e) { console.log(e.message) }`]);
    expect([esm.trim(), cjs.trim()]).toEqual(['{"analytics":true}', 'consent-gate: invalid consent log: not an object']);
  });

  it('imports under Node as ESM and CJS, both entries, inert without a window', () => {
    for (const entry of ['consent-gate', 'consent-gate/headless']) {
      const esm = run(process.execPath, ['--input-type=module', '-e', `import { createConsentGate } from '${entry}'; console.log(createConsentGate({ gaId: 'G-ABC123' }).getConsent())`]);
      const cjs = run(process.execPath, ['-e', `const { createConsentGate } = require('${entry}'); console.log(createConsentGate({ gaId: 'G-ABC123' }).getConsent())`]);
      expect([esm.trim(), cjs.trim()]).toEqual(['null', 'null']);
    }
  });

  it('type-checks from strict TypeScript under nodenext, bundler and node10, the script tag\'s globals included', () => {
    writeFileSync(
      join(app, 'check.ts'),
      `import { createConsentGate, clearAnalyticsCookies, type Category, type Consent, type ConsentGateOptions } from 'consent-gate';
import { createConsentGate as headless } from 'consent-gate/headless';
import type {} from 'consent-gate/consent-gate.min.js';
const options: ConsentGateOptions = {
  categories: ['analytics', 'marketing'], gaId: ['G-ABC123'], googleAdsId: 'AW-123', cookies: { marketing: ['_fbp', /^_fbc/] },
  policyUrl: '/privacy', cookie: { sameSite: 'Strict' }, theme: 'dark', texts: { acceptAll: 'OK', marketingInfo: 'Ads.' },
};
const gate = createConsentGate(options);
const consent: Consent | null = gate.getConsent();
const granted: boolean | undefined = consent?.categories.marketing;
const category: Category = 'functional';
gate.setConsent({ marketing: false });
const asked: boolean = gate.needsDecision() || gate.isGranted(category);
const ready: Promise<void> = gate.ready;
const off: () => void = gate.onChange((c) => console.log(c?.categories.analytics, consent, granted, asked, ready));
// @ts-expect-error necessary is no category to choose
gate.setConsent({ necessary: false });
const bare = headless({ gaId: 'G-ABC123' });
bare.acceptAll();
const version: string | undefined = window.ConsentGate?.version;
window.consentGateConfig = { categories: ['analytics'], gaId: 'G-ABC123' };
const { removed, remaining, unreachable }: { removed: string[]; remaining: string[]; unreachable: string[] } = clearAnalyticsCookies();
off();
// @ts-expect-error an unknown option is an error
createConsentGate({ gaID: 'G-ABC123' });
export { removed, remaining, unreachable, version };
`,
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    for (const [module, resolution] of [['nodenext', 'nodenext'], ['esnext', 'bundler'], ['commonjs', 'node10']]) {
      const flags = ['--strict', '--noEmit', '--skipLibCheck', 'false', '--module', module, '--moduleResolution', resolution, '--target', 'es2020', '--lib', 'es2020,dom', 'check.ts'];
      expect(() => run(process.execPath, [tsc, ...flags]), `${module} / ${resolution}`).not.toThrow();
    }
  });
});

/** Build `code` (an app importing the package) into test/e2e/fixtures/.bundle/<name>/app.js. */
const builders: Record<string, (input: string, out: string) => Promise<void>> = {
  'rollup es': async (input, out) => {
    const bundle = await rollup({ input, plugins: [nodeResolve({ rootDir: app, browser: true })] });
    await bundle.write({ dir: out, format: 'es', entryFileNames: 'app.js' });
  },
  // A single-file build: the one option the main entry needs with rollup is inlineDynamicImports; headless needs none.
  'rollup iife': async (input, out) => {
    const bundle = await rollup({ input, plugins: [nodeResolve({ rootDir: app, browser: true })] });
    const options: OutputOptions = { file: join(out, 'app.js'), format: 'iife' };
    await bundle.write(input.includes('headless') ? options : { ...options, inlineDynamicImports: true });
  },
  'esbuild bundle': async (input, out) => {
    await esbuild({ entryPoints: [input], bundle: true, splitting: false, format: 'iife', outfile: join(out, 'app.js'), absWorkingDir: app, logLevel: 'silent' });
  },
  Vite: async (input, out) => {
    const { build } = await import('vite');
    await build({ root: app, configFile: false, logLevel: 'silent', base: './', build: { outDir: out, emptyOutDir: true, rollupOptions: { input, output: { entryFileNames: 'app.js' } } } });
  },
  // webpack and Next.js are installed in test/bundlers (npm test installs them).
  webpack: async (input, out) => {
    const { default: webpack } = await import(join(bundlers, 'node_modules/webpack/lib/index.js'));
    await new Promise<void>((resolve, reject) =>
      webpack({ mode: 'production', context: app, entry: input, output: { path: out, filename: 'app.js' } }, (error: Error | null, stats: { hasErrors(): boolean; toString(o: string): string }) =>
        error || stats.hasErrors() ? reject(error || new Error(stats.toString('errors-only'))) : resolve(),
      ),
    );
  },
};
/** Builds that load as ES modules, and those that emit one file for the main entry too. */
const MODULE = ['rollup es', 'Vite'];
const ONE_FILE = ['rollup iife', 'esbuild bundle'];
const jsFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.js'));

const JA_ACCEPT_ALL = (JSON.parse(readFileSync(join(root, 'src/ui/lang/ja.json'), 'utf8')) as { acceptAll: string }).acceptAll;

describe('9. consumer builds', () => {
  for (const [name, build] of Object.entries(builders)) {
    it(`${name}: consent-gate/headless builds without options, holds no UI, sends nothing before acceptAll() and loads gtag.js once after`, async () => {
      const input = join(app, 'headless.js');
      writeFileSync(input, `import { createConsentGate } from 'consent-gate/headless';\nwindow.gate = createConsentGate({ gaId: '${GA_ID}' });\n`);
      const out = join(bundleDir, name.replace(' ', '-') + '-headless');
      await build(input, out);
      expect(jsFiles(out)).toEqual(['app.js']);
      const code = readFileSync(join(out, 'app.js'), 'utf8');
      for (const text of UI_STRINGS) expect(code, text).not.toContain(text);
      expect(code).not.toMatch(/\bimport\(/);
      writeFileSync(join(out, 'index.html'), `<!doctype html><html lang="en"><title>Headless app</title><h1>Headless app</h1><script ${MODULE.includes(name) ? 'type="module" ' : ''}src="./app.js"></script>`);
      const { context, google, errors } = await openContext(env.browser);
      const page = await context.newPage();
      await page.goto(site(env.server) + `/fixtures/.bundle/${name.replace(' ', '-')}-headless/index.html`);
      await page.waitForFunction(() => (window as any).gate); // eslint-disable-line @typescript-eslint/no-explicit-any
      await sleep(200);
      expect(google.requests).toEqual([]);
      expect(await page.locator('consent-gate').count()).toBe(0);
      await page.evaluate(() => (window as any).gate.acceptAll()); // eslint-disable-line @typescript-eslint/no-explicit-any
      await expect.poll(() => google.hits.length).toBeGreaterThan(0);
      expect(google.gtag).toHaveLength(1);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`${name}: consent-gate builds${name == 'rollup iife' ? ' with inlineDynamicImports' : ''} into a page that shows the notice in the page's language (Japanese) and works`, async () => {
      const input = join(app, 'main.js');
      writeFileSync(input, `import { createConsentGate } from 'consent-gate';\nwindow.gate = createConsentGate({ gaId: '${GA_ID}', policyUrl: '/privacy.html' });\n`);
      const out = join(bundleDir, name.replace(' ', '-') + '-main');
      await build(input, out);
      // A single-file build holds every language; a chunked one loads the page's language as a chunk.
      if (ONE_FILE.includes(name)) expect(jsFiles(out)).toEqual(['app.js']);
      writeFileSync(join(out, 'index.html'), `<!doctype html><html lang="ja"><title>Bundled app</title><h1>Bundled app</h1><script ${MODULE.includes(name) ? 'type="module" ' : ''}src="./app.js"></script>`);
      const { context, google, errors } = await openContext(env.browser);
      const page = await context.newPage();
      await page.goto(site(env.server) + `/fixtures/.bundle/${name.replace(' ', '-')}-main/index.html`);
      await page.locator('consent-gate .n').waitFor();
      expect(google.requests).toEqual([]);
      await clickUi(page, JA_ACCEPT_ALL);
      await expect.poll(() => google.hits.length).toBeGreaterThan(0);
      expect(await gaState(page)).toMatchObject({ disabled: false, scripts: 1 });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('9. the package on a CDN', () => {
  it('finds its languages and its preferences from the short URL of jsDelivr and unpkg, and from the dist/ path', async () => {
    const { context, errors } = await openContext(env.browser);
    const dist = join(app, 'node_modules/consent-gate/dist/');
    const served: string[] = [];
    // jsDelivr serves the package's script at the short URL itself; unpkg redirects to the file, and the
    // script element's src (what the script sees) stays the short URL either way, as here.
    await context.route(/^https:\/\/(cdn\.jsdelivr\.net\/npm|unpkg\.com)\/consent-gate@0\.1\.0(\/.*)?$/, (route) => {
      const url = new URL(route.request().url());
      served.push(url.host + url.pathname);
      const path = url.pathname.replace(/^\/(npm\/)?consent-gate@0\.1\.0\/?/, '');
      const file = path ? join(app, 'node_modules/consent-gate', path) : join(dist, 'consent-gate.min.js');
      return route.fulfill({ status: 200, contentType: file.endsWith('.json') ? 'application/json' : 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: readFileSync(file) });
    });
    for (const src of ['https://cdn.jsdelivr.net/npm/consent-gate@0.1.0', 'https://unpkg.com/consent-gate@0.1.0', 'https://cdn.jsdelivr.net/npm/consent-gate@0.1.0/dist/consent-gate.min.js']) {
      served.length = 0;
      const page = await context.newPage();
      await page.route('**/cdn.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="de"><title>CDN</title><body><h1>CDN</h1><script src="${src}"></script>` }));
      await page.goto(site(env.server) + '/cdn.html');
      await page.locator('consent-gate .n').getByRole('button', { name: 'Alle ablehnen' }).waitFor({ timeout: 5000 });
      await page.locator('consent-gate .n').getByRole('button', { name: 'Anpassen' }).click();
      await page.locator('consent-gate dialog').waitFor();
      const base = src.includes('unpkg') ? 'unpkg.com/consent-gate@0.1.0/dist/' : 'cdn.jsdelivr.net/npm/consent-gate@0.1.0/dist/';
      expect(served).toContain(base + 'lang/de.json');
      expect(served).toContain(base + 'consent-gate.preferences.min.js');
      await page.close();
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

// Last: its build has run beside the tests above.
describe('9. the package built by prepack', () => {
  it('is built by npm pack in a clone that was never built (prepack), so the package is never empty', async () => {
    const files = await neverBuilt;
    for (const file of BUILT) expect(files).toContain(file);
  }, 60000);
});
