import type { Config } from '../config';
import { attempt, type Win } from '../lib/dom';

/**
 * Whether the browser sends an opt-out preference signal the site honours: Global Privacy Control (unless
 * `gpc: 'ignore'`), or Do Not Track with `dnt: 'respect'`.
 */
export const optOutSignal = (c: Pick<Config, 'gpc' | 'dnt'>, w: Win): boolean => {
  const n = w.navigator as Navigator & { globalPrivacyControl?: boolean };
  return (c.gpc != 'ignore' && n.globalPrivacyControl === true) || (c.dnt == 'respect' && n.doNotTrack == '1');
};

/**
 * Whether Google's "Google Analytics Opt-out Browser Add-on" is installed: it defines
 * `window._gaUserPrefs.ioo()`, returning `true`, before the page's scripts run. Nothing else is assumed.
 */
export const gaAddon = (w: Win): boolean => attempt(() => (w as unknown as { _gaUserPrefs: { ioo(): unknown } })._gaUserPrefs.ioo() === true, false);
