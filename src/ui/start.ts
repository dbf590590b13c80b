import type { Core } from '../gate';
import type { Config } from '../config';
import type { Win } from '../lib/dom';
import type { Mounted, UiLoaders, UiModule } from './context';

/**
 * Start the built-in UI for `core`, loading it (through `loaders`: the notice's chunk, or the script tag's
 * file beside it) only when something is to be shown: at once while the visitor is to be asked (now, or later after a
 * reset), while the page is idle with the floating button, and otherwise on intent. Every element with
 * `data-consent-open` (the page's, and the notice's "Customize") opens the preferences on click, or on
 * Enter where it is no link or button; the pointer over it, a touch or focus on it loads them ahead.
 * `showBanner()` and `showPreferences()` load the UI as needed; `ready` resolves once the UI that was
 * needed at start is drawn (at once when none was). `declaration()` loads the declaration's module, which
 * also draws into every `[data-consent-declaration]` element of the page.
 */
export const startUi = (core: Core, c: Config, w: Win, loaders: UiLoaders): void => {
  // The declaration, even with `ui: false`, which only leaves the notice and the preferences undrawn.
  core.declaration = () => loaders.decl().then((m) => m!.declare(core, c, w, loaders));
  if (c.ui === false) return;
  const doc = w.document;
  const listen = new w.AbortController();
  let ui: Promise<Mounted | undefined> | undefined;
  let mounted: Mounted | undefined;
  // Missing, blocked or the page left while it loaded: nothing optional runs, and the next request tries again.
  const mount = (m?: UiModule) => (m ? m.mountUi(core, c, w, loaders).then((drawn) => (mounted = drawn)) : (ui = undefined));
  // Where the UI was needed (to ask, to open), a failed load says so; loaded ahead (on intent, or at idle for
  // the floating button), it fails silently, as Firefox fails the loads of a page the visitor is leaving,
  // and the next need tries again.
  const start = (ahead?: boolean): Promise<Mounted | undefined> => {
    if (!ui) {
      const m = loaders.ui();
      ui = m instanceof Promise ? m.then(mount) : Promise.resolve(mount(m));
    }
    return ui.then((drawn) => (drawn || ahead || console.error('consent-gate: notice not loaded'), drawn));
  };
  // Once drawn, at once; before, when it is.
  const act = (f: (m: Mounted) => void, ahead?: boolean) => (mounted ? f(mounted) : void start(ahead).then((m) => m && f(m)));
  // In opt-out mode the "Your Privacy Choices" button is on unless the site turns it off.
  c.floatingButton ??= c.mode == 'opt-out';
  core.showBanner = () => act((m) => m.showBanner());
  core.showPreferences = () => act((m) => m.open());
  const trigger = (e: Event) => {
    const target = (e.composedPath()[0] as Element).closest?.('[data-consent-open]');
    if (target && /^p|^f/.test(e.type)) act((m) => m.warm(), true);
    else if (target && (e.type == 'click' || ((e as KeyboardEvent).key == 'Enter' && !/^(A|BUTTON)$/.test(target.tagName)))) {
      e.preventDefault();
      act((m) => m.open(target));
    }
  };
  for (const type of 'click keydown pointerover pointerdown focusin'.split(' ')) doc.addEventListener(type, trigger, listen);
  // Asked again (a reset, here or in another tab): the notice is needed.
  const off = core.onChange(() => core.needsDecision() && start());
  const destroy = core.destroy;
  core.destroy = () => {
    destroy();
    off();
    listen.abort();
  };

  // The privacy page's declaration, once the page is parsed.
  const draw = () => doc.querySelector('[data-consent-declaration]') && loaders.decl().then((m) => doc.querySelectorAll('[data-consent-declaration]').forEach((place) => m!.drawDeclaration(place, core)));
  doc.readyState == 'loading' ? doc.addEventListener('DOMContentLoaded', draw, listen) : draw();
  core.ready = core.needsDecision() ? start().then(() => {}) : Promise.resolve();
  if (c.floatingButton) ((w as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback || setTimeout)(() => start(true));
};
