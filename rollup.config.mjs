import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

// Type declarations come from `tsc -p tsconfig.build.json`; these wrappers give each module system its own entry.
const declarationEntries = {
  name: 'declaration-entries',
  generateBundle() {
    for (const ext of ['mts', 'cts'])
      this.emitFile({ type: 'asset', fileName: 'index.d.' + ext, source: "export * from './types/index.js';\n" });
  },
};

const ts = () => typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: true });

// Private properties start with `_` (never part of the public API), so they are safe to shorten.
export const minify = () =>
  terser({
    ecma: 2020,
    compress: { passes: 2 },
    mangle: { properties: { regex: /^_/ } },
    format: { comments: /^!/ },
  });

export default [
  {
    // npm: js-cookie stays an import, resolved by the user's bundler or Node.
    input: 'src/index.ts',
    external: ['js-cookie'],
    plugins: [ts(), declarationEntries],
    output: [
      { file: 'dist/index.mjs', format: 'es', sourcemap: true, plugins: [minify()] },
      { file: 'dist/index.cjs', format: 'cjs', sourcemap: true, exports: 'named', interop: 'default', plugins: [minify()] },
    ],
  },
];
