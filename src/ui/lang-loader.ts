import type { Texts } from './texts';

/** The texts of `code` (not English); undefined where they cannot be loaded. `_base` serves the script-tag loader. */
export const loadLang = (code: string, _base?: string): Promise<Partial<Texts> | undefined> =>
  import('./lang-table').then((m) => m.LOADERS[code]()).then(
    (m) => m.default,
    () => undefined,
  );
