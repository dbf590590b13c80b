import type { Config } from '../config';
import { emit, type Win } from '../lib/dom';

type GtagWindow = Window & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void } & Record<string, unknown>;

/** The seven Consent Mode v2 signals, all denied: the default before any decision. */
export const DENIED_DEFAULTS = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'denied',
} as const;

/** Switches Google Analytics on and off in one page. */
export interface GaGate {
  /**
   * Let GA run (`granted`): stub, Consent Mode default then update, `js`, `config`, then gtag.js once.
   * Without `granted`, advanced Consent Mode while undecided: gtag.js with every signal denied.
   */
  _start(granted?: boolean): void;
  /** Stop GA: `ga-disable-<ID>` on, Consent Mode update denied. */
  _deny(): void;
}

/**
 * The gate around gtag.js. Nothing is loaded and `window['ga-disable-<ID>']` is true for every ID
 * from the moment it is created until `_start(true)`.
 */
export const createGaGate = (c: Config, win: Win): GaGate => {
  const w = win as unknown as GtagWindow;
  const doc = w.document;
  let started = false;
  const setDisabled = (disabled: boolean) => c.gaId.forEach((id) => (w['ga-disable-' + id] = disabled));
  // gtag.js ignores Arrays: the stub must push the `arguments` object itself.
  const gtag: (...args: unknown[]) => void = function () {
    // eslint-disable-next-line prefer-rest-params
    (w.dataLayer = w.dataLayer || []).push(arguments);
  };
  const update = (analytics: string) => gtag('consent', 'update', { analytics_storage: analytics });
  const start = (granted?: boolean) => {
    if (!c.gaId.length) return;
    // The default comes before anything else, the update before js and config (Consent Mode order).
    if (!started) gtag('consent', 'default', DENIED_DEFAULTS);
    if (started || granted) update(granted ? 'granted' : 'denied');
    if (!started) {
      started = true;
      w.gtag = w.gtag || gtag;
      gtag('js', new Date());
      c.gaId.forEach((id) => gtag('config', id));
    }
    setDisabled(false);
    const src = c.gtagSrc + (c.gtagSrc.includes('?') ? '&' : '?') + 'id=' + encodeURIComponent(c.gaId[0]);
    // One gtag.js per page, whoever inserted it; a failed one is removed, so the next grant tries again.
    if (Array.from(doc.scripts).some((s) => s.getAttribute('src') == src)) return;
    const script = doc.createElement('script');
    script.async = true;
    script.nonce = c.nonce || '';
    script.onerror = () => {
      script.remove();
      emit(win, 'consent-gate:ga-error', { src });
    };
    script.src = src;
    doc.head.appendChild(script);
  };
  setDisabled(true);
  return {
    _start: start,
    _deny() {
      setDisabled(true);
      if (started) update('denied');
    },
  };
};
