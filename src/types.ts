/** How a decision was given. */
export type ConsentSource = 'banner' | 'preferences' | 'api' | 'gpc';

/** The visitor's recorded decision, as returned by {@link ConsentGate.getConsent}; read-only. */
export interface Consent {
  /** Whether Google Analytics (and every `data-consent="analytics"` tag) may run. */
  readonly analytics: boolean;
  /** Random consent id (16 characters), the key for proof of consent. */
  readonly id: string;
  /** When the decision was given, in milliseconds since the epoch (stored to the second). */
  readonly timestamp: number;
  /** The policy revision the decision was given for. */
  readonly revision: number;
  /** How the decision was given. */
  readonly source: ConsentSource;
}

/** The choice an app passes to {@link ConsentGate.setConsent}. */
export interface ConsentChoice {
  /** Grant (`true`) or deny (`false`) Google Analytics. */
  analytics: boolean;
}

/** What {@link ConsentGate.clearAnalyticsCookies} did. */
export interface ClearResult {
  /** Names of analytics cookies that were present and are now gone. */
  removed: string[];
  /** Names of analytics cookies still readable after every deletion variant was tried. */
  remaining: string[];
  /**
   * Analytics cookies that may exist but that script can neither see nor delete, because the
   * server set them `HttpOnly` (such as `FPID` from server-side tagging). Only the server can remove them.
   */
  unreachable: string[];
}

/** Options of the consent cookie. */
export interface CookieOptions {
  /**
   * Cookie name. Letters, digits, `_` and `-`; must not look like an analytics cookie.
   * @default 'cg_consent'
   */
  name?: string;
  /**
   * `Domain` attribute, to share one decision across subdomains (e.g. `example.com`).
   * @default undefined (host-only)
   */
  domain?: string;
  /**
   * `SameSite` attribute.
   * @default 'Lax'
   */
  sameSite?: 'Lax' | 'Strict' | 'None';
}

/** Options of {@link createConsentGate}. */
export interface ConsentGateOptions {
  /**
   * One GA4 measurement ID (`G-` followed by letters and digits) or an array of them.
   * @default [] (no Google Analytics; `data-consent` tags are still gated)
   */
  gaId?: string | string[];
  /** URL of the privacy statement (http(s) or relative). */
  policyUrl?: string;
  /**
   * Policy revision. Raising it asks every visitor again.
   * @default 1
   */
  revision?: number;
  /**
   * Days a decision is kept (1 to 400).
   * @default 182
   */
  expiresDays?: number;
  /** The consent cookie's name, domain and SameSite. */
  cookie?: CookieOptions;
  /**
   * `'respect'`: with Global Privacy Control on, analytics is denied without asking.
   * @default 'respect'
   */
  gpc?: 'respect' | 'ignore';
  /**
   * `'basic'`: gtag.js loads only after opt-in. `'advanced'`: gtag.js loads at once with every
   * signal denied and Google receives cookieless pings until the visitor decides.
   * @default 'basic'
   */
  consentMode?: 'basic' | 'advanced';
  /**
   * URL of gtag.js, for a first-party tag gateway; `?id=<ID>` is appended.
   * @default 'https://www.googletagmanager.com/gtag/js'
   */
  gtagSrc?: string;
  /** CSP nonce applied to every element the SDK injects. */
  nonce?: string;
  /** Endpoint receiving each decision as JSON through `navigator.sendBeacon` (proof of consent). */
  logEndpoint?: string;
  /**
   * Show the built-in notice and preferences. `false` is the headless mode for apps with their own UI.
   * @default true
   */
  ui?: boolean;
  /**
   * Language of the notice: `en`, `de`, `fr`, `es`, `it`, `nl`, `pt` or `ja` (a region such as `de-AT` is fine).
   * @default `<html lang>`, else `navigator.languages`, else `'en'`
   */
  lang?: string;
  /** Replacement texts, by key (see the README); always shown as text, never parsed as HTML. */
  texts?: Partial<Record<TextKey, string>>;
  /**
   * `'light'` or `'dark'` forces a theme; otherwise it follows `prefers-color-scheme`.
   * @default 'auto'
   */
  theme?: 'auto' | 'light' | 'dark';
  /**
   * The site's page for asking that a visitor's analytics data be erased (http(s) or relative). The
   * preferences then show the visitor's GA client ID with a link to it, the ID passed as `cid`.
   */
  deletionRequestUrl?: string;
  /**
   * Show a small floating "Cookie settings" button while the notice is hidden, so withdrawing is one click away.
   * @default false
   */
  floatingButton?: boolean;
}

/** Keys of the built-in texts. */
export type TextKey =
  | 'notice'
  | 'policy'
  | 'acceptAll'
  | 'rejectAll'
  | 'customize'
  | 'title'
  | 'intro'
  | 'necessary'
  | 'necessaryInfo'
  | 'analytics'
  | 'analyticsInfo'
  | 'gpc'
  | 'save'
  | 'close'
  | 'deleteCookies'
  | 'deleted'
  | 'notDeleted'
  | 'clientId'
  | 'deletionRequest'
  | 'saved'
  | 'settings';

/** Listener of {@link ConsentGate.onChange}: the new decision, or `null` once forgotten. */
export type ConsentListener = (consent: Consent | null) => void;

/** A running consent gate, as returned by {@link createConsentGate}. */
export interface ConsentGate {
  /** The current decision, or `null` while undecided (and always on the server). */
  getConsent(): Consent | null;
  /** Grant every category (source `api`). */
  acceptAll(): Consent | null;
  /** Deny every category (source `api`); stops GA at once and clears its cookies. */
  rejectAll(): Consent | null;
  /** Record a choice (source `api`). */
  setConsent(choice: ConsentChoice): Consent | null;
  /** Forget the decision and ask again; GA stops as when denied. */
  reset(): void;
  /** Delete every Google Analytics cookie under every domain and path variant; report what is left. */
  clearAnalyticsCookies(): ClearResult;
  /** Call `listener` on every change, in this tab or another; returns the unsubscribe function. */
  onChange(listener: ConsentListener): () => void;
  /** Show the notice again, even after a decision (no-op in headless mode). */
  showBanner(): void;
  /** Open the preferences dialog (no-op in headless mode). */
  showPreferences(): void;
  /** Detach every listener and channel and remove the UI; the recorded decision stays. */
  destroy(): void;
}
