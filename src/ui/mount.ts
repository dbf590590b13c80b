import type { Core } from '../gate';
import type { Config } from '../config';
import type { Win } from '../lib/dom';
import type { Texts } from './texts';
import { EN } from './texts';
import { CSS } from './styles';
import { fill, tagger } from './dom';
import { pickLang } from './pick-lang';
import { loadLang } from './lang-loader';
import { cookiePairs } from '../lib/cookie-pairs';
import { isSafeUrl } from '../lib/safe-url';

const FOCUSABLE = 'a[href],button,input:not([disabled])';

/** The texts to show: English, then the language's, then the site's own (strings only). */
export const resolveTexts = (loaded: Partial<Texts> | undefined, own: Record<string, unknown> = {}): Texts => {
  const texts = { ...EN, ...loaded };
  for (const key in own)
    if (typeof own[key] == 'string') texts[key as keyof Texts] = own[key] as string;
    else console.warn('consent-gate: texts.' + key + ' is no string, ignored');
  return texts;
};

/**
 * Mount the notice and the preferences dialog for `core`, in a shadow root at the start of `<body>` (early
 * in the tab order, shown at the bottom). `base` is where the script-tag build finds its languages.
 */
export const mountUi = (core: Core, c: Config, w: Win, base?: string): void => {
  const doc = w.document;
  const deletionUrl = c.deletionRequestUrl;
  if (deletionUrl !== undefined && !isSafeUrl(deletionUrl)) console.error('consent-gate: invalid deletionRequestUrl: ' + deletionUrl);
  // Until the notice is drawn (languages load, the body parses), requests wait.
  let want = '';
  core.showBanner = () => void (want = 'b');
  core.showPreferences = () => void (want = 'p');
  const lang = pickLang([c.lang, doc.documentElement.lang, ...(w.navigator.languages || [])]);
  // English is built in: drawn at once; another language first loads its texts.
  if (lang == 'en') whenReady(undefined);
  else loadLang(lang, base).then((loaded) => whenReady(loaded));

  function whenReady(loaded: Partial<Texts> | undefined) {
    const go = () => render(resolveTexts(loaded, c.texts));
    if (doc.body) go();
    else doc.addEventListener('DOMContentLoaded', go);
  }

  function render(t: Texts) {
    // Passed as listener options, the controller's `signal` removes every listener on destroy.
    const listen = new w.AbortController();
    const el = tagger(doc);
    const button = (label: string, action: () => void, cls = '', name = label) => {
      const b = el('button', { type: 'button', class: cls, 'aria-label': name }, label);
      b.onclick = action;
      return b;
    };
    const choose = (analytics: boolean, source: 'banner' | 'preferences') => () => {
      core.$decide(analytics, source);
      announce(outside, t.saved);
      close();
    };
    const announce = (region: HTMLElement, text: string) => {
      region.textContent = '';
      // A new text node after a tick is announced even when the text repeats.
      setTimeout(() => (region.textContent = text), 50);
    };

    const host = doc.createElement('consent-gate');
    if (c.theme == 'light' || c.theme == 'dark') host.dataset.theme = c.theme;
    const root = host.attachShadow({ mode: 'open' });
    // Constructable stylesheets need no 'unsafe-inline' under a strict CSP; else a <style> with the nonce.
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new w.CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = el('style', {}, CSS);
      style.nonce = c.nonce || '';
      root.append(style);
    }

    const policy = c.policyUrl ? [' ', el('a', { href: c.policyUrl }, t.policy)] : [];
    const customize = button(t.customize, () => open(customize));
    const notice = el(
      'section',
      { class: 'n', 'aria-label': t.settings },
      el('p', {}, t.notice, ...policy),
      el('div', { class: 'a' }, button(t.acceptAll, choose(true, 'banner')), button(t.rejectAll, choose(false, 'banner')), customize),
    );

    const analytics = el('input', { type: 'checkbox', role: 'switch' });
    const gpcNote = el('p', {}, t.gpc);
    const clientId = el('p');
    const inside = el('p', { role: 'status' });
    const outside = el('p', { role: 'status', class: 'v' });
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
            announce(inside, fill(t.deleted, { n: removed.length }) + (remaining.length ? ' ' + fill(t.notDeleted, { names: remaining.join(', ') }) : ''));
          },
          'o',
        ),
        clientId,
        inside,
      ),
      button('×', close, 'x', t.close),
    );
    const floating = c.floatingButton ? button(t.settings, () => open(floating!), 'f') : undefined;
    root.append(notice, dialog, outside, ...(floating ? [floating] : []));

    let opener: HTMLElement | null = null;
    let bannerWanted = !core.getConsent();
    const docEl = doc.documentElement;
    const body = doc.body;
    const saved = [docEl.style.scrollPaddingBottom, body.style.paddingBottom];
    const basePadding = parseFloat(w.getComputedStyle(body).paddingBottom) || 0;

    // While the notice shows, the page keeps its height free, so nothing focused hides behind it (WCAG 2.4.11).
    const reserve = () => {
      const height = notice.hidden ? 0 : notice.offsetHeight;
      docEl.style.scrollPaddingBottom = height ? height + 'px' : saved[0];
      body.style.paddingBottom = height ? basePadding + height + 'px' : saved[1];
    };
    const sync = () => {
      notice.hidden = !bannerWanted;
      if (floating) floating.hidden = bannerWanted;
      reserve();
    };

    function open(from?: Element | null) {
      opener = (from || (doc.activeElement == host ? root.activeElement : doc.activeElement)) as HTMLElement | null;
      analytics.checked = !!core.getConsent()?.analytics;
      gpcNote.hidden = !(c.gpc != 'ignore' && (w.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true);
      const ga = cookiePairs(doc).find((pair) => pair[0] == '_ga');
      const id = ga && ga[1].split('.').slice(2).join('.');
      const show = id && isSafeUrl(deletionUrl);
      clientId.hidden = !show;
      if (show) {
        const href = deletionUrl + (deletionUrl.includes('?') ? '&' : '?') + 'cid=' + encodeURIComponent(id);
        clientId.replaceChildren(fill(t.clientId, { id }) + ' ', el('a', { href }, t.deletionRequest));
      }
      inside.textContent = '';
      if (!dialog.open) dialog.showModal ? dialog.showModal() : dialog.setAttribute('open', '');
      analytics.focus();
    }

    function close() {
      if (!dialog.open) return;
      dialog.close ? dialog.close() : dialog.removeAttribute('open');
      if (opener && opener.isConnected && !opener.closest('[hidden]')) opener.focus();
      opener = null;
    }

    // Escape closes without changing anything; Tab wraps inside (WAI-ARIA APG dialog pattern).
    dialog.addEventListener('keydown', (e) => {
      if (e.key == 'Escape') {
        e.preventDefault();
        close();
      } else if (e.key == 'Tab') {
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

    // Any element with data-consent-open opens the preferences: click, or Enter where it is no link or button.
    const trigger = (e: Event) => {
      const target = (e.target as Element).closest?.('[data-consent-open]');
      if (!target || (e.type == 'keydown' && ((e as KeyboardEvent).key != 'Enter' || /^(A|BUTTON)$/.test(target.tagName)))) return;
      e.preventDefault();
      open(target);
    };
    doc.addEventListener('click', trigger, listen);
    doc.addEventListener('keydown', trigger, listen);
    w.addEventListener('resize', reserve, listen);

    const off = core.onChange((consent) => {
      bannerWanted = !consent;
      sync();
    });
    core.showBanner = () => {
      bannerWanted = true;
      sync();
    };
    core.showPreferences = () => open();
    const destroy = core.destroy;
    core.destroy = () => {
      destroy();
      off();
      listen.abort();
      bannerWanted = false;
      sync();
      host.remove();
    };

    body.prepend(host);
    sync();
    if (want == 'b') core.showBanner();
    if (want == 'p') open();
  }
};

