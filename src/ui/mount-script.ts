/** The script-tag build's notice file: hands the UI to the element that loaded it. */
import { mountUi } from './mount';

(document.currentScript as HTMLScriptElement & { loaded(m: unknown): void }).loaded({ mountUi });
