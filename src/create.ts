import type { ConsentGate, ConsentGateOptions } from './types';
import { normalizeOptions } from './config';
import { startCore } from './gate';
import { getWindow } from './lib/dom';

/**
 * Put Google Analytics behind the visitor's consent. In a browser, the stored decision is applied before
 * this returns: until analytics is granted no Google script loads and `ga-disable-<ID>` is set. The notice
 * and preferences load as a separate chunk (none with `ui: false`); `showBanner()` and `showPreferences()`
 * work once it has loaded, a moment later. On the server (no `window`) it returns
 * an inert, undecided instance. Throws a `TypeError` naming an invalid option.
 * @example
 * const gate = createConsentGate({ gaId: 'G-ABC123', policyUrl: '/privacy' });
 * gate.onChange((consent) => console.log(consent?.analytics));
 */
export const createConsentGate = (options?: ConsentGateOptions): ConsentGate => {
  const c = normalizeOptions(options);
  const w = getWindow();
  const core = startCore(c, w);
  if (w && c.ui !== false) import('./ui/mount').then((ui) => ui.mountUi(core, c, w));
  return core;
};
