// The size budgets: each built file or import, minified, gzip and brotli, against its brotli budget.
// `npm run size` prints them; test/size/budget.test.ts enforces them and checks the README's table.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Minified, gzip (level 9) and brotli (quality 11) bytes of `code`. */
export const sizes = (code) => ({
  min: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const virtual = (code) => ({
  name: 'entry',
  resolveId: (id) => (id == 'entry' ? id : id == 'consent-gate' ? root + 'dist/index.mjs' : id == 'consent-gate/headless' ? root + 'dist/headless.mjs' : null),
  load: (id) => (id == 'entry' ? code : null),
});

/**
 * What an app's bundle gains from `code`, which imports 'consent-gate', tree-shaken and minified as a
 * user's build does (rollup, terser's defaults): the entry chunk and every chunk it imports statically
 * (chunks loaded on demand, like the UI, are left out).
 */
export const bundleSize = async (code) => {
  const bundle = await rollup({ input: 'entry', plugins: [virtual(code), nodeResolve()], onwarn() {} });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ format: { comments: false } })] });
  const byName = Object.fromEntries(output.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set();
  const visit = (chunk) => loaded.has(chunk) || (loaded.add(chunk), chunk.imports.forEach((name) => visit(byName[name])));
  visit(output[0]);
  return sizes([...loaded].map((chunk) => chunk.code).join('\n'));
};

const file = (path) => sizes(readFileSync(root + path));

/** Every budgeted item, measured now. */
export const measureAll = async () => {
  const langs = readdirSync(root + 'dist/lang').map((name) => ({ name, ...file('dist/lang/' + name) }));
  const largest = langs.reduce((a, b) => (b.brotli > a.brotli ? b : a));
  return [
    { name: 'Script tag: `dist/consent-gate.min.js` (core, notice, styles, English, js-cookie)', budget: 6144, ...file('dist/consent-gate.min.js') },
    { name: 'Script tag, loaded when needed: `dist/consent-gate.preferences.min.js` (the preferences dialog, the floating button)', budget: 2560, ...file('dist/consent-gate.preferences.min.js') },
    {
      name: 'npm, headless: `createConsentGate` from `consent-gate/headless`, tree-shaken',
      budget: 3840,
      ...(await bundleSize("import { createConsentGate } from 'consent-gate/headless'; export const gate = createConsentGate({ gaId: 'G-ABC123' });")),
    },
    { ...largest, name: `Largest language file: \`dist/lang/${largest.name}\``, budget: 1024 },
  ];
};

/** The README's row for an item. */
export const row = (r) => `| ${r.name} | ${r.min} B | ${r.gzip} B | ${r.brotli} B | ${r.budget} B |`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await measureAll()) console.log(`${row(r)}${r.brotli > r.budget ? '  OVER BUDGET' : ''}`);
}
