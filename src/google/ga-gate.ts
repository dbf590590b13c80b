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
  /** Let GA run: stub, Consent Mode default then update, `js`, `config`, then gtag.js once. */
  _grant(): void;
  /** Stop GA: `ga-disable-<ID>` on, Consent Mode update denied. */
  _deny(): void;
  /** Advanced Consent Mode while undecided: gtag.js with every signal denied (cookieless pings). */
  _pending(): void;
}

/**
 * The gate around gtag.js. Nothing is loaded and `window['ga-disable-<ID>']` is true for every ID
 * from the moment it is created until `_grant()`.
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
  const start = (analytics: 'granted' | 'denied') => {
    if (!c.gaId.length) return;
    if (!started) {
      started = true;
      w.gtag = w.gtag || gtag;
      gtag('consent', 'default', DENIED_DEFAULTS);
      if (analytics == 'granted') gtag('consent', 'update', { analytics_storage: analytics });
      gtag('js', new Date());
      c.gaId.forEach((id) => gtag('config', id));
    } else gtag('consent', 'update', { analytics_storage: analytics });
    setDisabled(false);
    load();
  };
  const load = () => {
    const src = c.gtagSrc + (c.gtagSrc.includes('?') ? '&' : '?') + 'id=' + encodeURIComponent(c.gaId[0]);
    // One gtag.js per page, whoever inserted it; a failed one is removed, so the next grant tries again.
    if (Array.from(doc.scripts).some((s) => s.getAttribute('src') == src)) return;
    const script = doc.createElement('script');
    script.async = true;
    script.nonce = c.nonce || '';
    script.onerror = () => {
      script.remove();
      emit(win, 'ga-error', { src });
    };
    script.src = src;
    doc.head.appendChild(script);
  };
  setDisabled(true);
  return {
    _grant: () => start('granted'),
    _pending: () => start('denied'),
    _deny() {
      setDisabled(true);
      if (started) gtag('consent', 'update', { analytics_storage: 'denied' });
    },
  };
};
