import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import json from '@rollup/plugin-json';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { dts } from 'rollup-plugin-dts';
import { readFileSync, readdirSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const LANG_DIR = 'src/ui/lang/';
const COOKIE_LANG_DIR = 'src/declaration/lang/';

// Every build reads the same files under src/: the first (`check`) type-checks them all and stops on an
// error, the others only transpile (noCheck), so a build type-checks once, not once per output.
const ts = (check = false) => typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: true, noCheck: !check });

// Internal properties start with `_` (private to a module, safe to shorten) or `$` (shared by the core
// and the UI, which the npm build minifies as separate chunks: kept there, shortened in the single-file build).
// Every file is ASCII: a page served in another encoding (windows-1252, Shift_JIS) reads the texts right.
export const minify = (props = /^_/) =>
  terser({
    ecma: 2020,
    // directives: false keeps 'use client', which the React binding needs at its top.
    compress: { passes: 3, unsafe_arrows: true, pure_getters: true, directives: false },
    // `_gaUserPrefs` is Google's opt-out add-on's global, not ours.
    mangle: { properties: { regex: props, reserved: ['_gaUserPrefs'] } },
    format: { comments: /^!|^# allFunctionsCalledOnLoad$/, ascii_only: true },
  });

// V8's compile hint (Chrome 136 on): every function of the file is compiled with it, at once and off the main
// thread while it streams, instead of each on its first call, on the main thread. For the two files a first visit
// runs, where nearly every function is called at load; other engines read a comment, which the minifier keeps.
const CALLED_ON_LOAD = '//# allFunctionsCalledOnLoad';

const npm = (format, ext) => ({
  dir: 'dist',
  format,
  entryFileNames: '[name].' + ext,
  chunkFileNames: 'chunks/[name].' + ext,
  sourcemap: true,
  plugins: [minify()],
  // Next.js renders the React binding in client components only.
  banner: (chunk) => (chunk.name == 'react' ? "'use client';" : ''),
  ...(format == 'cjs' ? { exports: 'named', interop: 'default' } : {}),
});

// The script tag's languages, as files beside it: lang/<code>.json, and the declaration's lang/<code>.cookies.json.
const langFiles = {
  name: 'lang-files',
  generateBundle() {
    const emit = (dir, suffix) => {
      for (const file of readdirSync(dir))
        this.emitFile({ type: 'asset', fileName: 'lang/' + file.replace(/\.json$/, suffix), source: JSON.stringify(JSON.parse(readFileSync(dir + file, 'utf8'))) });
    };
    emit(LANG_DIR, '.json');
    emit(COOKIE_LANG_DIR, '.cookies.json');
  },
};

// The log's migrations, numbered SQL files, imported as their text (`./001_x.sql?raw`, as Vite reads them in the tests).
const sqlText = {
  name: 'sql-text',
  resolveId: (id, importer) => (id.endsWith('.sql?raw') ? new URL(id.slice(0, -4), 'file://' + importer).pathname + '?raw' : null),
  load: (id) => (id.endsWith('.sql?raw') ? 'export default ' + JSON.stringify(readFileSync(id.slice(0, -4), 'utf8')) + ';' : null),
};

// One bundled declaration file per entry and module system (the internal tree is not shipped).
const declarations = (input, name) =>
  ['mts', 'cts'].map((ext) => ({ input, plugins: [dts()], output: { file: `dist/${name}.d.${ext}`, format: 'es' } }));

export default [
  {
    // npm: js-cookie, React and Vue stay imports, resolved by the user's bundler or Node. The bindings share
    // the main entry's chunks; each language is a chunk.
    input: { index: 'src/index.ts', react: 'src/react/index.ts', vue: 'src/vue/index.ts' },
    external: ['js-cookie', 'react', 'vue'],
    plugins: [ts(true), json({ compact: true, namedExports: false, preferConst: true })],
    output: [npm('es', 'mjs'), npm('cjs', 'cjs')],
  },
  // The headless and the server entries: each one file of its own, with no chunk to load (the server's
  // declaration holds every language).
  ...['headless', 'server'].map((name) => ({
    input: { [name]: `src/${name}.ts` },
    external: ['js-cookie'],
    plugins: [ts(), json({ compact: true, namedExports: false, preferConst: true })],
    output: [npm('es', 'mjs'), npm('cjs', 'cjs')],
  })),
  {
    // The proof-of-consent log, for Node: its stores are chunks loaded with their driver (an optional peer).
    input: { log: 'src/log/index.ts' },
    external: ['libsql', 'pg', /^node:/],
    plugins: [sqlText, ts(), json({ compact: true, namedExports: false, preferConst: true })],
    output: [
      { ...npm('es', 'mjs'), chunkFileNames: 'log/[name].mjs' },
      { ...npm('cjs', 'cjs'), chunkFileNames: 'log/[name].cjs' },
    ],
  },
  // The script tag: the core (with js-cookie), then, each in a file of its own beside it and loaded when
  // needed, the notice (styles, English) and the preferences dialog. Minified apart, they share `$decide`.
  {
    input: 'src/auto.ts',
    plugins: [langFiles, replace({ preventAssignment: true, values: { __VERSION__: JSON.stringify(version) } }), ts(), nodeResolve()],
    output: { file: 'dist/consent-gate.min.js', format: 'iife', sourcemap: true, banner: CALLED_ON_LOAD, plugins: [minify()] },
  },
  ...['notice:ui/mount-script', 'preferences:ui/preferences-script', 'declaration:declaration/script'].map((pair) => {
    const [file, module] = pair.split(':');
    return {
      input: `src/${module}.ts`,
      plugins: [ts()],
      output: { file: `dist/consent-gate.${file}.min.js`, format: 'iife', sourcemap: true, banner: file == 'notice' ? CALLED_ON_LOAD : '', plugins: [minify()] },
    };
  }),
  ...declarations('src/index.ts', 'index'),
  ...declarations('src/headless.ts', 'headless'),
  ...declarations('src/server.ts', 'server'),
  ...declarations('src/log/index.ts', 'log').map((config) => ({ ...config, external: [/^node:/] })),
  ...declarations('src/react/index.ts', 'react').map((config) => ({ ...config, external: ['react'] })),
  ...declarations('src/vue/index.ts', 'vue').map((config) => ({ ...config, external: ['vue'] })),
  // The script tag's globals (`window.ConsentGate`, `window.consentGateConfig`), for a site's TypeScript.
  { input: 'src/global.ts', plugins: [dts()], output: { file: 'dist/consent-gate.min.d.ts', format: 'es' } },
];
