/**
 * The UI's stylesheet, applied inside the shadow root. Themeable through `--cg-*` custom properties,
 * which inherit into the shadow tree from the page: `--cg-bg`, `--cg-fg`, `--cg-accent`, `--cg-accent-fg`,
 * `--cg-border`, `--cg-radius`, `--cg-font`, `--cg-space`. Contrast meets WCAG AA in both themes. Nothing
 * moves: no animation to reduce under `prefers-reduced-motion`.
 */
const DARK = '--b:var(--cg-bg,#1d1d21);--f:var(--cg-fg,#ececf1);--a:var(--cg-accent,#a8c7fa);--af:var(--cg-accent-fg,#062e6f);--l:var(--cg-border,#8e8e93)';

/** The notice's, the floating button's and the shared rules. */
export const CSS =
  ':host{--b:var(--cg-bg,#fff);--f:var(--cg-fg,#1b1b1f);--a:var(--cg-accent,#0b57d0);--af:var(--cg-accent-fg,#fff);--l:var(--cg-border,#767676);--r:var(--cg-radius,8px);--s:var(--cg-space,16px);all:initial}' +
  '@media(prefers-color-scheme:dark){:host(:not([data-theme=light])){' + DARK + '}}' +
  ':host([data-theme=dark]){' + DARK + '}' +
  '[hidden]{display:none!important}*{box-sizing:border-box;font:15px/1.5 var(--cg-font,system-ui,sans-serif);color:var(--f)}' +
  '.n{background:var(--b);border-top:1px solid var(--l);padding:var(--s);position:fixed;z-index:2147483600;left:0;right:0;bottom:0;display:flex;flex-wrap:wrap;gap:var(--s);align-items:center;justify-content:center}' +
  '.n p{flex:1 1 24rem;max-width:48rem;margin:0}' +
  '.a{display:flex;flex-wrap:wrap;gap:8px}' +
  '.a button{flex:1 1 0;min-width:8.5rem}' +
  'button{min-height:44px;padding:8px 16px;border:2px solid var(--a);border-radius:var(--r);background:var(--a);color:var(--af);font-weight:600}' +
  'a{color:var(--a)}' +
  ':focus-visible{outline:3px solid var(--a);outline-offset:2px}' +
  'p{margin:0 0 8px}' +
  '.f{position:fixed;z-index:2147483600;left:var(--s);bottom:var(--s);min-height:44px;border-radius:22px}' +
  '.v{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}';

/** The preferences dialog's rules, in its own chunk. */
export const PREFERENCES_CSS =
  'dialog{background:var(--b);border:1px solid var(--l);padding:var(--s);width:min(36rem,calc(100% - 2*var(--s)));max-height:calc(100% - 2*var(--s));overflow:auto;border-radius:var(--r);position:fixed;z-index:2147483600;inset:0;margin:auto}' +
  'dialog::backdrop{background:#0009}' +
  'button.o{background:var(--b);color:var(--a)}' +
  'h2{font-size:1.25rem;font-weight:700;margin:0 2.5rem 8px 0}' +
  '.c{border-top:1px solid var(--l);padding:8px 0}' +
  'label{display:flex;gap:8px;align-items:center;font-weight:600}' +
  'input{width:24px;height:24px;margin:0;accent-color:var(--a)}' +
  '.x{position:absolute;top:8px;right:8px;padding:0 12px;background:0;color:var(--f);border:0;font-size:1.5rem}';
