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
  /** Take another tab's value, when cookies are blocked and only memory holds the decision. */
  _adopt(value: string): void;
}

/** A store over `doc.cookie`, through js-cookie, falling back to memory. */
export const createCookieStore = (c: Config, doc: Document): Store => {
  // The decision held for this page where the browser refused the cookie; '' while the cookie holds it.
  let memory = '';
  // Secure on https. (Over http the browser refuses SameSite=None with or without it: memory then holds the decision.)
  const attrs = { path: '/', domain: c.cookie.domain, sameSite: c.cookie.sameSite, secure: doc.location.protocol == 'https:' };
  const read = () => cookiePairs(doc).filter((pair) => pair[0] == c.cookie.name).map((pair) => pair[1]);
  return {
    _values: () => (memory ? [memory] : read()),
    _write(value) {
      attempt(() => Cookies.set(c.cookie.name, value, { ...attrs, expires: c.expiresDays }));
      memory = read().includes(value) ? '' : value;
    },
    _adopt(value) {
      if (memory) memory = value;
    },
    _remove() {
      memory = '';
      attempt(() => {
        Cookies.remove(c.cookie.name, attrs);
        // A host-only copy left from before `cookie.domain` was configured.
        if (c.cookie.domain) Cookies.remove(c.cookie.name, { path: '/' });
      });
    },
  };
};
