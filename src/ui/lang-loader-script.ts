import type { Texts } from './texts';

/**
 * The script-tag build's loader: `lang/<code>.json` beside the script, so the main file carries only
 * English. Undefined where it cannot be fetched.
 */
export const loadLang = (code: string, base?: string): Promise<Partial<Texts> | undefined> =>
  fetch(new URL('lang/' + code + '.json', base || location.href))
    .then((r) => (r.ok ? r.json() : undefined))
    .catch(() => undefined);
