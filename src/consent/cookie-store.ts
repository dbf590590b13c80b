import Cookies from 'js-cookie';
import type { Config } from '../config';
import { attempt } from '../lib/dom';
import { cookiePairs } from '../lib/cookie-pairs';
import { clearCookies } from '../cookies/cleaner';

/** Where the decision is kept: the consent cookie, or memory for this page when cookies are blocked. */
export interface Store {
  /** Every value the cookie currently has (duplicates on other domains included), or the one standing in for it. */
  _values(): string[];
  /** Store a value; where the browser refuses it, memory holds it for this page. */
  _write(value: string): void;
  /** Forget the stored value. */
  _remove(): void;
  /**
   * Take the value another tab stored: it counts as the cookie's until the cookie shows it or `TOLD_MS`
   * pass (Firefox may tell a tab before its cookie changes); where cookies are blocked, for this page.
   */
  _adopt(value: string): void;
}

/** How long another tab's value stands in for a cookie that does not show it yet. */
export const TOLD_MS = 2000;

/** A store over `doc.cookie`, through js-cookie, falling back to memory. */
export const createCookieStore = (c: Config, doc: Document): Store => {
  // A value standing in for the cookie, and until when: another tab's for `TOLD_MS`, or, where the
  // browser refused the cookie, this page's for as long as the page lives.
  let held = '';
  let until = 0;
  const { name, domain } = c.cookie;
  // Secure on https. (Over http the browser refuses SameSite=None with or without it: memory then holds the decision.)
  const attrs = { path: '/', domain, sameSite: c.cookie.sameSite, secure: doc.location.protocol == 'https:' };
  const read = () => cookiePairs(doc).filter((pair) => pair[0] == name).map((pair) => pair[1]);
  return {
    _values: () => (Date.now() < until && !read().includes(held) ? [held].filter(Boolean) : read()),
    _write(value) {
      // Other copies (another domain's, or one dated ahead by a wrong clock) are replaced by this decision.
      if (read().some((v) => v != value)) clearCookies(doc, (n) => n == name);
      attempt(() => Cookies.set(name, value, { ...attrs, expires: c.expiresDays }));
      held = value;
      until = read().includes(value) ? 0 : Infinity;
    },
    _adopt(value) {
      held = value;
      if (until < Infinity) until = Date.now() + TOLD_MS;
    },
    _remove() {
      held = '';
      until = 0;
      attempt(() => {
        Cookies.remove(name, attrs);
        // A host-only copy left from before `cookie.domain` was configured.
        if (domain) Cookies.remove(name, { path: '/' });
      });
    },
  };
};
