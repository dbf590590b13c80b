import type { Consent } from '../types';
import { attempt, type Win } from '../lib/dom';

/**
 * Send a decision to `endpoint` with `navigator.sendBeacon`: the record plus the page's language and
 * path (no query string, no IP). The body is JSON sent as `text/plain`, which needs no CORS preflight.
 * Failure never reaches the page.
 */
export const logDecision = (w: Win, endpoint: string, consent: Consent): void => {
  const body = JSON.stringify({
    ...consent,
    language: w.document.documentElement.lang || w.navigator.language,
    path: w.location.pathname,
  });
  attempt(() => w.navigator.sendBeacon(endpoint, body), false);
};
