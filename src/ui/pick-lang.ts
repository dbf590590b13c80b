import { LANGS } from './texts';

/** The first built-in language among the candidates (`de-AT` counts as `de`), else English. */
export const pickLang = (candidates: readonly (string | null | undefined)[]): string =>
  candidates.map((tag) => (tag || '').slice(0, 2).toLowerCase()).find((code) => LANGS.includes(code)) || 'en';
