import { attempt } from './dom';

/** `doc.cookie` as `[name, value]` pairs in the browser's order, duplicates kept; none where cookies are blocked. */
export const cookiePairs = (doc?: Document): string[][] =>
  attempt(() => doc!.cookie, '')
    .split(/; */)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]);
