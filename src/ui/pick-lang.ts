import { LANGS } from './texts';

/**
 * The language to show for the first candidate (a BCP 47 tag) with built-in texts, matched by script and
 * region first, then by language: `pt-BR` is Brazilian, any other `pt` European; `zh-Hant`, `zh-TW`,
 * `zh-HK` and `zh-MO` are Traditional Chinese, any other `zh` (`zh-Hans-HK` too) Simplified; `de-AT` is
 * `de`; Norwegian `no` and `nn` read Bokmål (`nb`). Else English.
 */
export const pickLang = (candidates: readonly (string | null | undefined)[]): string => {
  for (const tag of candidates) {
    const t = (tag || '').toLowerCase().replace(/_/g, '-');
    const code = /^zh-(hant|tw|hk|mo)\b/.test(t) ? 'zh-Hant' : /^zh\b/.test(t) ? 'zh-Hans' : /^pt-br\b/.test(t) ? 'pt-BR' : /^n[bno]\b/.test(t) ? 'nb' : t.split('-')[0];
    if (LANGS.includes(code)) return code;
  }
  return 'en';
};
