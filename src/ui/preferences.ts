import type { Category } from '../types';
import type { Ui } from './context';
import { EN_PREFERENCES } from './texts-preferences';
import { FLOATING_CSS, PREFERENCES_CSS } from './styles';
import { fill, textsVersion } from './dom';
import { cookiePairs } from '../lib/cookie-pairs';
import { isSafeUrl } from '../lib/safe-url';
import { gaAddon, optOutSignal } from '../consent/signals';

const FOCUSABLE = 'a[href],button,input:not([disabled]),summary';
/** How long an opening waits for the cookie tables (ms). */
const TABLES_WAIT = 1500;

/** Draws each category's cookie table into its section of the dialog. */
type Tables = (sections: Record<Category | 'necessary', HTMLElement>) => void;

/**
 * California's opt-out icon (the blue and white toggle with a check and a cross), drawn as inline SVG
 * elements: no image request, no inline style, so a strict CSP allows it. Decorative: the button's text names it.
 */
const privacyIcon = (doc: Document) => {
  const svg = (tag: string, attrs: Record<string, string>) => {
    const el = doc.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const name in attrs) el.setAttribute(name, attrs[name]);
    return el;
  };
  const icon = svg('svg', { viewBox: '0 0 30 14', width: '30', height: '14', 'aria-hidden': 'true', focusable: 'false' });
  icon.append(
    svg('rect', { x: '.5', y: '.5', width: '29', height: '13', rx: '6.5', fill: '#fff', stroke: '#06f' }),
    svg('path', { d: 'M16 1h7a6 6 0 010 12h-10z', fill: '#06f' }),
    // A check on the white half, a cross on the blue one.
    svg('path', { d: 'M5 7l2.5 2.5L12 4.5', fill: 'none', stroke: '#06f', 'stroke-width': '1.8' }),
    svg('path', { d: 'M19 4.5l5 5m0-5l-5 5', stroke: '#fff', 'stroke-width': '1.8' }),
  );
  return icon;
};

/**
 * What the preferences file brings: the small floating button (with `floatingButton`, the default in
 * opt-out mode): "Cookie settings", or "Your Privacy Choices" with California's icon in opt-out mode,
 * shown while the notice is hidden, and the dialog, built when first opened: its lifetimes are formatted
 * with `Intl`, whose first use costs 15 ms or more, so that cost never falls on the page's first paint.
 */
export const createPreferences = (ui: Ui, openFrom: (from: Element) => void) => {
  const { c, button } = ui;
  const t = { ...EN_PREFERENCES, ...ui.t };
  const optOut = c.mode == 'opt-out';
  const floating = c.floatingButton ? button(optOut ? t.privacyChoices : t.settings, () => openFrom(floating!), 'f') : undefined;
  if (floating) {
    if (optOut) floating.prepend(privacyIcon(ui.w.document));
    ui.styles(FLOATING_CSS);
    ui.root.append(floating);
  }
  const sync = () => floating && (floating.hidden = !!ui.shown);
  sync();
  let dialog: ReturnType<typeof createDialog> | undefined;
  // The declaration, which an opening waits for a while: a dialog opened without its tables gets them at
  // its next opening.
  let declared: Promise<Tables | undefined> | undefined;
  const declare = () =>
    (declared ||= Promise.all([ui.core.declaration(), ui.loaders.decl()]).then(
      ([declaration, m]) =>
        m &&
        ((sections) => {
          ui.styles(m.TABLE_CSS);
          for (const category of declaration.categories) sections[category.category]?.append(...m.drawDetails(ui.w.document, category, declaration.labels));
        }),
      () => undefined,
    ));
  return {
    sync,
    open: (from: Element | null) =>
      void Promise.race([declare(), new Promise<undefined>((r) => setTimeout(r, TABLES_WAIT))]).then((tables) => (dialog ||= createDialog(ui, t)).open(from, tables)),
  };
};

/**
 * The preferences: a modal dialog (WAI-ARIA APG) with the necessary cookies (always on) and one switch per
 * declared category, in the fixed order: its name, what it does, and its cookies as a table (name,
 * provider, first or third party, lifetime, purpose) in a disclosure, closed, from the declaration.
 * Nothing is pre-ticked before a decision; after one, the switches show it. Then the decision buttons,
 * "Delete analytics cookies" with its result in a live region, and the visitor's GA client ID with a link
 * to the site's deletion request. Tab wraps inside, Escape closes without a decision, focus returns to the opener.
 */
const createDialog = (ui: Ui, t: typeof EN_PREFERENCES & Ui['t']) => {
  let drawn = false;
  const { core, c, w, el, button, choose, announce, root, lang } = ui;
  const deletionUrl = c.deletionRequestUrl;
  if (deletionUrl !== undefined && !isSafeUrl(deletionUrl)) console.error('consent-gate: invalid deletionRequestUrl: ' + deletionUrl);
  ui.styles(PREFERENCES_CSS);

  const switches = {} as Record<Category, HTMLInputElement>;
  const sections = {} as Record<Category | 'necessary', HTMLElement>;
  const section = (k: Category | 'necessary', input: HTMLInputElement, ...extra: (Node | string)[]) =>
    (sections[k] = el(
      'div',
      { class: 'c' },
      el('label', {}, input, el('span', { class: 's', 'aria-hidden': 'true' }), (t as Record<string, string>)[k], ...extra),
      el('p', {}, (t as Record<string, string>)[k + 'Info']),
    ));
  const gpcNote = el('p', {}, t.gpc);
  const addonNote = el('p', {}, t.addon);
  const clientId = el('p');
  const status = el('p', { role: 'status' });
  const dialog = el(
    'dialog',
    { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'cg-title' },
    el('h2', { id: 'cg-title' }, t.title),
    el('p', {}, t.intro),
    gpcNote,
    addonNote,
    section('necessary', el('input', { type: 'checkbox', role: 'switch', checked: '', disabled: '' }), ' ', el('small', {}, t.alwaysOn)),
    ...c.categories.map((k) => section(k, (switches[k] = el('input', { type: 'checkbox', role: 'switch' })))),
    el(
      'div',
      { class: 'a' },
      button(t.save, () => choose(Object.fromEntries(c.categories.map((k) => [k, switches[k].checked])), 'preferences')()),
      button(t.acceptAll, choose(true, 'preferences')),
      button(t.rejectAll, choose(false, 'preferences')),
    ),
    ...(c.categories.includes('analytics')
      ? [
          el(
            'div',
            { class: 'c' },
            button(
              t.deleteCookies,
              () => {
                const { removed, remaining } = core.clearAnalyticsCookies();
                announce(status, fill(t.deleted, { n: removed.length }) + (remaining.length ? ' ' + fill(t.notDeleted, { names: remaining.join(', ') }) : ''));
              },
              'o',
            ),
            clientId,
            status,
          ),
        ]
      : []),
    button('×', () => close(), 'x', t.close),
  );
  let opener: Element | null = null;
  const close = () => {
    if (!dialog.open) return;
    dialog.close ? dialog.close() : dialog.removeAttribute('open');
    if (opener && opener.isConnected && !opener.closest('[hidden]')) (opener as HTMLElement).focus();
    opener = null;
  };
  // A decision, given here, in the notice, through the API or in another tab, closes it.
  core.onChange(close);

  // Escape closes without changing anything; Tab wraps inside.
  dialog.addEventListener('keydown', (e) => {
    if (e.key == 'Escape') {
      e.preventDefault();
      close();
      // WebKitGTK names Shift+Tab's key 'Unidentified'; its code is still 'Tab'.
    } else if (e.code == 'Tab' || e.key == 'Tab') {
      const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((x) => !x.closest('[hidden]'));
      const edge = items[e.shiftKey ? 0 : items.length - 1];
      if (root.activeElement == edge) {
        e.preventDefault();
        items[e.shiftKey ? items.length - 1 : 0].focus();
      }
    }
  });
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  root.append(dialog);

  return {
    open(from: Element | null, tables?: Tables) {
      opener = from;
      // The cookie tables go in as the dialog opens, never while it is open: the buttons would move under the pointer.
      if (tables && !drawn && !dialog.open) {
        tables(sections);
        drawn = true;
      }
      // A decision given here was given with these texts.
      ui.version = textsVersion(lang, t);
      for (const k of c.categories) switches[k].checked = core.isGranted(k);
      gpcNote.hidden = !optOutSignal(c, w);
      addonNote.hidden = !c.categories.includes('analytics') || !gaAddon(w);
      const ga = cookiePairs(w.document).find((pair) => pair[0] == '_ga');
      const id = ga && ga[1].split('.').slice(2).join('.');
      const show = id && isSafeUrl(deletionUrl);
      clientId.hidden = !show;
      if (show) {
        const href = deletionUrl + (deletionUrl.includes('?') ? '&' : '?') + 'cid=' + encodeURIComponent(id);
        clientId.replaceChildren(fill(t.clientId, { id }) + ' ', el('a', { href }, t.deletionRequest));
      }
      status.textContent = '';
      if (!dialog.open) dialog.showModal ? dialog.showModal() : dialog.setAttribute('open', '');
      (switches[c.categories[0]] || dialog).focus();
    },
  };
};
