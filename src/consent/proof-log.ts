import type { Consent } from '../types';
import { attempt, type Win } from '../lib/dom';

/** What waits in the queue: a beacon's body, and when it was first sent (ms). */
type Queued = [body: string, at: number];
/** How long an unanswered decision is kept to be sent again: a few days, whatever the site's retention. */
const KEEP_MS = 7 * 864e5;
/** The most decisions kept; older ones are dropped first. */
const MAX_QUEUED = 20;

/** Sends each decision to the proof-of-consent endpoint, and again later when it did not arrive. */
export interface ProofLog {
  /** Send `consent` (with the page's language and path, and `notice`, the version of the texts shown). */
  _send(consent: Consent, notice?: string): void;
}

/**
 * The proof-of-consent log: each decision is POSTed to `endpoint` as JSON sent as `text/plain` (no CORS
 * preflight) with `fetch`'s `keepalive`, so it outlives the page and its answer is known. Until the
 * endpoint acknowledges it (any 2xx, or a 4xx, which no retry would change) it waits in localStorage under
 * `key` (strictly necessary: at most 20 decisions, each for at most 7 days) and is sent again on the next
 * page; a network error or a 5xx leaves it there. With storage blocked, each decision goes once with
 * `navigator.sendBeacon`. The body holds the record, the page's language and path (no query string, no
 * IP). Nothing here delays the page or reaches it as an error.
 */
export const createProofLog = (w: Win, endpoint: string, key: string): ProofLog => {
  const storage = attempt(() => w.localStorage, null);
  const read = (): Queued[] => attempt(() => JSON.parse(storage!.getItem(key)!) || [], []);
  // Whether the queue could be stored (a full or blocked storage says no).
  const write = (queue: Queued[]) => attempt(() => (queue[0] ? storage!.setItem(key, JSON.stringify(queue)) : storage!.removeItem(key), true), false);
  // Answered: out of the queue (as it is now: another tab may have changed it).
  const post = ([body]: Queued) =>
    attempt(() =>
      w.fetch(endpoint, { method: 'POST', body, keepalive: true }).then(
        (r) => r.status < 500 && write(read().filter((q) => q[0] != body)),
        () => {},
      ),
    );
  const queue = read().filter((q) => q[1] > Date.now() - KEEP_MS);
  write(queue);
  queue.forEach(post);
  return {
    _send(consent, notice) {
      const body = JSON.stringify({ ...consent, language: w.document.documentElement.lang || w.navigator.language, path: w.location.pathname, notice });
      const entry: Queued = [body, Date.now()];
      if (!storage || !write([...read(), entry].slice(-MAX_QUEUED))) attempt(() => w.navigator.sendBeacon(endpoint, body));
      else post(entry);
    },
  };
};
