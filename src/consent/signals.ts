import type { Config } from '../config';
import { attempt, type Win } from '../lib/dom';

/**
 * Whether an opt-out preference signal counts: Global Privacy Control (`gpc` on) unless `gpc: 'ignore'`, or
 * Do Not Track (`dnt` on) with `dnt: 'respect'`. The browser reads them from `navigator`, the server from
 * the request's headers.
 */
export const signalHonoured = (c: Pick<Config, 'gpc' | 'dnt'>, gpc: boolean, dnt: boolean): boolean => (c.gpc != 'ignore' && gpc) || (c.dnt == 'respect' && dnt);

/** Whether the browser sends an opt-out preference signal the site honours. */
export const optOutSignal = (c: Pick<Config, 'gpc' | 'dnt'>, w: Win): boolean => {
  const n = w.navigator as Navigator & { globalPrivacyControl?: boolean };
  return signalHonoured(c, n.globalPrivacyControl === true, n.doNotTrack == '1');
};

/**
 * Whether Google's "Google Analytics Opt-out Browser Add-on" is installed: it defines
 * `window._gaUserPrefs.ioo()`, returning `true`, before the page's scripts run. Nothing else is assumed.
 */
export const gaAddon = (w: Win): boolean =>
  // Without the add-on (nearly always) nothing is thrown: each check would otherwise build an error and its stack trace.
  attempt(() => (w as unknown as { _gaUserPrefs?: { ioo?(): unknown } })._gaUserPrefs?.ioo?.() === true, false);
