import type { PreferencesModule } from './context';

/** The preferences dialog, a chunk of its own, loaded when first needed. `_base` serves the script-tag loader. */
export const loadPreferences = (_base?: string, _nonce?: string): Promise<PreferencesModule> => import('./preferences');
