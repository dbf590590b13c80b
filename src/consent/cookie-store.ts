import Cookies from 'js-cookie';
import type { Config } from '../config';
import { attempt } from '../lib/dom';

/** Where the decision is kept: the consent cookie, or memory for this page when cookies are blocked. */
export interface Store {
  /** Every value the cookie currently has (duplicates on other domains included), or the in-memory one. */
  _values(): string[];
  /** Store a value; `false` when the browser refused it and only memory holds it. */
  _write(value: string): boolean;
  /** Forget the stored value. */
  _remove(): void;
  /** Take another tab's value, when cookies are blocked and only memory holds the decision. */
  _adopt(value: string): void;
}

/** Every value of cookie `name` in `cookieString`, in the browser's order. */
export const cookieValues = (cookieString: string, name: string): string[] =>
  cookieString
    .split(/; */)
    .filter((pair) => pair.slice(0, pair.indexOf('=')) == name)
    .map((pair) => pair.slice(name.length + 1));

/** A store over `doc.cookie`, through js-cookie, falling back to memory. */
export const createCookieStore = (c: Config, doc: Document): Store => {
  let memory: string | undefined;
  const secure = doc.location ? doc.location.protocol == 'https:' : false;
  const attrs = { path: '/', domain: c._cookieDomain, sameSite: c._sameSite, secure: secure || c._sameSite == 'None' };
  const read = () => cookieValues(attempt(() => doc.cookie, ''), c._cookieName);
  return {
    _values: () => (memory === undefined ? read() : [memory]),
    _write(value) {
      attempt(() => Cookies.set(c._cookieName, value, { ...attrs, expires: c._expiresDays }));
      memory = read().indexOf(value) < 0 ? value : undefined;
      return memory === undefined;
    },
    _adopt(value) {
      if (memory !== undefined) memory = value;
    },
    _remove() {
      memory = undefined;
      attempt(() => {
        Cookies.remove(c._cookieName, attrs);
        // A host-only copy left from before `cookie.domain` was configured.
        if (c._cookieDomain) Cookies.remove(c._cookieName, { path: '/' });
      });
    },
  };
};
