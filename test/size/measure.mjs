// Bundles each entry the way a user's build would (rollup, node-resolve, terser) and prints its bytes.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readFileSync } from 'node:fs';
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
  resolveId: (id) => (id == 'entry' ? id : id == 'consent-gate' ? root + 'dist/index.mjs' : null),
  load: (id) => (id == 'entry' ? code : null),
});

/**
 * What an app's bundle gains from `code`, which imports 'consent-gate', tree-shaken and minified: the
 * entry chunk and every chunk it imports statically (chunks loaded on demand, like the UI, are left out).
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

/** The budgets `npm test` enforces, in brotli bytes. */
export const ENTRIES = [
  {
    name: 'headless npm import (createConsentGate, ui: false)',
    code: "import { createConsentGate } from 'consent-gate'; export const gate = createConsentGate({ gaId: 'G-ABC123', ui: false });",
    brotliBudget: 3072,
  },
];

export const measureAll = async () => {
  const rows = [];
  for (const e of ENTRIES) rows.push({ ...e, ...(await bundleSize(e.code)) });
  return rows;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kb = (n) => (n / 1024).toFixed(2) + ' KB';
  for (const r of await measureAll())
    console.log(`${r.name}: ${r.min} B min, ${r.gzip} B gzip, ${r.brotli} B brotli (budget ${kb(r.brotliBudget)}) ${r.brotli <= r.brotliBudget ? 'ok' : 'OVER BUDGET'}`);
  void readFileSync;
}
