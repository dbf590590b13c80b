import type { Categories } from '../types';
import type { Config } from '../config';
import { CATEGORIES, SIGNALS } from '../consent/categories';
import { emit, type Win } from '../lib/dom';
import { addScript } from '../lib/add-script';

type GtagWindow = Window & { gtag?: (...args: unknown[]) => void; google_tag_manager?: Record<string, unknown> } & Record<string, unknown>;

/** Consent Mode v2 before any decision: every signal denied but `security_storage`, which is necessary. */
export const consentDefault = (): Record<string, string | number> => ({
  ...Object.fromEntries(Object.values(SIGNALS).flat().map((signal) => [signal, 'denied'])),
  security_storage: 'granted',
});

/** The dataLayer event pushed on every decision a Tag Manager container sees, for its other tags' triggers. */
export const UPDATE_EVENT = 'consent_gate_update';

/** Switches Google's tags on and off in one page, per category. */
export interface GoogleGate {
  /**
   * Apply the categories in force (`null` while undecided): Consent Mode signals, `ga-disable-<G-ID>`,
   * `config` for each ID whose category is granted, and gtag.js once, when the first is; or the Tag
   * Manager container, once a category that opens it is granted. `noAnalytics`: Google's opt-out add-on is
   * installed, so undecided advanced Consent Mode leaves the `G-` IDs out too.
   */
  _apply(granted: Categories | null, noAnalytics?: boolean): void;
}

/**
 * The gate around gtag.js, or around the site's Tag Manager container (`gtmId`), which then holds the
 * Google tags: with a container, gtag.js is never loaded beside it, so no page is counted twice. `G-` IDs
 * need `analytics`, `AW-` IDs need `marketing`, the container one of `gtmCategories`. Nothing is loaded, no
 * data layer exists and `window['ga-disable-<G-ID>']` is true until one is granted (or, in advanced Consent
 * Mode, until the page starts undecided). On the first start, every command an `arguments` object on the
 * data layer: `consent default`, the `set` commands, `consent update`, then either `js`, `config` and
 * gtag.js, or the `gtm.js` event once and the container's script. Later changes update only the signals
 * that changed; an ID is configured once, when its category is granted; a container sees the
 * `consent_gate_update` event on each decision it is there for, the first included.
 */
export const createGoogleGate = (c: Config, win: Win): GoogleGate => {
  const w = win as unknown as GtagWindow;
  const doc = w.document;
  const name = c.dataLayerName;
  // The signals gtag holds, the IDs configured and the container (as keys set to 1): undefined until the
  // default is sent; 0 when the page holds something else than a data layer under its name.
  let held: Record<string, unknown> | undefined | 0;
  const push = (entry: unknown) => ((w[name] ||= []) as unknown[]).push(entry);
  // gtag.js and Tag Manager ignore Arrays: the stub must push the `arguments` object itself.
  const gtag: (...args: unknown[]) => void = function () {
    // eslint-disable-next-line prefer-rest-params
    push(arguments);
  };
  const disable = (off: boolean) => c.gaId.forEach((id) => (w['ga-disable-' + id] = off));
  // One gtag.js per page (for any ID), one script per container, whoever inserted it; a failed one is
  // removed, so the next grant tries again.
  const load = (base: string, id: string, container?: unknown) => {
    const src = base + (base.includes('?') ? '&' : '?') + 'id=';
    if ([...doc.scripts].some((s) => s.getAttribute('src')?.startsWith(container ? src + id : src)) || w.google_tag_manager?.[id]) return;
    const url = src + id + (name != 'dataLayer' ? '&l=' + name : '');
    const script = addScript(win, url, c.nonce, (ok) => {
      if (ok) return;
      script.remove();
      emit(win, 'consent-gate:ga-error', { src: url });
    });
  };
  disable(true);
  return {
    _apply(granted, noAnalytics) {
      // Advanced Consent Mode while undecided: every tag runs with every signal denied (cookieless pings).
      const advanced = !granted && c.consentMode == 'advanced';
      const analytics = granted ? granted.analytics : advanced && !noAnalytics;
      const container = c.gtmId && (advanced || c.gtmCategories.some((k) => granted?.[k]));
      // A container holds the Google tags itself.
      const live = c.gtmId ? [] : [...(analytics ? c.gaId : []), ...(advanced || granted?.marketing ? c.googleAdsId : [])];
      disable(!analytics);
      if (held === 0 || (!held && !live[0] && !container)) return;
      const first = !held;
      if (first) {
        // Tags that cannot read their commands must not load; the decision itself goes on as usual.
        if (typeof ((w[name] ||= []) as unknown[]).push != 'function') {
          held = 0;
          return console.error('consent-gate: invalid dataLayerName: ' + name + ' (window.' + name + ' is no array)');
        }
        gtag('consent', 'default', { ...consentDefault(), ...(c.gtmId && { wait_for_update: 500 }) });
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
      if (first && live[0]) gtag('js', new Date());
      for (const id of live)
        if (!held![id]) {
          held![id] = 1;
          gtag('config', id);
        }
      if (live[0]) load(c.gtagSrc, encodeURIComponent(live[0]));
      if (container && !held!.gtm) {
        held!.gtm = 1;
        push({ 'gtm.start': Date.now(), event: 'gtm.js' });
      }
      // A container that failed to load is asked for again, under the one gtm.js it has not read yet.
      if (container) load(c.gtmSrc, c.gtmId!, 1);
      if (held!.gtm) push({ event: UPDATE_EVENT, consent_gate: Object.fromEntries(CATEGORIES.map((k) => [k, granted?.[k] ? 'granted' : 'denied'])) });
    },
  };
};
