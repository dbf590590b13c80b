import type { UiLoaders } from './context';

/**
 * The npm build's UI, in chunks loaded on demand: the notice, the preferences, the declaration, and each
 * language's texts through a table (a chunk of its own too, so an English page never loads it). Undefined
 * where one cannot be loaded.
 */
export const chunkLoaders: UiLoaders = {
  ui: () => import('./mount').catch(() => undefined),
  prefs: () => import('./preferences').catch(() => undefined),
  lang: (code) =>
    import('./lang-table').then((m) => m.LOADERS[code]()).then(
      (m) => m.default,
      () => undefined,
    ),
  decl: () => import('../declaration/chunk').catch(() => undefined),
};
