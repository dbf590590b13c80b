import type { ConsentGate, ConsentGateOptions } from './types';
import { normalizeOptions } from './config';
import { startCore } from './gate';
import { getWindow } from './lib/dom';
import { startUi } from './ui/start';
import { chunkLoaders } from './ui/loaders';

/**
 * Put Google's tags behind the visitor's consent. In a browser, the stored decision is applied before this
 * returns: until a category is granted nothing of it runs, and `ga-disable-<ID>` is set until analytics is.
 * The notice is a separate chunk (not drawn with `ui: false`), loaded only when the visitor is to be asked
 * (or opens the preferences); `ready` resolves once it is drawn (at once when it is not needed), and
 * `showBanner()` or `showPreferences()` load it as needed. On the server (no `window`) it
 * returns an inert, undecided instance. Throws a `TypeError` naming an invalid option.
 * @example
 * const gate = createConsentGate({ gaId: 'G-ABC123', policyUrl: '/privacy' });
 * gate.onChange((consent) => console.log(consent?.categories.analytics));
 */
export const createConsentGate = (options?: ConsentGateOptions): ConsentGate => {
  const c = normalizeOptions(options);
  const w = getWindow();
  const core = startCore(c, w);
  // The notice is a chunk of its own, loaded only when something is to be shown.
  if (w) startUi(core, c, w, chunkLoaders);
  return core;
};
