import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { readFileSync, readdirSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const LANG_DIR = 'src/ui/lang/';

// Type declarations come from tsc (see `npm run build`); these wrappers give each module system its own entry.
const declarationEntries = {
  name: 'declaration-entries',
  generateBundle() {
    for (const ext of ['mts', 'cts'])
      this.emitFile({ type: 'asset', fileName: 'index.d.' + ext, source: "export * from './types/index.js';\n" });
  },
};

// The languages are JSON files; each becomes a module of its own, a chunk loaded on demand.
const json = {
  name: 'json',
  transform: (code, id) => (id.endsWith('.json') ? { code: 'export default ' + JSON.stringify(JSON.parse(code)) + ';', map: null } : null),
};

// The script tag carries English only: its loader fetches `lang/<code>.json` from beside the script.
const scriptTagLanguages = {
  name: 'script-tag-languages',
  resolveId: (id, importer) => (id == './lang-loader' && importer.includes('/src/ui/') ? importer.replace(/mount\.ts$/, 'lang-loader-fetch.ts') : null),
  generateBundle() {
    for (const file of readdirSync(LANG_DIR))
      this.emitFile({ type: 'asset', fileName: 'lang/' + file, source: JSON.stringify(JSON.parse(readFileSync(LANG_DIR + file, 'utf8'))) });
  },
};

const defineVersion = {
  name: 'define-version',
  transform: (code) => (code.includes('__VERSION__') ? { code: code.replaceAll('__VERSION__', JSON.stringify(version)), map: null } : null),
};

const ts = () => typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: true });

// Internal properties start with `_` (private to a module, safe to shorten) or `$` (shared by the core
// and the UI, which the npm build minifies as separate chunks: kept there, shortened in the single-file build).
export const minify = (props = /^_/) =>
  terser({ ecma: 2020, compress: { passes: 2 }, mangle: { properties: { regex: props } }, format: { comments: /^!/ } });

const npm = (format, ext) => ({
  dir: 'dist',
  format,
  entryFileNames: 'index.' + ext,
  chunkFileNames: 'chunks/[name].' + ext,
  sourcemap: true,
  plugins: [minify()],
  ...(format == 'cjs' ? { exports: 'named', interop: 'default' } : {}),
});

export default [
  {
    // npm: js-cookie stays an import, resolved by the user's bundler or Node.
    input: 'src/index.ts',
    external: ['js-cookie'],
    plugins: [ts(), json, declarationEntries],
    output: [npm('es', 'mjs'), npm('cjs', 'cjs')],
  },
  {
    // The script tag: one self-contained file (core, notice, styles, English, js-cookie).
    input: 'src/auto.ts',
    plugins: [scriptTagLanguages, defineVersion, ts(), nodeResolve()],
    output: { file: 'dist/consent-gate.min.js', format: 'iife', sourcemap: true, plugins: [minify(/^[_$]/)] },
  },
];
