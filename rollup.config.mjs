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
    for (const entry of ['index', 'headless'])
      for (const ext of ['mts', 'cts'])
        this.emitFile({ type: 'asset', fileName: entry + '.d.' + ext, source: `export * from './types/${entry}.js';\n` });
  },
};

// The languages are JSON files; each becomes a module of its own, a chunk loaded on demand.
const json = {
  name: 'json',
  transform: (code, id) => (id.endsWith('.json') ? { code: 'export default ' + JSON.stringify(JSON.parse(code)) + ';', map: null } : null),
};

// The script tag carries English and the notice: its loaders fetch `lang/<code>.json` and the preferences
// file from beside the script (`lang-loader-script.ts`, `preferences-loader-script.ts`).
const scriptTagLoaders = {
  name: 'script-tag-loaders',
  resolveId: (id, importer) => (/^\.\/(lang|preferences)-loader$/.test(id) && importer.includes('/src/ui/') ? importer.replace(/[^/]+$/, id.slice(2) + '-script.ts') : null),
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
  terser({ ecma: 2020, compress: { passes: 3, unsafe_arrows: true, pure_getters: true }, mangle: { properties: { regex: props } }, format: { comments: /^!/ } });

const npm = (format, ext) => ({
  dir: 'dist',
  format,
  entryFileNames: '[name].' + ext,
  chunkFileNames: 'chunks/[name].' + ext,
  sourcemap: true,
  plugins: [minify()],
  ...(format == 'cjs' ? { exports: 'named', interop: 'default' } : {}),
});

export default [
  {
    // npm: js-cookie stays an import, resolved by the user's bundler or Node.
    input: { index: 'src/index.ts', headless: 'src/headless.ts' },
    external: ['js-cookie'],
    plugins: [ts(), json, declarationEntries],
    output: [npm('es', 'mjs'), npm('cjs', 'cjs')],
  },
  {
    // The script tag: one self-contained file (core, notice, styles, English, js-cookie).
    input: 'src/auto.ts',
    plugins: [scriptTagLoaders, defineVersion, ts(), nodeResolve()],
    output: { file: 'dist/consent-gate.min.js', format: 'iife', sourcemap: true, plugins: [minify(/^[_$]/)] },
  },
  {
    // The script tag's preferences dialog, loaded beside it when first needed.
    input: 'src/ui/preferences-script.ts',
    plugins: [ts()],
    output: { file: 'dist/consent-gate.preferences.min.js', format: 'iife', sourcemap: true, plugins: [minify(/^[_$]/)] },
  },
];
