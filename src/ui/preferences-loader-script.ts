import type { PreferencesModule } from './context';

/** The file the script-tag build puts the preferences dialog in, beside `consent-gate.min.js`. */
export const PREFERENCES_FILE = 'consent-gate.preferences.min.js';

/**
 * The script-tag build's loader: the preferences file beside the script, run as a script of its own (so a
 * CSP `script-src` that allows the main file allows it too), which hands its exports to the element that
 * loaded it (see preferences-script.ts).
 */
export const loadPreferences = (base?: string, nonce = ''): Promise<PreferencesModule> =>
  new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(PREFERENCES_FILE, base || location.href).href;
    script.nonce = nonce;
    (script as HTMLScriptElement & { loaded?: unknown }).loaded = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
