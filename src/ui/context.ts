import type { Categories } from '../types';
import type { Core } from '../gate';
import type { Config } from '../config';
import type { Win } from '../lib/dom';
import type { Texts } from './texts';
import type { tagger } from './dom';

/**
 * What the notice and the preferences share, built once by mount.ts. Its members have plain names: the
 * preferences are minified apart from the rest (a chunk of their own), so no name here may be shortened.
 */
export interface Ui {
  core: Core;
  c: Config;
  w: Win;
  /** The language shown (a BCP 47 code), for `Intl` formats. */
  lang: string;
  /** The texts in the page's language (the notice's, and whatever the language file or the site gave). */
  t: Texts;
  root: ShadowRoot;
  el: ReturnType<typeof tagger>;
  /** A button with its label as its accessible name (or `name`). */
  button(label: string, action: () => void, cls?: string, name?: string): HTMLButtonElement;
  /** Add CSS to the shadow root, as a constructable stylesheet. */
  styles(css: string): void;
  /** The handler of a decision button: record `choice` (`true` or `false`: every category) and announce "Choices saved". */
  choose(choice: Categories | boolean, source: 'banner' | 'preferences'): () => void;
  /** Announce `text` in the live region `region`, even when it repeats. */
  announce(region: HTMLElement, text: string): void;
  /** Whether the notice shows (the floating button then hides). */
  shown?: boolean;
}

/** What the preferences chunk exports. */
export interface PreferencesModule {
  /**
   * Build the dialog (and, with `floatingButton`, the floating button, which calls `open`) into `ui.root`.
   * `open(opener)` shows the dialog, focus returning to `opener` on close; `sync()` follows `ui.shown`.
   */
  createPreferences(ui: Ui, open: (from: Element) => void): { open(opener: Element | null): void; sync(): void };
}
