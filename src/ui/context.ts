import type { Categories } from '../types';
import type { Core } from '../gate';
import type { Config } from '../config';
import type { Win } from '../lib/dom';
import type { Texts } from './texts';
import type { Declaration } from '../types';
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
  /** Where the UI's parts come from (the preferences load the declaration's tables through it). */
  loaders: UiLoaders;
  /** The version of the texts shown (the notice's, the preferences' once open), sent with each decision given here. */
  version: string;
}

/** What the preferences chunk exports. */
export interface PreferencesModule {
  /**
   * Build the dialog (and, with `floatingButton`, the floating button, which calls `open`) into `ui.root`.
   * `open(opener)` shows the dialog, focus returning to `opener` on close; `sync()` follows `ui.shown`.
   */
  createPreferences(ui: Ui, open: (from: Element) => void): { open(opener: Element | null): void; sync(): void };
}

/** The UI once drawn, as start.ts drives it. */
export interface Mounted {
  /** Open the preferences; focus returns to `from` (else to what had it) when they close. */
  open(from?: Element | null): void;
  /** Load the preferences ahead of opening (intent). */
  warm(): void;
  /** Show the notice, even after a decision. */
  showBanner(): void;
}

/** What the notice's chunk (npm) or file (script tag) exports. */
export interface UiModule {
  /** Draw the UI; resolves once it is drawn (its language loaded, the page's body parsed). */
  mountUi(core: Core, c: Config, w: Win, loaders: UiLoaders): Promise<Mounted>;
}

/** Where the UI's parts come from: chunks (npm, loaders.ts) or files beside the script (loaders-script.ts). */
export interface UiLoaders {
  /** The notice's module (a test may hand it over at once). */
  ui(): UiModule | undefined | Promise<UiModule | undefined>;
  /** The preferences' module. */
  prefs(): Promise<PreferencesModule | undefined>;
  /** The texts of language `code` (not English). */
  lang(code: string): Promise<Partial<Texts> | undefined>;
  /** The declaration's module (loaded once, whoever asks). */
  decl(): Promise<DeclarationModule | undefined>;
}

/** What the declaration's chunk (npm) or file (script tag) exports: see declaration/index.ts; it brings its own languages. */
export interface DeclarationModule extends Pick<typeof import('../declaration/index'), 'drawDeclaration' | 'drawDetails' | 'TABLE_CSS'> {
  declare(core: Core, c: Config, w: Win, loaders: UiLoaders): Promise<Declaration>;
}
