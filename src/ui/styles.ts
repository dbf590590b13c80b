/**
 * The UI's stylesheet, applied inside the shadow root. Themeable through `--cg-*` custom properties,
 * which inherit into the shadow tree from the page: `--cg-bg`, `--cg-fg`, `--cg-accent`, `--cg-accent-fg`,
 * `--cg-border`, `--cg-radius`, `--cg-font`, `--cg-space`. Contrast meets WCAG AA in both themes. Nothing
 * moves: no animation to reduce under `prefers-reduced-motion`. Sides are logical (`inset-inline-start`,
 * `margin-inline-end`), so right-to-left languages (Arabic, Hebrew) are mirrored.
 */
const DARK = '--b:var(--cg-bg,#1d1d21);--f:var(--cg-fg,#ececf1);--a:var(--cg-accent,#a8c7fa);--af:var(--cg-accent-fg,#062e6f);--l:var(--cg-border,#8e8e93)';

/** The notice's and the shared rules. */
export const CSS =
  ':host{--b:var(--cg-bg,#fff);--f:var(--cg-fg,#1b1b1f);--a:var(--cg-accent,#0b57d0);--af:var(--cg-accent-fg,#fff);--l:var(--cg-border,#767676);--r:var(--cg-radius,8px);--s:var(--cg-space,16px);all:initial}' +
  '@media(prefers-color-scheme:dark){:host(:not([data-theme=light])){' + DARK + '}}' +
  ':host([data-theme=dark]){' + DARK + '}' +
  '[hidden]{display:none!important}*{box-sizing:border-box;font:15px/1.5 var(--cg-font,system-ui,sans-serif);color:var(--f)}' +
  '.n{background:var(--b);border-top:1px solid var(--l);padding:var(--s);position:fixed;z-index:2147483600;inset:auto 0 0;display:flex;flex-wrap:wrap;gap:var(--s);align-items:center;justify-content:center}' +
  '.n p{flex:1 1 24rem;max-width:48rem;margin:0}' +
  '.a{display:flex;flex-wrap:wrap;gap:8px}' +
  '.a button{flex:1 1 0;min-width:8.5rem}' +
  'button{min-height:44px;padding:8px 16px;border:2px solid var(--a);border-radius:var(--r);background:var(--a);color:var(--af);font-weight:600}' +
  'a{color:var(--a)}' +
  ':focus-visible{outline:3px solid var(--a);outline-offset:2px}' +
  '.v{position:absolute;clip-path:inset(50%)}';

/** The floating button's rule, in the preferences' chunk. */
export const FLOATING_CSS = '.f{position:fixed;z-index:2147483600;inset-inline-start:var(--s);bottom:var(--s);border-radius:22px;display:flex;align-items:center;gap:8px}svg{flex:none}';

/** The preferences dialog's rules, in its own chunk, applied when the dialog is first built. */
export const PREFERENCES_CSS =
  'dialog{background:var(--b);border:1px solid var(--l);padding:var(--s);width:min(36rem,calc(100% - 2*var(--s)));max-height:calc(100% - 2*var(--s));overflow:auto;border-radius:var(--r);position:fixed;z-index:2147483600;inset:0;margin:auto}' +
  'dialog::backdrop{background:#0009}' +
  'p{margin:0 0 8px}' +
  'button.o{background:var(--b);color:var(--a)}' +
  'summary{padding:4px 0;cursor:pointer}' +
  'h2{font-size:1.25rem;font-weight:700;margin:0 0 8px;margin-inline-end:2.5rem}' +
  '.c{border-top:1px solid var(--l);padding:8px 0}' +
  // A switch looks like one: the real checkbox lies invisible over a drawn track whose knob moves, so on and
  // off differ by position, not colour alone, also under forced colours. The drawing takes no pointer
  // events, so a click (a person's, or a test tool's on the switch itself) reaches the checkbox.
  'label{display:flex;gap:8px;align-items:center;font-weight:600;position:relative}' +
  'small{font-weight:400}' +
  'input{position:absolute;width:44px;height:24px;margin:0;opacity:0}' +
  '.s{flex:none;position:relative;pointer-events:none;width:44px;height:24px;border:2px solid var(--f);border-radius:12px}' +
  '.s::after{content:"";position:absolute;top:3px;inset-inline-start:3px;width:14px;height:14px;border-radius:50%;background:var(--f)}' +
  ':checked+.s{background:var(--a);border-color:var(--a)}' +
  ':checked+.s::after{inset-inline-start:23px;background:var(--af)}' +
  ':focus-visible+.s{outline:3px solid var(--a);outline-offset:2px}' +
  '@media(forced-colors:active){.s{forced-color-adjust:none;border-color:CanvasText;background:Canvas}.s::after{background:CanvasText}:checked+.s{background:Highlight;border-color:Highlight}:checked+.s::after{background:HighlightText}}' +
  '.x{position:absolute;top:8px;inset-inline-end:8px;padding:0 12px;background:0;color:var(--f);border:0;font-size:1.5rem}';
