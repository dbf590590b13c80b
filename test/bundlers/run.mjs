// `npm run bundlers`: build the packed package's two entries with Vite, webpack, Next.js, rollup (es, and iife as
// one file) and esbuild (bundle, no splitting), check what each build holds, and print what a consumer ships.
// (`npm test` builds and runs the rollup and esbuild ones in Chromium.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const apps = join(here, '.apps');
const UI_STRINGS = ['Accept all', 'Customize', 'consent-gate.preferences', '--cg-accent'];
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });

const sizes = (buffers) => {
  const all = Buffer.concat(buffers);
  return { min: all.length, gzip: gzipSync(all, { level: 9 }).length, brotli: brotliCompressSync(all, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};
const jsFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : /\.m?js$/.test(e.name) ? [join(dir, e.name)] : []));

const SOURCE = {
  headless: "import { createConsentGate } from 'consent-gate/headless';\nwindow.gate = createConsentGate({ gaId: 'G-ABC123' });\n",
  main: "import { createConsentGate } from 'consent-gate';\nwindow.gate = createConsentGate({ gaId: 'G-ABC123' });\n",
};

/** rollup with terser, as an app's production build: a single file (`iife`) needs `inlineDynamicImports` for the main entry. */
const rollupBuild = async (dir, format) => {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { default: terser } = await import('@rollup/plugin-terser');
  const bundle = await rollup({ input: join(dir, 'app.js'), plugins: [nodeResolve({ browser: true, rootDir: dir })], onwarn() {} });
  await bundle.write({ dir: join(dir, 'out'), format, inlineDynamicImports: format == 'iife', plugins: [terser()] });
  return jsFiles(join(dir, 'out'));
};

/** Each bundler: build `entry` in `dir` (the package installed there) and return the JS files it emitted. */
const BUNDLERS = {
  'rollup es': (dir) => rollupBuild(dir, 'es'),
  'rollup iife': (dir) => rollupBuild(dir, 'iife'),
  esbuild: async (dir) => {
    const { build } = await import('esbuild');
    await build({ entryPoints: [join(dir, 'app.js')], bundle: true, minify: true, format: 'iife', outdir: join(dir, 'out'), logLevel: 'silent' });
    return jsFiles(join(dir, 'out'));
  },
  Vite: async (dir) => {
    const { build } = await import('vite');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./app.js"></script>');
    await build({ root: dir, logLevel: 'silent', build: { outDir: join(dir, 'out') } });
    return jsFiles(join(dir, 'out'));
  },
  webpack: async (dir) => {
    const { default: webpack } = await import('webpack');
    await new Promise((resolve, reject) =>
      webpack({ mode: 'production', context: dir, entry: './app.js', output: { path: join(dir, 'out') } }, (error, stats) =>
        error || stats.hasErrors() ? reject(error || new Error(stats.toString('errors-only'))) : resolve(),
      ),
    );
    return jsFiles(join(dir, 'out'));
  },
  'Next.js': async (dir) => {
    // The files that hold consent-gate's code are its share. The main entry as docs/frameworks.md shows it: a layout
    // (a server component) reads the decision and hands it to the provider; a page shows <Consented>.
    mkdirSync(join(dir, 'app'), { recursive: true });
    if (readFileSync(join(dir, 'app.js'), 'utf8').includes('/headless')) {
      writeFileSync(join(dir, 'app/layout.jsx'), 'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n');
      writeFileSync(join(dir, 'app/gate.jsx'), "'use client';\nimport { useEffect } from 'react';\n" + readFileSync(join(dir, 'app.js'), 'utf8').replace(/^window\.gate = (.*)$/m, 'export default function Gate() { useEffect(() => { window.gate = $1 }, []); return null; }'));
      writeFileSync(join(dir, 'app/page.jsx'), "import Gate from './gate';\nexport default function Page() { return <main><h1>App</h1><Gate /></main>; }\n");
    } else {
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
    }
    writeFileSync(join(dir, 'next.config.mjs'), 'export default {};\n');
    run(join(here, 'node_modules/.bin/next'), ['build'], dir);
    return jsFiles(join(dir, '.next/static')).filter((file) => /cg_consent|consent-gate/.test(readFileSync(file, 'utf8')));
  },
};

rmSync(apps, { recursive: true, force: true });
mkdirSync(apps, { recursive: true });
const tarball = join(apps, JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', apps], root))[0].filename);
const rows = [];
for (const [bundler, build] of Object.entries(BUNDLERS))
  for (const entry of ['headless', 'main']) {
    const dir = join(apps, bundler.replace(/\W/g, '') + '-' + entry);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    run('npm', ['install', '--prefer-offline', '--no-package-lock', '--no-audit', '--no-fund', tarball], dir);
    writeFileSync(join(dir, 'app.js'), SOURCE[entry]);
    const files = await build(dir);
    const code = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const problems = [];
    if (!files.length) problems.push('no file holds consent-gate');
    if (entry == 'headless') for (const text of UI_STRINGS) if (code.includes(text)) problems.push(`holds "${text}"`);
    if (entry == 'main' && !code.includes('Accept all')) problems.push('has no notice');
    const total = sizes(files.map((file) => readFileSync(file)));
    rows.push(`| ${bundler} | \`consent-gate${entry == 'main' ? '' : '/headless'}\` | ${files.length} | ${total.min} B | ${total.gzip} B | ${total.brotli} B | ${problems.join('; ') || 'none'} |`);
    console.log(rows.at(-1));
    if (problems.length) process.exitCode = 1;
  }
console.log(['', '| Bundler | Entry | JS files | min | gzip | brotli | Problems |', '|---|---|---|---|---|---|---|', ...rows].join('\n'));
statSync(apps) && rmSync(apps, { recursive: true, force: true });
