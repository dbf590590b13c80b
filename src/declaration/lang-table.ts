import type { CookieTexts } from './texts';

/**
 * The declaration's texts, one chunk per language, fetched only when that language is shown (a literal import()
 * per language, as in ui/lang-table.ts: bundlers make chunks only of literal paths); the table is a
 * chunk of its own too, loaded only for a language other than English.
 */
export const COOKIE_LOADERS: Record<string, () => Promise<{ default: Partial<CookieTexts> }>> = {
  ar: () => import('./lang/ar.json'),
  bg: () => import('./lang/bg.json'),
  ca: () => import('./lang/ca.json'),
  cs: () => import('./lang/cs.json'),
  da: () => import('./lang/da.json'),
  de: () => import('./lang/de.json'),
  el: () => import('./lang/el.json'),
  es: () => import('./lang/es.json'),
  et: () => import('./lang/et.json'),
  eu: () => import('./lang/eu.json'),
  fi: () => import('./lang/fi.json'),
  fr: () => import('./lang/fr.json'),
  ga: () => import('./lang/ga.json'),
  gl: () => import('./lang/gl.json'),
  he: () => import('./lang/he.json'),
  hr: () => import('./lang/hr.json'),
  hu: () => import('./lang/hu.json'),
  is: () => import('./lang/is.json'),
  it: () => import('./lang/it.json'),
  ja: () => import('./lang/ja.json'),
  ko: () => import('./lang/ko.json'),
  lt: () => import('./lang/lt.json'),
  lv: () => import('./lang/lv.json'),
  mt: () => import('./lang/mt.json'),
  nb: () => import('./lang/nb.json'),
  nl: () => import('./lang/nl.json'),
  pl: () => import('./lang/pl.json'),
  pt: () => import('./lang/pt.json'),
  'pt-BR': () => import('./lang/pt-BR.json'),
  ro: () => import('./lang/ro.json'),
  sk: () => import('./lang/sk.json'),
  sl: () => import('./lang/sl.json'),
  sv: () => import('./lang/sv.json'),
  tr: () => import('./lang/tr.json'),
  uk: () => import('./lang/uk.json'),
  'zh-Hans': () => import('./lang/zh-Hans.json'),
  'zh-Hant': () => import('./lang/zh-Hant.json'),
};
