/**
 * The headless entry (`consent-gate/headless`): the same gate without the notice, the preferences or any
 * dynamic import, for apps that draw their own consent UI. Nothing of the UI reaches an app's bundle.
 */
import type { ConsentGate, ConsentGateOptions } from './types';
import { normalizeOptions } from './config';
import { startCore } from './gate';
import { getWindow } from './lib/dom';

/**
 * Put Google Analytics behind the visitor's consent, with no UI of its own: call `acceptAll()`,
 * `rejectAll()` or `setConsent()` from yours. In a browser, the stored decision is applied before this
 * returns; on the server (no `window`) it returns an inert, undecided instance. Throws a `TypeError`
 * naming an invalid option.
 * @example
 * const gate = createConsentGate({ gaId: 'G-ABC123' });
 * acceptButton.onclick = () => gate.acceptAll();
 */
export const createConsentGate = (options?: ConsentGateOptions): ConsentGate => startCore(normalizeOptions(options), getWindow());

export { clearAnalyticsCookies } from './cookies/cleaner';
export type { Categories, Category, ClearResult, Consent, ConsentChoice, ConsentGate, ConsentGateOptions, ConsentGateMode, ConsentListener, ConsentSource, CookieOptions } from './types';
