import type { Ui } from './context';
import { EN_PREFERENCES } from './texts';
import { PREFERENCES_CSS } from './styles';
import { fill } from './dom';
import { cookiePairs } from '../lib/cookie-pairs';
import { isSafeUrl } from '../lib/safe-url';

const FOCUSABLE = 'a[href],button,input:not([disabled])';

/**
 * The preferences: a modal dialog (WAI-ARIA APG) with one switch per category, nothing pre-ticked before a
 * decision, the decision buttons, "Delete analytics cookies" with its result in a live region, and the
 * visitor's GA client ID with a link to the site's deletion request. Tab wraps inside, Escape closes
 * without a decision, focus returns to the opener.
 */
export const createPreferences = (ui: Ui) => {
  const { core, c, w, el, button, choose, announce, root } = ui;
  const t = { ...EN_PREFERENCES, ...ui.t };
  const deletionUrl = c.deletionRequestUrl;
  if (deletionUrl !== undefined && !isSafeUrl(deletionUrl)) console.error('consent-gate: invalid deletionRequestUrl: ' + deletionUrl);
  ui.styles(PREFERENCES_CSS);

  const analytics = el('input', { type: 'checkbox', role: 'switch' });
  const gpcNote = el('p', {}, t.gpc);
  const clientId = el('p');
  const status = el('p', { role: 'status' });
  const category = (label: string, info: string, input: HTMLInputElement) => el('div', { class: 'c' }, el('label', {}, input, label), el('p', {}, info));
  const dialog = el(
    'dialog',
    { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'cg-title' },
    el('h2', { id: 'cg-title' }, t.title),
    el('p', {}, t.intro),
    gpcNote,
    category(t.necessary, t.necessaryInfo, el('input', { type: 'checkbox', role: 'switch', checked: '', disabled: '' })),
    category(t.analytics, t.analyticsInfo, analytics),
    el(
      'div',
      { class: 'a' },
      button(t.save, () => choose(analytics.checked, 'preferences')()),
      button(t.acceptAll, choose(true, 'preferences')),
      button(t.rejectAll, choose(false, 'preferences')),
    ),
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
    button('×', (ui.close = () => {
      if (!dialog.open) return;
      dialog.close ? dialog.close() : dialog.removeAttribute('open');
      if (opener && opener.isConnected && !opener.closest('[hidden]')) (opener as HTMLElement).focus();
      opener = null;
    }), 'x', t.close),
  );
  let opener: Element | null = null;

  // Escape closes without changing anything; Tab wraps inside.
  dialog.addEventListener('keydown', (e) => {
    if (e.key == 'Escape') {
      e.preventDefault();
      ui.close!();
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
    ui.close!();
  });
  root.append(dialog);

  return {
    open(from: Element | null) {
      opener = from;
      analytics.checked = !!core.getConsent()?.analytics;
      gpcNote.hidden = !(c.gpc != 'ignore' && (w.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true);
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
      analytics.focus();
    },
  };
};
