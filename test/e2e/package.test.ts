// Group 9: the npm package as a user gets it: packed, installed, imported, type-checked and bundled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { clickUi, gaState, GA_ID, openContext, site, useBrowserAndSite } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundleDir = join(root, 'test/e2e/fixtures/.bundle');
const app = mkdtempSync(join(tmpdir(), 'consent-gate-app-'));
const run = (cmd: string, args: string[], cwd = app) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', npm_config_audit: 'false', npm_config_fund: 'false' } });

const env = useBrowserAndSite();
beforeAll(async () => {
  const tarball = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', app], root))[0].filename;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-package-lock', join(app, tarball)]);
}, 120000);
afterAll(async () => {
  rmSync(app, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('9. the npm package', () => {
  it('ships only what it should', () => {
    const files = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], root))[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('dist/index.mjs');
    expect(files).toContain('dist/index.cjs');
    expect(files).toContain('dist/consent-gate.min.js');
    expect(files).toContain('dist/types/index.d.ts');
    expect(files.filter((f: string) => /^(src|test|demo)\//.test(f))).toEqual([]);
  });

  it('imports under Node as ESM and CJS, inert without a window', () => {
    const esm = run(process.execPath, ['--input-type=module', '-e', "import { createConsentGate } from 'consent-gate'; console.log(createConsentGate({ gaId: 'G-ABC123' }).getConsent())"]);
    const cjs = run(process.execPath, ['-e', "const { createConsentGate } = require('consent-gate'); console.log(createConsentGate({ gaId: 'G-ABC123' }).getConsent())"]);
    expect([esm.trim(), cjs.trim()]).toEqual(['null', 'null']);
  });

  it('type-checks from a strict TypeScript file, ESM and CJS resolution', () => {
    writeFileSync(
      join(app, 'check.ts'),
      `import { createConsentGate, clearAnalyticsCookies, type Category, type Consent, type ConsentGateOptions } from 'consent-gate';
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
const off: () => void = gate.onChange((c) => console.log(c?.categories.analytics, consent, granted, asked));
// @ts-expect-error necessary is no category to choose
gate.setConsent({ necessary: false });
const { removed, remaining, unreachable }: { removed: string[]; remaining: string[]; unreachable: string[] } = clearAnalyticsCookies();
off();
// @ts-expect-error an unknown option is an error
createConsentGate({ gaID: 'G-ABC123' });
export { removed, remaining, unreachable };
`,
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    for (const [module, resolution] of [['nodenext', 'nodenext'], ['esnext', 'bundler'], ['commonjs', 'node10']]) {
      const flags = ['--strict', '--noEmit', '--skipLibCheck', 'false', '--module', module, '--moduleResolution', resolution, '--target', 'es2020', '--lib', 'es2020,dom', 'check.ts'];
      expect(() => run(process.execPath, [tsc, ...flags])).not.toThrow();
    }
  });

  it('bundles with rollup into a page that behaves like the script-tag page', async () => {
    writeFileSync(join(app, 'main.js'), `import { createConsentGate } from 'consent-gate';\nwindow.gate = createConsentGate({ gaId: '${GA_ID}', policyUrl: '/privacy.html' });\n`);
    const bundle = await rollup({ input: join(app, 'main.js'), plugins: [nodeResolve({ rootDir: app, browser: true })] });
    mkdirSync(bundleDir, { recursive: true });
    await bundle.write({ dir: bundleDir, format: 'es' });
    writeFileSync(join(bundleDir, 'index.html'), '<!doctype html><html lang="en"><title>Bundled app</title><h1>Bundled app</h1><script type="module" src="./main.js"></script>');
    const { context, google, errors } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/fixtures/.bundle/index.html');
    await page.locator('consent-gate .n').waitFor();
    expect(google.requests).toEqual([]);
    await clickUi(page, 'Accept all');
    await expect.poll(() => google.hits.length).toBeGreaterThan(0);
    expect(await gaState(page)).toMatchObject({ disabled: false, scripts: 1 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
