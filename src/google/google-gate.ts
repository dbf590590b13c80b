import type { Categories } from '../types';
import type { Config } from '../config';
import { SIGNALS } from '../consent/categories';
import { emit, type Win } from '../lib/dom';
import { addScript } from '../lib/add-script';

type GtagWindow = Window & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void } & Record<string, unknown>;

/** Consent Mode v2 before any decision: every signal denied but `security_storage`, which is necessary. */
export const consentDefault = (): Record<string, string> => ({
  ...Object.fromEntries(Object.values(SIGNALS).flat().map((signal) => [signal, 'denied'])),
  security_storage: 'granted',
});

/** Switches Google's tags on and off in one page, per category. */
export interface GoogleGate {
  /**
   * Apply the categories in force (`null` while undecided): Consent Mode signals, `ga-disable-<G-ID>`,
   * `config` for each ID whose category is granted, and gtag.js once, when the first is. `noAnalytics`:
   * Google's opt-out add-on is installed, so undecided advanced Consent Mode leaves the `G-` IDs out too.
   */
  _apply(granted: Categories | null, noAnalytics?: boolean): void;
}

/**
 * The gate around gtag.js. `G-` IDs need `analytics`, `AW-` IDs need `marketing`. Nothing is loaded, no
 * `dataLayer` exists and `window['ga-disable-<G-ID>']` is true until a category a declared ID needs is
 * granted (or, in advanced Consent Mode, until the page starts undecided). On the first start: `consent
 * default`, the `set` commands, `consent update`, `js`, then `config` and gtag.js, in that order. Later
 * changes update only the signals that changed; an ID is configured once, when its category is granted.
 */
export const createGoogleGate = (c: Config, win: Win): GoogleGate => {
  const w = win as unknown as GtagWindow;
  const doc = w.document;
  // The signals gtag holds, and the IDs configured (as keys set to 1): undefined until the default is sent.
  let held: Record<string, unknown> | undefined;
  const src = c.gtagSrc + (c.gtagSrc.includes('?') ? '&' : '?') + 'id=';
  // gtag.js ignores Arrays: the stub must push the `arguments` object itself.
  const gtag: (...args: unknown[]) => void = function () {
    // eslint-disable-next-line prefer-rest-params
    (w.dataLayer = w.dataLayer || []).push(arguments);
  };
  const disable = (off: boolean) => c.gaId.forEach((id) => (w['ga-disable-' + id] = off));
  disable(true);
  return {
    _apply(granted, noAnalytics) {
      // Advanced Consent Mode while undecided: every tag runs with every signal denied (cookieless pings).
      const advanced = !granted && c.consentMode == 'advanced';
      const analytics = granted ? granted.analytics : advanced && !noAnalytics;
      const live = [...(analytics ? c.gaId : []), ...(advanced || granted?.marketing ? c.googleAdsId : [])];
      disable(!analytics);
      if (!held && !live[0]) return;
      const first = !held;
      if (first) {
        gtag('consent', 'default', consentDefault());
        held = consentDefault();
        if (c.adsDataRedaction !== false) gtag('set', 'ads_data_redaction', true);
        if (c.urlPassthrough) gtag('set', 'url_passthrough', true);
        w.gtag ||= gtag;
      }
      const update: Record<string, string> = {};
      for (const k of c.categories)
        for (const signal of SIGNALS[k]) {
          const value = granted?.[k] ? 'granted' : 'denied';
          if (held![signal] != value) update[signal] = held![signal] = value;
        }
      if (Object.keys(update)[0]) gtag('consent', 'update', update);
      if (first) gtag('js', new Date());
      for (const id of live)
        if (!held![id]) {
          held![id] = 1;
          gtag('config', id);
        }
      // One gtag.js per page, whoever inserted it; a failed one is removed, so the next grant tries again.
      if (!live[0] || Array.from(doc.scripts).some((s) => s.getAttribute('src')?.startsWith(src))) return;
      const url = src + encodeURIComponent(live[0]);
      const script = addScript(win, url, c.nonce, (ok) => {
        if (ok) return;
        script.remove();
        emit(win, 'consent-gate:ga-error', { src: url });
      });
    },
  };
};
