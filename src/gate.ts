import type { ClearResult, Consent, ConsentGate, ConsentGateOptions, ConsentListener, ConsentSource } from './types';
import { normalizeOptions, type Config } from './config';
import { decodeRecord, encodeRecord } from './consent/record';
import { createCookieStore } from './consent/cookie-store';
import { logDecision } from './consent/proof-log';
import { createGaGate } from './google/ga-gate';
import { clearAnalyticsCookies } from './cookies/cleaner';
import { createTabSync } from './sync/tab-sync';
import { activateTags } from './tags/activate-tags';
import { emit, getWindow, type Win } from './lib/dom';
import { randomId } from './lib/random-id';

/** The gate as the built-in UI drives it: the public API plus the source-aware command. */
export interface Core extends ConsentGate {
  /** Record a decision given through `source`. */
  _decide(analytics: boolean, source: ConsentSource): Consent | null;
  _config: Config;
  _win: Win;
}

const same = (a: Consent | null, b: Consent | null) => (a && b ? encodeRecord(a) == encodeRecord(b) : a == b);

const NO_COOKIES: ClearResult = { removed: [], remaining: [], unreachable: [] };

/** The instance on the server: inert, undecided, touching no global. */
const inert = (): ConsentGate => ({
  getConsent: () => null,
  acceptAll: () => null,
  rejectAll: () => null,
  setConsent: () => null,
  reset() {},
  clearAnalyticsCookies: () => NO_COOKIES,
  onChange: () => () => {},
  destroy() {},
});

/** Start the gate in window `w`: the stored decision is applied before this returns. */
export const startCore = (c: Config, w: Win): Core => {
  const doc = w.document;
  const store = createCookieStore(c, doc);
  const ga = createGaGate(c, w);
  const listeners: ConsentListener[] = [];
  const gpcOn = () => c._gpc && (w.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  let state: Consent | null = null;
  let live = true;

  const readStored = (): Consent | null => {
    const policy = { now: Date.now(), revision: c._revision, expiresDays: c._expiresDays };
    let found: Consent | null = null;
    for (const value of store._values()) {
      const record = decodeRecord(value, policy);
      if (record && (!found || record.timestamp > found.timestamp)) found = record;
    }
    // Under GPC a banner grant predates the signal; a GPC denial lasts only while the signal is on.
    return found && (gpcOn() ? found.analytics && found.source == 'banner' : found.source == 'gpc') ? null : found;
  };

  const apply = (next: Consent | null) => {
    const prev = state;
    state = next;
    if (next && next.analytics) {
      ga._grant();
      activateTags(doc, 'analytics', c._nonce);
    } else {
      ga._deny();
      if (next || (prev && prev.analytics)) clearAnalyticsCookies(doc);
      else if (c._advanced) ga._pending();
    }
  };

  const notify = () => {
    for (const listener of listeners.slice())
      try {
        listener(state);
      } catch (e) {
        console.error('consent-gate: an onChange listener threw', e);
      }
    emit(w, 'change', state);
  };

  const decide = (analytics: boolean, source: ConsentSource): Consent | null => {
    if (!live) return state;
    const next: Consent = {
      analytics,
      id: state ? state.id : randomId(),
      timestamp: Math.floor(Date.now() / 1000) * 1000,
      revision: c._revision,
      source,
    };
    const value = encodeRecord(next);
    store._write(value);
    tabs._post(value);
    if (c._logEndpoint) logDecision(w, c._logEndpoint, next);
    apply(next);
    notify();
    return next;
  };

  // Another tab changed the decision (or this tab became visible): read it again and follow.
  const follow = (value?: string) => {
    if (value !== undefined) store._adopt(value);
    const next = readStored();
    if (live && !same(next, state)) {
      apply(next);
      notify();
    }
  };

  const tabs = createTabSync(w, c._cookieName, follow);

  const core: Core = {
    _config: c,
    _win: w,
    _decide: decide,
    getConsent: () => state,
    acceptAll: () => decide(true, 'api'),
    rejectAll: () => decide(false, 'api'),
    setConsent: (choice) => decide(!!(choice && choice.analytics === true), 'api'),
    reset() {
      if (!live) return;
      store._remove();
      tabs._post('');
      if (gpcOn()) decide(false, 'gpc');
      else {
        apply(null);
        notify();
      }
    },
    clearAnalyticsCookies: () => clearAnalyticsCookies(doc),
    onChange(listener) {
      listeners.push(listener);
      return () => {
        const i = listeners.indexOf(listener);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
    destroy() {
      live = false;
      listeners.length = 0;
      tabs._close();
    },
  };

  const stored = readStored();
  if (!stored && gpcOn()) decide(false, 'gpc');
  else apply(stored);
  return core;
};

/**
 * Put Google Analytics behind the visitor's consent. In a browser, the stored decision is applied before
 * this returns: until analytics is granted no Google script loads and `ga-disable-<ID>` is set. On the
 * server (no `window`) it returns an inert instance. Throws a `TypeError` naming any invalid option.
 * @example
 * const gate = createConsentGate({ gaId: 'G-ABC123', policyUrl: '/privacy' });
 * gate.onChange((consent) => console.log(consent?.analytics));
 */
export const createConsentGate = (options?: ConsentGateOptions): ConsentGate => {
  const c = normalizeOptions(options);
  const w = getWindow();
  return w ? startCore(c, w) : inert();
};
