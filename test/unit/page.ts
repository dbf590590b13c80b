import type { JSDOM } from 'jsdom';

declare global {
  // Set by vitest's jsdom environment.
  var jsdom: JSDOM;
}

type Globals = Record<string, unknown>;

/** A new visitor's first page at `url`: no cookies, no storage, no GA globals, an empty document. */
export const freshPage = (url = 'https://www.shop.example.test/shop/cart/'): void => {
  jsdom.cookieJar.removeAllCookiesSync();
  localStorage.clear();
  nextPage(url);
};

/** The next page load of the same visitor: cookies kept, the page's globals and document new. */
export const nextPage = (url = location.href): void => {
  jsdom.reconfigure({ url });
  const w = window as unknown as Globals;
  for (const key of Object.keys(w)) if (key.startsWith('ga-disable-')) delete w[key];
  delete w.dataLayer;
  delete w.gtag;
  document.head.innerHTML = '';
  document.body.innerHTML = '';
};

/** The jar's entry of cookie `name` with its attributes, or undefined. */
export const jarCookie = (name: string) => jsdom.cookieJar.serializeSync()!.cookies.find((c) => c.key == name);

/** Every live cookie in the jar as `name domain path` lines, whatever the current page can see (expired entries left out). */
export const jarContents = (): string[] =>
  jsdom.cookieJar
    .serializeSync()!
    .cookies.filter((c) => !(c.expires && c.expires != 'Infinity' && Date.parse(c.expires as string) <= Date.now()) && !(typeof c.maxAge == 'number' && c.maxAge <= 0))
    .map((c) => `${c.key} ${c.hostOnly ? 'host-only' : c.domain} ${c.path}`)
    .sort();

/** Set a cookie in the jar as a server response for `url` would (any domain and path the browser would accept). */
export const seedCookie = (header: string, url = location.href): void => {
  jsdom.cookieJar.setCookieSync(header, url);
};

/** The window as GA sees it. */
export const gaWindow = (): Globals & { dataLayer?: IArguments[] } => window as never;
