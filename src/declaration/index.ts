/**
 * The declaration's code, in a chunk (npm, chunk.ts) or a file (script tag, script.ts), each bringing its
 * languages: loaded with the preferences dialog or for a `[data-consent-declaration]` element, never on a
 * first visit that does not ask for it.
 */
import type { ConsentGate, Declaration, DeclaredCategory } from '../types';
import type { Core } from '../gate';
import type { Config } from '../config';
import type { Win } from '../lib/dom';
import type { UiLoaders } from '../ui/context';
import { fill, tagger } from '../ui/dom';
import { pickLang } from '../ui/pick-lang';
import { buildDeclaration, declarationTexts } from './build';
import type { CookieTexts } from './texts';

/**
 * The tables' rules. Cookie names are Latin identifiers: each is isolated left to right (`<bdi dir=ltr>`),
 * or a right-to-left language would draw `_ga` as `ga_`. Where the table has less than 45rem (a dialog, a
 * phone), it reflows to one block per cookie with each value's label before it, keeping its table roles.
 */
export const TABLE_CSS =
  '.t{container-type:inline-size}table{border-collapse:collapse;width:100%;margin:8px 0}caption{text-align:start;font-weight:600}' +
  'th,td{text-align:start;vertical-align:top;padding:4px 8px 4px 0;border-top:1px solid;overflow-wrap:break-word}' +
  '@container (max-width:45rem){thead{position:absolute;clip-path:inset(50%)}tr,th,td{display:block;border:0;padding:0}tr{border-top:1px solid;padding:4px 0}' +
  'td:before{content:attr(data-label) ": ";content:attr(data-label) ": "/"";font-weight:600}}';

/** The privacy page's rules, beside the tables': it takes the page's font and colours. */
const PAGE_CSS = ':host{display:block}button{font:inherit;min-height:44px;padding:8px 16px;cursor:pointer}';

/** Where the declaration's texts of a language (not English) come from: a chunk, or a file beside the script. */
export type CookieLang = (code: string) => Promise<Partial<CookieTexts> | undefined>;

/**
 * The declaration for `core` in the visitor's language (the UI's: `lang`, `<html lang>`, the browser's),
 * with the current choices; its texts are the UI's (through `loaders`) and the declaration's own (through
 * `cookieLang`), the site's own `texts` winning.
 */
export const declare = async (core: Core, c: Config, w: Win, loaders: UiLoaders, cookieLang: CookieLang): Promise<Declaration> => {
  const lang = pickLang([c.lang, w.document.documentElement.lang, ...(w.navigator.languages || [])]);
  const [own, cookies] = lang == 'en' ? [] : await Promise.all([loaders.lang(lang), cookieLang(lang)]);
  return buildDeclaration(c, core.isGranted, lang, declarationTexts(own, cookies, c.texts));
};

/** A table of `category`'s cookies: a caption, a header cell with `scope` per column, and a row header (the name) per cookie. */
export const drawTable = (doc: Document, category: DeclaredCategory, labels: Declaration['labels']): HTMLElement => {
  const el = tagger(doc);
  const columns = [labels.provider, labels.type, labels.lifetime, labels.purpose];
  // The roles a table already has, stated: the narrow layout's `display: block` would lose them in some engines.
  return el(
    'div',
    { class: 't' },
    el(
      'table',
      { role: 'table' },
      el('caption', {}, fill(labels.caption, { category: category.name })),
      el('thead', { role: 'rowgroup' }, el('tr', { role: 'row' }, ...[labels.cookieName, ...columns].map((label) => el('th', { scope: 'col', role: 'columnheader' }, label)))),
      el(
        'tbody',
        { role: 'rowgroup' },
        ...category.cookies.map((cookie) =>
          el(
            'tr',
            { role: 'row' },
            el('th', { scope: 'row', role: 'rowheader' }, el('bdi', { dir: 'ltr' }, cookie.name)),
            ...[cookie.provider, cookie.party == 'third' ? labels.thirdParty : labels.firstParty, cookie.lifetime || '–', cookie.purpose || '–'].map((value, i) =>
              el('td', { role: 'cell', 'data-label': columns[i] }, value),
            ),
          ),
        ),
      ),
    ),
  );
};

/** `category`'s table in a disclosure, closed: the dialog stays short. Nothing for a category without cookies. */
export const drawDetails = (doc: Document, category: DeclaredCategory, labels: Declaration['labels']): HTMLElement[] => {
  const el = tagger(doc);
  return category.cookies[0] ? [el('details', {}, el('summary', {}, fill(labels.show, { n: category.cookies.length })), drawTable(doc, category, labels))] : [];
};

/**
 * The shadow root the declaration is drawn in: `element`'s; or, where it cannot hold one (a list, a table
 * cell), that of a block of our own inside it, `[data-consent-host]`, added the first time.
 */
const rootIn = (element: Element): ShadowRoot => {
  try {
    return element.shadowRoot || element.attachShadow({ mode: 'open' });
  } catch {
    let host = element.querySelector(':scope>[data-consent-host]');
    if (!host) (host = element.appendChild(element.ownerDocument.createElement('div'))).setAttribute('data-consent-host', '');
    return rootIn(host);
  }
};

/**
 * Draw the whole declaration into `element` (in a shadow root of its own, so a strict CSP allows its
 * styles): each category with its purpose, the visitor's choice and its table, then a button that opens
 * the preferences. The choices follow every later decision. Headings are `<h3>`, or the level the
 * element's `data-consent-declaration` gives (2 to 6). Resolves with the function that stops following.
 */
export const drawDeclaration = async (element: Element, gate: ConsentGate): Promise<() => void> => {
  const doc = element.ownerDocument;
  const win = doc.defaultView as Win;
  const el = tagger(doc);
  const root = rootIn(element);
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(TABLE_CSS + PAGE_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Without constructable stylesheets: unstyled, still complete.
  }
  const level = Math.min(6, Math.max(2, Number(element.getAttribute('data-consent-declaration')) || 3));
  const d = await gate.declaration();
  const choices = new Map<string, HTMLElement>();
  const choice = (category: DeclaredCategory) => (category.category == 'necessary' ? d.labels.alwaysOn : fill(d.labels.choice, { choice: category.granted ? d.labels.on : d.labels.off }));
  root.replaceChildren(
    el(
      'div',
      { lang: d.lang, dir: /^(ar|he)$/.test(d.lang) ? 'rtl' : 'ltr' },
      ...d.categories.map((category) => {
        const now = el('p', {}, choice(category));
        choices.set(category.category, now);
        return el('section', {}, el(('h' + level) as 'h3', {}, category.name), el('p', {}, category.purpose), now, ...(category.cookies[0] ? [drawTable(doc, category, d.labels)] : []));
      }),
      // It opens the preferences as every `data-consent-open` element does, focus returning to it.
      el('button', { type: 'button', 'data-consent-open': '' }, d.labels.change),
    ),
  );
  return gate.onChange(async () => {
    for (const category of (await gate.declaration()).categories) choices.get(category.category)!.textContent = choice(category);
  });
};
