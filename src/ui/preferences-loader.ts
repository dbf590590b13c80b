import type { PreferencesModule } from './context';

/**
 * The preferences dialog, a chunk of its own, loaded when first needed; undefined where it cannot be loaded.
 * `_base` and `_nonce` serve the script-tag loader.
 */
export const loadPreferences = (_base?: string, _nonce?: string): Promise<PreferencesModule | undefined> => import('./preferences').catch(() => undefined);


