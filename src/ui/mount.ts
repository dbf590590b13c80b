import type { Core } from '../gate';
import type { Config } from '../config';
import { attempt, type Win } from '../lib/dom';
import type { Texts } from './texts';
import type { Mounted, PreferencesModule, Ui, UiLoaders } from './context';
import { EN } from './texts';
import { CSS } from './styles';
import { tagger, textsVersion } from './dom';
import { pickLang } from './pick-lang';
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
 * bottom): the notice and the page space it needs, in the language picked (fetched first unless English),
 * once the body is parsed. Resolves then, with what start.ts drives: `open(from)` (the preferences, focus
 * returning to `from`), `warm()` (load them and the declaration ahead, on intent) and `showBanner()`. The preferences dialog and
 * the floating button are a chunk of their own, loaded on intent or when opened; with the floating button,
 * while the page is idle once the notice is hidden. `loaders` bring the language and the preferences.
 */
export const mountUi = (core: Core, c: Config, w: Win, loaders: UiLoaders): Promise<Mounted> => {
  const doc = w.document;
  const lang = pickLang([c.lang, doc.documentElement.lang, ...(w.navigator.languages || [])]);
  return new Promise((drawn) => {
    const whenReady = (loaded: Partial<Texts> | undefined) => {
      const go = () => drawn(render(resolveTexts(loaded, c.texts)));
      if (doc.body) go();
      else doc.addEventListener('DOMContentLoaded', go);
    };
    // English is built in: drawn at once; another language first loads its texts.
    if (lang == 'en') whenReady(undefined);
    else loaders.lang(lang).then(whenReady);
  });

  function render(t: Texts): Mounted {
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
      loaders,
      version: textsVersion(lang, t),
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
        core.$decide(choice, source, ui.version);
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
    const load = () => (preferences ||= loaders.prefs().then((m) => (m ? (dialog ||= m.createPreferences(ui, open)) : void (preferences = undefined))));
    // On intent and at an opening, the declaration's code (the dialog's cookie tables) is fetched alongside.
    const prepare = () => (loaders.decl(), load());
    const open = (from?: Element | null) => {
      const opener = from || (doc.activeElement == host ? root.activeElement : doc.activeElement);
      prepare().then((d) => {
        if (d) d.open(opener);
        else {
          // Without its file the dialog cannot open: the notice still lets the visitor decide.
          console.error('consent-gate: preferences not loaded');
          showBanner();
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
    const showBanner = () => {
      bannerWanted = true;
      sync();
    };

    const off = core.onChange(() => {
      bannerWanted = core.needsDecision();
      sync();
    });
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
    return { open, warm: prepare, showBanner };
  }
};
