// The size budgets: each built file or import, minified, gzip and brotli, against its brotli budget.
// `npm run size` prints them (`-- --write` puts them in docs/size-and-benchmarks.md); test/size/budget.test.ts
// enforces them and checks that table.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Minified, gzip (level 9) and brotli (quality 11) bytes of `code`. */
export const sizes = (code) => ({
  min: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const virtual = (code, external = []) => ({
  name: 'entry',
  resolveId: (id) =>
    id == 'entry' ? id : id.startsWith('consent-gate') ? root + 'dist/' + (id.split('/')[1] || 'index') + '.mjs' : external.some((e) => id.includes(e)) ? { id: 'consent-gate' + id.slice(id.lastIndexOf('/')), external: true } : null,
  load: (id) => (id == 'entry' ? code : null),
});

/**
 * What an app's bundle gains from `code`, which imports 'consent-gate' or 'consent-gate/headless',
 * tree-shaken and minified as a user's build does (rollup, terser's defaults): `initial`, the entry chunk
 * and every chunk it imports statically; `lazy`, each chunk loaded on demand (with its own static imports
 * not already in the initial ones), by the name of the module it loads.
 */
export const bundleSizes = async (code, external = [], after = {}) => {
  const bundle = await rollup({ input: 'entry', external: ['react', 'vue'], plugins: [virtual(code, external), nodeResolve()], onwarn() {} });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ format: { comments: false } })] });
  const byName = Object.fromEntries(output.map((chunk) => [chunk.fileName, chunk]));
  const reach = (chunk, seen = new Set()) => (seen.has(chunk) ? seen : (seen.add(chunk), chunk.imports.filter((name) => byName[name]).forEach((name) => reach(byName[name], seen)), seen));
  const initial = reach(output[0]);
  // What is in the page by the time `chunk` loads: the initial chunks, those of whatever loads it, and
  // those of the chunks `after` says always come first (the notice's before the preferences').
  const before = (chunk) => {
    const loaders = output.filter((c) => c.dynamicImports.includes(chunk.fileName) || after[chunk.name]?.includes(c.name));
    return new Set([...initial, ...loaders.flatMap((c) => [...reach(c), ...before(c)])]);
  };
  const lazy = output.filter((chunk) => chunk.isDynamicEntry).map((chunk) => {
    const loaded = before(chunk);
    return { chunk: chunk.name, ...sizes([...reach(chunk)].filter((c) => !loaded.has(c)).map((c) => c.code).join('\n')) };
  });
  return { initial: sizes([...initial].map((chunk) => chunk.code).join('\n')), lazy, chunks: output.length };
};

const file = (path) => sizes(readFileSync(root + path));

const largestOf = (items) => items.reduce((a, b) => (b.brotli > a.brotli ? b : a));

/** Every budgeted item, measured now. */
export const measureAll = async () => {
  const langs = readdirSync(root + 'dist/lang').map((name) => ({ name, ...file('dist/lang/' + name) }));
  const langFile = largestOf(langs.filter((l) => !l.name.includes('.cookies')));
  const cookieLangFile = largestOf(langs.filter((l) => l.name.includes('.cookies')));
  const headless = await bundleSizes("import { createConsentGate } from 'consent-gate/headless'; export const gate = createConsentGate({ gaId: 'G-ABC123' });");
  // The preferences open from the notice's UI: its chunk is always there first.
  const main = await bundleSizes("import { createConsentGate } from 'consent-gate'; export const gate = createConsentGate({ gaId: 'G-ABC123' });", [], { preferences: ['mount'] });
  const server = await bundleSizes("export { readConsent, parseConsentLog } from 'consent-gate/server';");
  // The bindings' own code: the main entry's chunks they start are counted above.
  const react = await bundleSizes("export { ConsentGateProvider, Consented, useConsent, useConsentGate, useGranted } from 'consent-gate/react';", ['/chunks/']);
  const vue = await bundleSizes("export { consentGate, Consented, useConsent, useConsentGate } from 'consent-gate/vue';", ['/chunks/']);
  const lazy = (name) => main.lazy.find((chunk) => chunk.chunk == name);
  const langChunk = largestOf(main.lazy.filter((chunk) => /^[a-z]{2}(-\w+)?$/.test(chunk.chunk)));
  return [
    { name: 'Script tag: `dist/consent-gate.min.js` (core, js-cookie), every page', budget: 6144, ...file('dist/consent-gate.min.js') },
    { name: 'Script tag, loaded when the visitor is asked: `dist/consent-gate.notice.min.js` (the notice, styles, English)', budget: 2560, ...file('dist/consent-gate.notice.min.js') },
    { name: 'Script tag, loaded when needed: `dist/consent-gate.preferences.min.js` (the preferences dialog, the floating button)', budget: 3072, ...file('dist/consent-gate.preferences.min.js') },
    { ...langFile, name: 'Script tag, largest language file: `dist/lang/' + langFile.name + '`', budget: 1024 },
    { name: 'Script tag, loaded with the preferences or a `data-consent-declaration` element: `dist/consent-gate.declaration.min.js`', budget: 2816, ...file('dist/consent-gate.declaration.min.js') },
    { ...cookieLangFile, name: "Script tag, the declaration's largest language file: `dist/lang/" + cookieLangFile.name + '`', budget: 1024 },
    { name: 'npm, headless: `consent-gate/headless`, its whole output (' + headless.chunks + ' chunk), tree-shaken', budget: 4992, ...headless.initial },
    { name: "npm, `consent-gate`: the initial chunk (core, js-cookie, the UI's start)", budget: 5632, ...main.initial },
    { name: 'npm, `consent-gate`, loaded on demand: the notice chunk', budget: 2816, ...lazy('mount') },
    { name: 'npm, `consent-gate`, loaded on demand: the preferences chunk', budget: 2304, ...lazy('preferences') },
    { name: 'npm, `consent-gate`, loaded on demand for a language other than English: the language table', budget: 640, ...lazy('lang-table') },
    { name: 'npm, `consent-gate`, loaded on demand: the largest language chunk (' + langChunk.chunk + ')', budget: 1024, ...langChunk },
    { name: 'npm, `consent-gate`, loaded on demand: the declaration chunk', budget: 3328, ...lazy('chunk') },
    { name: 'npm, `consent-gate/server`: `readConsent` and `parseConsentLog`, its whole output', budget: 2048, ...server.initial },
    { name: 'npm, `consent-gate/react`: its own code (without React and the main entry it starts)', budget: 1280, ...react.initial },
    { name: 'npm, `consent-gate/vue`: its own code (without Vue and the main entry it starts)', budget: 1280, ...vue.initial },
  ];
};

/** The row of docs/size-and-benchmarks.md's table for an item. */
export const row = (r) => `| ${r.name} | ${r.min} B | ${r.gzip} B | ${r.brotli} B | ${r.budget} B |`;

/** Where the table of figures is, which test/size/budget.test.ts compares with what it measures. */
export const SIZE_DOC = fileURLToPath(new URL('../../docs/size-and-benchmarks.md', import.meta.url));
const HEADER = '| What | min | gzip | brotli | budget |\n|---|---|---|---|---|\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await measureAll();
  for (const r of rows) console.log(`${row(r)}${r.brotli > r.budget ? '  OVER BUDGET' : ''}`);
  // `npm run size -- --write`: the figures into the documentation's table.
  if (process.argv.includes('--write')) {
    const doc = readFileSync(SIZE_DOC, 'utf8');
    const start = doc.indexOf(HEADER);
    if (start < 0) throw new Error('no size table in ' + SIZE_DOC);
    writeFileSync(SIZE_DOC, doc.slice(0, start) + HEADER + rows.map(row).join('\n') + doc.slice(doc.indexOf('\n\n', start)));
    console.log('wrote the table of docs/size-and-benchmarks.md');
  }
}
