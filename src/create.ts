import type { ConsentGate, ConsentGateOptions } from './types';
import { normalizeOptions } from './config';
import { startCore } from './gate';
import { getWindow } from './lib/dom';

/**
 * Put Google's tags behind the visitor's consent. In a browser, the stored decision is applied before this
 * returns: until a category is granted nothing of it runs, and `ga-disable-<ID>` is set until analytics is.
 * The notice loads as a separate chunk (not drawn with `ui: false`); `ready` resolves once it is drawn, and
 * `showBanner()` or `showPreferences()` called before are honoured then. On the server (no `window`) it
 * returns an inert, undecided instance. Throws a `TypeError` naming an invalid option.
 * @example
 * const gate = createConsentGate({ gaId: 'G-ABC123', policyUrl: '/privacy' });
 * gate.onChange((consent) => console.log(consent?.categories.analytics));
 */
export const createConsentGate = (options?: ConsentGateOptions): ConsentGate => {
  const c = normalizeOptions(options);
  const w = getWindow();
  const core = startCore(c, w);
  if (w && c.ui !== false) {
    // Until the UI chunk has loaded, showBanner() and showPreferences() are queued, then handed on.
    let want: 'showBanner' | 'showPreferences' | undefined;
    core.showBanner = () => void (want = 'showBanner');
    core.showPreferences = () => void (want = 'showPreferences');
    core.ready = import('./ui/mount').then((ui) => {
      const drawn = ui.mountUi(core, c, w);
      if (want) core[want]();
      return drawn;
    });
  }
  return core;
};
