import type { Categories, Category, ClearResult, Consent, ConsentGate, ConsentListener, ConsentSource } from './types';
import { cookieName, type Config } from './config';
import { decodeRecord, encodeRecord } from './consent/record';
import { project, storedDecision } from './consent/policy';
import { createCookieStore, TOLD_MS } from './consent/cookie-store';
import { createProofLog } from './consent/proof-log';
import { createGoogleGate } from './google/google-gate';
import { ANALYTICS_COOKIE, clearCookies, googleNames, MARKETING_COOKIE } from './cookies/cleaner';
import { createTabSync } from './sync/tab-sync';
import { applyConsentElements } from './tags/consent-elements';
import { emit, type Win } from './lib/dom';
import { randomId } from './lib/random-id';
import { gaAddon, optOutSignal } from './consent/signals';

/**
 * The gate as the built-in UI drives it: the public API plus the source-aware command. It starts with `$`,
 * not `_`: the npm build minifies the core and the UI as separate chunks, so it must keep its name.
 */
export interface Core extends ConsentGate {
  /**
   * Record the choice given through `source`: every declared category, granted only where `choice` is
   * `true` or grants it. `notice`: the version of the texts the visitor was shown (a short hash), sent with
   * the decision as proof of what they were told.
   */
  $decide(choice: Categories | boolean, source: ConsentSource, notice?: string): Consent | null;
}

/** Google's own cookies of each category (the site adds its own through `cookies`). */
const GOOGLE_COOKIES: { [K in Category]?: RegExp } = { analytics: ANALYTICS_COOKIE, marketing: MARKETING_COOKIE };

/**
 * Start the gate in window `w`: the stored decision is applied before this returns. Without a window
 * (server-side rendering) the gate is inert and undecided, and touches no global.
 */
export const startCore = (c: Config, w?: Win): Core => {
  const doc = w && w.document;
  const listeners = new Set<ConsentListener>();
  // The decision in force, with one key per declared category; `covered`: it recorded every one of them;
  // `granted`: what runs (in opt-out mode, with no decision, every declared category).
  let state: Consent | null = null;
  let covered = false;
  let granted: Categories | null = null;
  const optOutMode = c.mode == 'opt-out';
  let live = !!doc;
  // A single-page app may have moved on with `history.pushState`: its first path still holds cookies.
  const landing = doc ? doc.location.pathname : '/';

  const signal = () => optOutSignal(c, w!);
  const addon = () => gaAddon(w!);

  const readStored = () => storedDecision(store._values(), c, Date.now(), signal());

  // A decision as it applies here: projected on the declared categories; with Google's opt-out add-on, a
  // banner grant of analytics (given before the add-on came) no longer counts.
  const view = (record: Consent | null): Consent | null => {
    const next = project(record, c.categories, optOutMode && !signal());
    if (next && next.source == 'banner' && next.categories.analytics && addon()) (next.categories as Categories).analytics = false;
    return next;
  };

  // A category's cookies: Google's, and the site's own names and patterns (declared entries by their `name`).
  const clear = (k: Category): ClearResult => {
    const own = (c.cookies[k] || []).map(cookieName) as (string | RegExp)[];
    return clearCookies(
      doc,
      (name) => GOOGLE_COOKIES[k]?.test(name) || own.some((p) => (typeof p == 'string' ? p == name : name.search(p) >= 0)),
      landing,
      k == 'analytics' ? ['FPID'] : [],
      [...googleNames(k, c.gaId), ...own.filter((p) => typeof p == 'string')] as string[],
    );
  };

  // The page's consent-gated tags and embeds, as what runs now allows.
  const elements = () => applyConsentElements(doc!, (names) => names.split(/[\s,]+/).every((k) => k == 'necessary' || granted?.[k as Category]), c.nonce);

  // Apply `record` to Google's tags, the gated elements and the cleaner, then (unless starting) tell every listener.
  const apply = (record: Consent | null, starting?: boolean) => {
    const prev = granted;
    state = view(record);
    covered = !!record && c.categories.every((k) => k in record.categories);
    // With no decision in opt-out mode, every declared category runs; but analytics not with Google's add-on.
    const next = (granted = state ? state.categories : optOutMode ? Object.fromEntries(c.categories.map((k) => [k, k != 'analytics' || !addon()])) : null);
    google._apply(next, addon());
    elements();
    // A denied category's cookies go, on every page; after a reset, those of what was granted.
    for (const k of c.categories) if (!next?.[k] && (next || prev?.[k])) clear(k);
    if (starting) return;
    for (const listener of [...listeners])
      try {
        listener(state);
      } catch (e) {
        console.error(e);
      }
    emit(w!, 'consent-gate:change', state);
  };

  const decide = (choice: Categories | boolean, source: ConsentSource, notice?: string): Consent | null => {
    if (!live) return state;
    const next: Consent = {
      id: state?.id ?? randomId(),
      // To the second, as the record stores it; and after the decision it replaces, so that no two decisions
      // of one visitor share a time (proof of consent keys each on its id and time; the newest copy wins).
      timestamp: Math.max(Math.floor(Date.now() / 1000) * 1000, state ? state.timestamp + 1000 : 0),
      revision: c.revision,
      source,
      mode: optOutMode ? 'opt-out' : 'opt-in',
      // "Accept all" never overrides Google's opt-out add-on; a choice that names analytics does.
      categories: Object.fromEntries(c.categories.map((k) => [k, (typeof choice == 'object' ? choice[k] : choice) === true && (choice !== true || k != 'analytics' || !addon())])),
    };
    const value = encodeRecord(next);
    store._write(value);
    tabs._post(value);
    log?._send(next, notice);
    apply(next);
    return state;
  };

  const core: Core = {
    $decide: decide,
    getConsent: () => state,
    isGranted: (k) => !!granted?.[k],
    // Not in opt-out mode, nor under a signal; nor when analytics alone is declared and Google's add-on refuses it.
    needsDecision: () => !!doc && !optOutMode && !signal() && !covered && (c.categories.length > 1 || !addon()),
    acceptAll: () => decide(true, 'api'),
    rejectAll: () => decide(false, 'api'),
    // Merged with what runs now: in opt-out mode, with no decision, every declared category.
    setConsent: (choice) => decide({ ...granted, ...Object(choice) }, 'api'),
    reset() {
      if (!live) return;
      store._remove();
      tabs._post('');
      if (signal()) decide(false, 'gpc');
      else apply(null);
    },
    clearAnalyticsCookies: () => clear('analytics'),
    clearCookies: clear,
    // Replaced by the built-in UI's start (ui/start.ts); the headless entry has no declaration of its own.
    // (Its message names the way: the server entry's declaration(), which runs anywhere.)
    declaration: () => Promise.reject(new TypeError('consent-gate/server')),
    ready: Promise.resolve(),
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
  // Sends again, now, what earlier pages could not deliver.
  const log = c.logEndpoint ? createProofLog(w!, c.logEndpoint, c.cookie.name + '_log') : undefined;
  const google = createGoogleGate(c, w!);
  const follow = () => {
    const next = readStored();
    if (live && JSON.stringify(view(next)) != JSON.stringify(state)) apply(next);
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
  if (!stored && signal()) decide(false, 'gpc');
  else apply(stored, true);
  // Started while the page is parsed (a script tag in <head>): the elements below it, once they are there.
  // (On a page already parsed the event has fired and never comes again.)
  doc!.addEventListener('DOMContentLoaded', () => live && elements());
  return core;
};
