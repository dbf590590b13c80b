import Cookies from 'js-cookie';
import type { Config } from '../config';
import { attempt } from '../lib/dom';
import { cookiePairs } from '../lib/cookie-pairs';

/** Where the decision is kept: the consent cookie, or memory for this page when cookies are blocked. */
export interface Store {
  /** Every value the cookie currently has (duplicates on other domains included), or the in-memory one. */
  _values(): string[];
  /** Store a value; where the browser refuses it, memory holds it for this page. */
  _write(value: string): void;
  /** Forget the stored value. */
  _remove(): void;
  /**
   * Take the value another tab stored: where cookies are blocked, into memory; otherwise it counts as the
   * cookie's until the cookie shows it or `TOLD_MS` pass (Firefox may tell a tab before its cookie changes).
   */
  _adopt(value: string): void;
}

/** How long another tab's value stands in for a cookie that does not show it yet. */
export const TOLD_MS = 2000;

/** A store over `doc.cookie`, through js-cookie, falling back to memory. */
export const createCookieStore = (c: Config, doc: Document): Store => {
  // The decision held for this page where the browser refused the cookie; '' while the cookie holds it.
  let memory = '';
  // Another tab's value, and until when it stands in for the cookie.
  let told = '';
  let until = 0;
  // Secure on https. (Over http the browser refuses SameSite=None with or without it: memory then holds the decision.)
  const attrs = { path: '/', domain: c.cookie.domain, sameSite: c.cookie.sameSite, secure: doc.location.protocol == 'https:' };
  const read = () => cookiePairs(doc).filter((pair) => pair[0] == c.cookie.name).map((pair) => pair[1]);
  return {
    _values: () => (memory ? [memory] : Date.now() < until && !read().includes(told) ? [told].filter(Boolean) : read()),
    _write(value) {
      until = 0;
      attempt(() => Cookies.set(c.cookie.name, value, { ...attrs, expires: c.expiresDays }));
      memory = read().includes(value) ? '' : value;
    },
    _adopt(value) {
      if (memory) memory = value;
      else {
        told = value;
        until = Date.now() + TOLD_MS;
      }
    },
    _remove() {
      memory = '';
      until = 0;
      attempt(() => {
        Cookies.remove(c.cookie.name, attrs);
        // A host-only copy left from before `cookie.domain` was configured.
        if (c.cookie.domain) Cookies.remove(c.cookie.name, { path: '/' });
      });
    },
  };
};
