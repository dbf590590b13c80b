import type { Consent, ConsentGate, ConsentListener, ConsentSource } from './types';
import type { Config } from './config';
import { decodeRecord, encodeRecord } from './consent/record';
import { createCookieStore, TOLD_MS } from './consent/cookie-store';
import { logDecision } from './consent/proof-log';
import { createGaGate } from './google/ga-gate';
import { clearAnalyticsCookies } from './cookies/cleaner';
import { createTabSync } from './sync/tab-sync';
import { activateTags } from './tags/activate-tags';
import { emit, type Win } from './lib/dom';
import { randomId } from './lib/random-id';

/**
 * The gate as the built-in UI drives it: the public API plus the source-aware command. It starts with `$`,
 * not `_`: the npm build minifies the core and the UI as separate chunks, so it must keep its name.
 */
export interface Core extends ConsentGate {
  /** Record a decision given through `source`. */
  $decide(analytics: boolean, source: ConsentSource): Consent | null;
}

/** A decision as comparable text; '' while undecided. */
const key = (c: Consent | null) => (c ? encodeRecord(c) : '');

/**
 * Start the gate in window `w`: the stored decision is applied before this returns. Without a window
 * (server-side rendering) the gate is inert and undecided, and touches no global.
 */
export const startCore = (c: Config, w?: Win): Core => {
  const doc = w && w.document;
  const listeners = new Set<ConsentListener>();
  let state: Consent | null = null;
  let live = !!doc;

  const gpcOn = () => c.gpc != 'ignore' && (w!.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

  // Under GPC a banner grant predates the signal; a GPC denial lasts only while the signal is on.
  const honoured = (found: Consent | null) => (found && (gpcOn() ? found.analytics && found.source == 'banner' : found.source == 'gpc') ? null : found);

  const readStored = (): Consent | null => {
    let found: Consent | null = null;
    for (const value of store._values()) {
      const record = decodeRecord(value, c, Date.now());
      if (record && (!found || record.timestamp > found.timestamp)) found = record;
    }
    return honoured(found);
  };

  // Apply `next` to GA, the cleaner and the gated tags, then (unless starting) tell every listener.
  const apply = (next: Consent | null, starting?: boolean) => {
    const prev = state;
    state = next;
    if (next?.analytics) {
      ga._start(true);
      activateTags(doc!, 'analytics', c.nonce);
    } else {
      ga._deny();
      if (next || prev?.analytics) clearAnalyticsCookies(doc);
      else if (c.consentMode == 'advanced') ga._start();
    }
    if (starting) return;
    for (const listener of [...listeners])
      try {
        listener(state);
      } catch (e) {
        console.error(e);
      }
    emit(w!, 'consent-gate:change', state);
  };

  const decide = (analytics: boolean, source: ConsentSource): Consent | null => {
    if (!live) return state;
    const next: Consent = {
      analytics,
      id: state?.id ?? randomId(),
      timestamp: Math.floor(Date.now() / 1000) * 1000,
      revision: c.revision,
      source,
    };
    const value = encodeRecord(next);
    store._write(value);
    tabs._post(value);
    if (c.logEndpoint) logDecision(w!, c.logEndpoint, next);
    apply(next);
    return next;
  };

  const core: Core = {
    $decide: decide,
    getConsent: () => state,
    acceptAll: () => decide(true, 'api'),
    rejectAll: () => decide(false, 'api'),
    setConsent: (choice) => decide(choice?.analytics === true, 'api'),
    reset() {
      if (!live) return;
      store._remove();
      tabs._post('');
      if (gpcOn()) decide(false, 'gpc');
      else apply(null);
    },
    clearAnalyticsCookies: () => clearAnalyticsCookies(doc),
    // Replaced by the UI once it is mounted.
    showBanner() {},
    showPreferences() {},
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      if (live) tabs._close();
      live = false;
      listeners.clear();
    },
  };

  if (!live) return core;
  const store = createCookieStore(c, doc!);
  const ga = createGaGate(c, w!);
  const follow = () => {
    const next = readStored();
    if (live && key(next) != key(state)) apply(next);
  };
  // Another tab's message carries its decision: once it decodes as strictly as a stored one, it counts as
  // stored at once (the cookie may show it only later) and is checked against the cookie after `TOLD_MS`.
  // Without a value (shown, hidden, restored from the back/forward cache), the tab reads the cookie again.
  const tabs = createTabSync(w!, c.cookie.name, (value) => {
    if (value != undefined && (!value || decodeRecord(value, c, Date.now()))) {
      store._adopt(value);
      setTimeout(follow, TOLD_MS);
    }
    follow();
  });
  const stored = readStored();
  if (!stored && gpcOn()) decide(false, 'gpc');
  else apply(stored, true);
  return core;
};

