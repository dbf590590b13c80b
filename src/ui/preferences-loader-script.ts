import type { PreferencesModule } from './context';
import { addScript } from '../lib/add-script';

/** The file the script-tag build puts the preferences dialog in, beside `consent-gate.min.js`. */
export const PREFERENCES_FILE = 'consent-gate.preferences.min.js';

/**
 * The script-tag build's loader: the preferences file beside the script, run as a script of its own (so a
 * CSP `script-src` that allows the main file allows it too), which hands its exports to the element that
 * loaded it (see preferences-script.ts). Undefined where it cannot be loaded (missing, blocked, something
 * else served in its place, or the page left while it loaded).
 */
export const loadPreferences = (base?: string, nonce = ''): Promise<PreferencesModule | undefined> =>
  new Promise((resolve) => {
    // A file that ran has handed its exports over by the time it has loaded; one that did not (a server's
    // HTML page in its place, as single-page-app hosts answer for a missing file) leaves the promise to this.
    const script = addScript(window, new URL(PREFERENCES_FILE, base || location.href).href, nonce, () => resolve(undefined));
    (script as HTMLScriptElement & { loaded?: unknown }).loaded = resolve;
  });


