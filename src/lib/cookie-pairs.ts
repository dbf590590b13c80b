import { attempt } from './dom';

/**
 * A cookie string (`document.cookie`, or a request's `Cookie` header, which may hold spaces around its
 * pairs) as `[name, value]` pairs in its order, duplicates kept; a pair without `=` is a nameless cookie.
 */
export const parseCookies = (text: string): string[][] =>
  text
    .trim()
    .split(/\s*;\s*/)
    .map((pair) => [pair.slice(0, Math.max(pair.indexOf('='), 0)), pair.slice(pair.indexOf('=') + 1)]);

/** `doc.cookie` as `[name, value]` pairs in the browser's order, duplicates kept; none where cookies are blocked. */
export const cookiePairs = (doc?: Document): string[][] => parseCookies(attempt(() => doc!.cookie, ''));
