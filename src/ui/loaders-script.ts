import type { UiLoaders } from './context';
import { addScript } from '../lib/add-script';

/**
 * The script-tag build's UI, in files beside the script (`base`): `consent-gate.notice.min.js`,
 * `consent-gate.preferences.min.js`, `consent-gate.declaration.min.js` (which fetches its own
 * `lang/<code>.cookies.json`) and `lang/<code>.json`. Each script is run as a script of its own (with
 * `nonce`), so a CSP `script-src` that allows the main file allows them too, and hands its exports to the
 * element that loaded it (see mount-script.ts). Undefined where one cannot be loaded: missing, blocked,
 * something else served in its place, or the page left while it loaded.
 */
export const fileLoaders = (base = location.href, nonce?: string): UiLoaders => {
  const file = <T>(name: string) =>
    new Promise<T | undefined>((resolve) => {
      // A file that ran has handed its exports over by the time it has loaded; one that did not (a server's
      // HTML page in its place, as single-page-app hosts answer for a missing file) leaves the promise to this.
      const script = addScript(window, new URL('consent-gate.' + name + '.min.js', base).href, nonce, () => resolve(undefined));
      (script as HTMLScriptElement & { loaded?: unknown }).loaded = resolve;
    });
  // The declaration's file, asked for at every decision the page's declaration follows, is loaded once.
  let declaration: ReturnType<UiLoaders['decl']>;
  return {
    ui: () => file('notice'),
    prefs: () => file('preferences'),
    decl: () => (declaration ||= file('declaration')),
    lang: (code) =>
      fetch(new URL('lang/' + code + '.json', base))
        .then((r) => (r.ok ? r.json() : undefined))
        .catch(() => undefined),
  };
};
