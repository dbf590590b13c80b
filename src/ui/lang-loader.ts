import type { Texts } from './texts';

type Loaded = Promise<{ default: Partial<Texts> }>;

// One chunk per language, fetched only when that language is shown.
const LOADERS: Record<string, () => Loaded> = {
  de: () => import('./lang/de.json'),
  fr: () => import('./lang/fr.json'),
  es: () => import('./lang/es.json'),
  it: () => import('./lang/it.json'),
  nl: () => import('./lang/nl.json'),
  pt: () => import('./lang/pt.json'),
  ja: () => import('./lang/ja.json'),
};

/** The texts of `code` (not English); undefined where they cannot be loaded. `_base` serves the script-tag loader. */
export const loadLang = (code: string, _base?: string): Promise<Partial<Texts> | undefined> =>
  LOADERS[code]().then(
    (m) => m.default,
    () => undefined,
  );
