/** The script-tag build's preferences file: hands the dialog to the element that loaded it. */
import { createPreferences } from './preferences';

(document.currentScript as HTMLScriptElement & { loaded(m: unknown): void }).loaded({ createPreferences });
