import type { Core } from '../gate';
import type { Config } from '../config';
import { attempt, type Win } from '../lib/dom';
import type { Texts } from './texts';
import type { PreferencesModule, Ui } from './context';
import { EN } from './texts';
import { CSS } from './styles';
import { tagger } from './dom';
import { pickLang } from './pick-lang';
import { loadLang } from './lang-loader';
import { loadPreferences } from './preferences-loader';
import { reservePageSpace } from './page-space';
import { createNotice } from './notice';

/** The texts to show: English, then the language's, then the site's own (a value that is no string is left out). */
export const resolveTexts = (loaded: Partial<Texts> | undefined, own: Record<string, unknown> = {}): Texts => {
  const texts = { ...EN, ...loaded } as Texts;
  for (const key in own) if (typeof own[key] == 'string') texts[key as keyof Texts] = own[key] as string;
  return texts;
};

/**
 * Mount the UI for `core` in a shadow root at the start of `<body>` (early in the tab order, shown at the
 * bottom): the notice, the page space it needs and every `data-consent-open` trigger ("Customize" is one).
 * The preferences dialog and the floating button are a chunk of their own, loaded on intent (the pointer
 * over a trigger, a touch on it, or focus on it, and the click itself), so a visitor who decides in the
 * notice never downloads it; with the floating button, while the page is idle once the notice is hidden.
 * `base` is where the script-tag build finds its languages and its preferences file.
 */
export const mountUi = (core: Core, c: Config, w: Win, base?: string): Promise<void> => {
  const doc = w.document;
  // Until the notice is drawn (languages load, the body parses), requests wait; `ready` tells when.
  let want = '';
  let drawn: () => void;
  core.ready = new Promise((resolve) => (drawn = resolve));
  core.showBanner = () => void (want = 'b');
  core.showPreferences = () => void (want = 'p');
  const lang = pickLang([c.lang, doc.documentElement.lang, ...(w.navigator.languages || [])]);
  // In opt-out mode the "Your Privacy Choices" button is on unless the site turns it off.
  c.floatingButton ??= c.mode == 'opt-out';
  // English is built in: drawn at once; another language first loads its texts.
  if (lang == 'en') whenReady(undefined);
  else loadLang(lang, base).then(whenReady);

  return core.ready;

  function whenReady(loaded: Partial<Texts> | undefined) {
    const go = () => render(resolveTexts(loaded, c.texts));
    if (doc.body) go();
    else doc.addEventListener('DOMContentLoaded', go);
  }

  function render(t: Texts) {
    // Passed as listener options, the controller's `signal` removes every listener on destroy.
    const listen = new w.AbortController();
    const el = tagger(doc);
    const host = doc.createElement('consent-gate');
    // The stylesheet knows 'light' and 'dark'; anything else (even 'undefined') follows prefers-color-scheme.
    host.dataset.theme = c.theme as string;
    // The UI's own language and direction, whatever the page's: Arabic and Hebrew read right to left.
    host.lang = lang;
    host.dir = /^(ar|he)$/.test(lang) ? 'rtl' : 'ltr';
    const root = host.attachShadow({ mode: 'open' });
    const outside = el('p', { role: 'status', class: 'v' });
    const ui: Ui = {
      core,
      c,
      w,
      lang,
      t,
      root,
      el,
      button(label, action, cls = '', name = label) {
        const b = el('button', { type: 'button', class: cls, 'aria-label': name }, label);
        b.onclick = action;
        return b;
      },
      // Constructable stylesheets need no 'unsafe-inline' under a strict CSP. A browser without them (before
      // Safari 16.4 and Firefox 101) shows the UI unstyled, still working.
      styles(css) {
        attempt(() => {
          const sheet = new w.CSSStyleSheet();
          sheet.replaceSync(css);
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        });
      },
      choose: (choice, source) => () => {
        core.$decide(choice, source);
        ui.announce(outside, t.saved);
      },
      announce(region, text) {
        region.textContent = '';
        // A new text node after a tick is announced even when the text repeats.
        setTimeout(() => (region.textContent = text), 50);
      },
    };
    ui.styles(CSS);

    type Dialog = ReturnType<PreferencesModule['createPreferences']>;
    let preferences: Promise<Dialog | undefined> | undefined;
    let dialog: Dialog | undefined;
    // A failed load is forgotten, so the next opening tries again.
    const load = () => (preferences ||= loadPreferences(base, c.nonce).then((m) => (m ? (dialog ||= m.createPreferences(ui, open)) : void (preferences = undefined))));
    const open = (from?: Element | null) => {
      const opener = from || (doc.activeElement == host ? root.activeElement : doc.activeElement);
      load().then((d) => {
        if (d) d.open(opener);
        else {
          // Without its file the dialog cannot open: the notice still lets the visitor decide.
          console.error('consent-gate: preferences not loaded');
          core.showBanner();
        }
      });
    };

    const notice = createNotice(ui);
    root.append(notice, outside);

    let bannerWanted = core.needsDecision();
    // While the notice shows, the page keeps its height free (WCAG 2.4.11).
    const reserve = reservePageSpace(w, notice, listen.signal);
    const sync = () => {
      notice.hidden = !bannerWanted;
      ui.shown = bannerWanted;
      dialog?.sync();
      reserve();
      // The floating button comes with the preferences: once the notice is hidden, they load while the page is idle.
      if (!bannerWanted && c.floatingButton) ((w as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback || setTimeout)(load);
    };

    // Any element with data-consent-open (the page's, or the notice's "Customize") opens the preferences:
    // click, or Enter where it is no link or button. The pointer over it, a touch or focus on it loads them.
    const trigger = (e: Event) => {
      const target = (e.composedPath()[0] as Element).closest?.('[data-consent-open]');
      if (target && /^p|^f/.test(e.type)) load();
      else if (target && (e.type == 'click' || ((e as KeyboardEvent).key == 'Enter' && !/^(A|BUTTON)$/.test(target.tagName)))) {
        e.preventDefault();
        open(target);
      }
    };
    for (const type of ['click', 'keydown', 'pointerover', 'pointerdown', 'focusin']) doc.addEventListener(type, trigger, listen);

    const off = core.onChange(() => {
      bannerWanted = core.needsDecision();
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
      // Gives the page space back and removes every listener.
      listen.abort();
      host.remove();
    };

    doc.body.prepend(host);
    sync();
    if (want == 'b') core.showBanner();
    if (want == 'p') open();
    drawn();
  }
};
