/**
 * How a decision was given: the notice, the preferences, the site's own code, or the browser's opt-out
 * preference signal (Global Privacy Control, or Do Not Track where the site respects it).
 */
export type ConsentSource = 'banner' | 'preferences' | 'api' | 'gpc';

/**
 * `'opt-in'`: nothing optional runs before the visitor agrees (the EU, the UK). `'opt-out'`: the declared
 * categories run until the visitor turns them off (US state laws such as the CCPA/CPRA).
 */
export type ConsentGateMode = 'opt-in' | 'opt-out';

/**
 * A consent category a site can declare. `necessary` is always on and never a choice, so it is not one:
 * `analytics` (Google Analytics and other measurement), `marketing` (advertising: Google Ads, pixels),
 * `functional` (preferences such as language, chat, embedded media).
 */
export type Category = 'analytics' | 'marketing' | 'functional';

/** A choice per category: `true` granted, `false` denied. */
export type Categories = { [K in Category]?: boolean };

/** The visitor's recorded decision, as returned by {@link ConsentGate.getConsent}; read-only. */
export interface Consent {
  /** Random consent id (16 characters), the key for proof of consent. */
  readonly id: string;
  /**
   * When the decision was given, in milliseconds since the epoch (stored to the second). A change is always
   * dated after the decision it replaces (a second after it when both fall within one second), so each of a
   * visitor's decisions has a time of its own, the key of its proof of consent.
   */
  readonly timestamp: number;
  /** The policy revision the decision was given for. */
  readonly revision: number;
  /** How the decision was given. */
  readonly source: ConsentSource;
  /** The mode the decision was given under. */
  readonly mode: ConsentGateMode;
  /**
   * One key per declared category, each explicitly `true` (granted) or `false` (denied). A category the
   * site declared after the decision was given is `false` until the visitor chooses (see
   * {@link ConsentGate.needsDecision}).
   */
  readonly categories: Readonly<Categories>;
}

/** The choice an app passes to {@link ConsentGate.setConsent}: only the categories given change. */
export type ConsentChoice = Categories;

/** What {@link ConsentGate.clearAnalyticsCookies} or {@link ConsentGate.clearCookies} did. */
export interface ClearResult {
  /** Names of the cookies that were present and are now gone. */
  removed: string[];
  /** Names of the cookies still readable after every deletion variant was tried. */
  remaining: string[];
  /**
   * Cookies that may exist but that script can neither see nor delete, because the server set them
   * `HttpOnly` (such as GA's `FPID` from server-side tagging). Only the server can remove them.
   */
  unreachable: string[];
}

/** A cookie of the site's, as the `cookies` option declares it. */
export interface CookieEntry {
  /** Its name, or a name pattern. */
  name: string | RegExp;
  /** Who sets it or receives what it holds (`'Meta'`, `'Hotjar'`); left out: the site itself. */
  provider?: string;
  /**
   * `'first'`: set on this site's domain (script can delete it); `'third'`: on another domain.
   * @default 'first'
   */
  party?: 'first' | 'third';
  /** How long it lives, in days (`0`: until the browser is closed); left out: not stated. */
  lifetime?: number;
  /** What it is for: one text, or one per language (`{ en: '…', de: '…' }`, the visitor's, else English). */
  purpose?: string | Record<string, string>;
}

/** One cookie of the declaration. */
export interface DeclaredCookie {
  /** Its name, or a pattern's text followed by `…` (`yt-…`). */
  name: string;
  /** Whether `name` stands for every cookie whose name starts so (a pattern). */
  pattern: boolean;
  /** Who sets it or receives what it holds, in the visitor's language (the site itself: "This site"). */
  provider: string;
  /** Whether the site itself sets it. */
  own: boolean;
  party: 'first' | 'third';
  /** How long it lives, in days (`0`: until the browser is closed); undefined where not stated. */
  days?: number;
  /** The same in the visitor's language ("2 years"); empty where not stated. */
  lifetime: string;
  /** What it is for, in the visitor's language; empty where not stated. */
  purpose: string;
  /** Set by the server with `HttpOnly` (`FPID`): script can neither see nor delete it. */
  httpOnly?: boolean;
}

/** One category of the declaration: the necessary cookies, or a declared category. */
export interface DeclaredCategory {
  category: Category | 'necessary';
  /** Its name and what it does, in the visitor's language. */
  name: string;
  purpose: string;
  /** The visitor's current choice (always `true` for `necessary`). */
  granted: boolean;
  cookies: DeclaredCookie[];
}

/**
 * Every cookie this site declares, per category, in the visitor's language: what consent-gate sets or
 * loads (the consent cookie, GA4's `_ga` and `_ga_<container>`, Google Ads' cookies, `FPID`) and the
 * site's own from the `cookies` option. `labels` are the texts a table of it needs.
 */
export interface Declaration {
  /** The language of its texts (BCP 47). */
  lang: string;
  categories: DeclaredCategory[];
  labels: Record<'cookieName' | 'provider' | 'type' | 'lifetime' | 'purpose' | 'firstParty' | 'thirdParty' | 'caption' | 'show' | 'choice' | 'on' | 'off' | 'alwaysOn' | 'change', string>;
}

/** Options of the consent cookie. */
export interface CookieOptions {
  /**
   * Cookie name: letters, digits, `_` and `-`; no name a GA or Google Ads cookie has (clearing those would erase the decision), and not
   * `FPID`, which server-side tagging's server sets on the site's domain, over the decision.
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
   * The categories this site asks about, shown in this order: analytics, marketing, functional.
   * An undeclared category is always denied.
   * @default ['analytics']
   */
  categories?: readonly Category[];
  /**
   * One GA4 measurement ID (`G-` followed by letters and digits) or an array of them. Configured, and
   * gtag.js loaded, only while `analytics` is granted.
   * @default [] (no Google Analytics; `data-consent` tags are still gated)
   */
  gaId?: string | readonly string[];
  /**
   * One Google Ads ID (`AW-` followed by digits) or an array of them. Configured, and gtag.js loaded, only
   * while `marketing` is granted.
   * @default []
   */
  googleAdsId?: string | readonly string[];
  /**
   * The site's Google Tag Manager container (`GTM-` followed by capital letters and digits). It loads once a
   * category of `gtmCategories` is granted, after `consent default` (with `wait_for_update`), the `set`
   * commands and `consent update`, with one `gtm.js` event; it then sees a `consent_gate_update` event on
   * every decision. The container holds the site's Google tags: with it, gtag.js is never loaded (the
   * `gaId` and `googleAdsId` given still set `ga-disable-<ID>` and name the cookies to declare and clear).
   * @default undefined (no container)
   */
  gtmId?: string;
  /**
   * The categories whose grant loads the container: any one of them. Functional alone does not, by default:
   * the container's Google tags would then run with analytics and advertising denied and send cookieless pings.
   * @default ['analytics', 'marketing']
   */
  gtmCategories?: readonly Category[];
  /**
   * The name of the data layer the Google tags read (`window[dataLayerName]`); another than `dataLayer` is
   * passed to the container (and gtag.js) as `l=`. Where the page already holds something else than an
   * array under that name (its own `window.dataLayer` object, `location`), the first grant logs
   * `consent-gate: invalid dataLayerName: …` once and Google's tags stay off; decisions, the cleaner and
   * `onChange` work as usual.
   * @default 'dataLayer'
   */
  dataLayerName?: string;
  /**
   * URL of the container script, for server-side tagging or a first-party tag gateway; `?id=<GTM-ID>` is appended.
   * @default 'https://www.googletagmanager.com/gtm.js'
   */
  gtmSrc?: string;
  /**
   * Redact ad-click identifiers from Google's requests while `ad_storage` is denied
   * (`gtag('set', 'ads_data_redaction', true)`, before any `config`).
   * @default true
   */
  adsDataRedaction?: boolean;
  /**
   * Pass ad-click identifiers through link URLs instead of cookies while `ad_storage` is denied
   * (`gtag('set', 'url_passthrough', true)`, before any `config`).
   * @default false
   */
  urlPassthrough?: boolean;
  /**
   * The site's own cookies per category: exact names, patterns, or entries that also say who sets them, how
   * long they live and what for. The one list is the cleaner's (each is deleted, on every domain and path,
   * when its category is denied) and the declaration's (each is shown in the preferences and on the privacy
   * page). Google's own (`_ga`, `_ga_<container>`, `_gcl_au`, …) are built in: no need to list them.
   * @example
   * createConsentGate({
   *   categories: ['analytics', 'marketing', 'functional'],
   *   cookies: { marketing: ['_fbc', { name: '_fbp', provider: 'Meta', lifetime: 90, purpose: { en: 'Tells Meta which ad brought you here.' } }], functional: [/^yt-/] },
   * });
   */
  cookies?: { [K in Category]?: readonly (string | RegExp | CookieEntry)[] };
  /** URL of the privacy statement, linked from the notice: http(s) or relative only (`javascript:`, `data:` are refused). */
  policyUrl?: string;
  /**
   * Policy revision, an integer from 0 to 999999. Raising it asks every visitor again.
   * @default 1
   */
  revision?: number;
  /**
   * Days a decision is kept, 1 to 400 (Chrome caps every cookie at 400 days).
   * @default 182
   */
  expiresDays?: number;
  /** The consent cookie's name, domain and SameSite. */
  cookie?: CookieOptions;
  /**
   * `'opt-in'`: nothing optional runs before the visitor agrees, and the notice asks. `'opt-out'`: with no
   * decision stored, the declared categories run, no notice blocks the page, and a "Your Privacy Choices"
   * button (or any `data-consent-open` element) lets the visitor turn each off. Chosen per visitor by the
   * site's server; never guessed in the browser. Anything else is a `TypeError`.
   * @default 'opt-in'
   */
  mode?: ConsentGateMode;
  /**
   * `'respect'`: with Global Privacy Control on, every category is denied without asking.
   * @default 'respect'
   */
  gpc?: 'respect' | 'ignore';
  /**
   * `'respect'`: Do Not Track (`navigator.doNotTrack == '1'`) counts as Global Privacy Control does.
   * @default 'ignore'
   */
  dnt?: 'respect' | 'ignore';
  /**
   * `'basic'`: gtag.js loads only after opt-in. `'advanced'`: gtag.js loads at once with every signal
   * denied, so **Google receives cookieless pings** from visitors who have not decided; a rejection or GPC
   * still stops everything.
   * @default 'basic'
   */
  consentMode?: 'basic' | 'advanced';
  /**
   * URL of gtag.js, for a first-party tag gateway; `?id=<ID>` is appended.
   * @default 'https://www.googletagmanager.com/gtag/js'
   */
  gtagSrc?: string;
  /** CSP nonce applied to every element the SDK injects (the script tag uses its own `nonce`). */
  nonce?: string;
  /**
   * Endpoint receiving each decision (proof of consent), http(s) or relative: POSTed as JSON with `fetch`'s
   * `keepalive`, and sent again on later pages until it answers (see `consent-gate/log`).
   */
  logEndpoint?: string;
  /**
   * Show the built-in notice and preferences. `false` only skips rendering: to leave the UI out of a
   * bundle, import `consent-gate/headless`.
   * @default true
   */
  ui?: boolean;
  /**
   * Language of the notice, a BCP 47 tag: one of the 38 built in (see docs/languages-and-themes.md), matched by region and
   * script first (`pt-BR`, `zh-TW`), then by language (`de-AT` is `de`), else English.
   * @default `<html lang>`, else `navigator.languages`, else `'en'`
   */
  lang?: string;
  /** Replacement texts, by key (see docs/languages-and-themes.md); always shown as text, never parsed as HTML. */
  texts?: Partial<Record<TextKey | CookieTextKey, string>>;
  /**
   * `'light'` or `'dark'` forces a theme; otherwise it follows `prefers-color-scheme`.
   * @default 'auto'
   */
  theme?: 'auto' | 'light' | 'dark';
  /**
   * The site's page for asking that a visitor's analytics data be erased (http(s) or relative; anything else
   * is left out with a console error). The preferences then show the visitor's GA client ID with a link to
   * it, the ID passed as `cid`.
   */
  deletionRequestUrl?: string;
  /**
   * Show a small floating button while the notice is hidden, so withdrawing is one click away: "Cookie
   * settings", or in opt-out mode "Your Privacy Choices" with California's opt-out icon.
   * @default false, in opt-out mode true
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
  | 'marketing'
  | 'marketingInfo'
  | 'functional'
  | 'functionalInfo'
  | 'alwaysOn'
  | 'gpc'
  | 'save'
  | 'close'
  | 'deleteCookies'
  | 'deleted'
  | 'notDeleted'
  | 'clientId'
  | 'deletionRequest'
  | 'saved'
  | 'settings'
  | 'separator'
  | 'addon'
  | 'privacyChoices';

/**
 * Keys of the cookie declaration's texts: its tables' labels (`caption` with `{category}`, `show` with `{n}`,
 * `choice` with `{choice}`) and the purposes of the cookies consent-gate declares by itself.
 */
export type CookieTextKey =
  | 'cookieName'
  | 'provider'
  | 'type'
  | 'lifetime'
  | 'purpose'
  | 'firstParty'
  | 'thirdParty'
  | 'thisSite'
  | 'session'
  | 'caption'
  | 'show'
  | 'choice'
  | 'on'
  | 'off'
  | 'change'
  | 'consentPurpose'
  | 'gaPurpose'
  | 'gaSessionPurpose'
  | 'fpidPurpose'
  | 'adsConversionPurpose'
  | 'adsClickPurpose';

/** Listener of {@link ConsentGate.onChange}: the new decision, or `null` once forgotten. */
export type ConsentListener = (consent: Consent | null) => void;

/** A running consent gate, as returned by {@link createConsentGate}. */
export interface ConsentGate {
  /**
   * The current decision, or `null` while undecided (and always on the server): `{ id, timestamp, revision,
   * source, mode, categories }`, one key per declared category, each explicitly `true` or `false`.
   */
  getConsent(): Consent | null;
  /**
   * Whether `category` may run now: `false` for an undeclared one; in opt-out mode, with no decision, `true`
   * for a declared one; `false` for analytics under Google's opt-out add-on unless the visitor named it.
   */
  isGranted(category: Category): boolean;
  /**
   * Whether the visitor should be asked: undecided, or a category was declared after the decision was
   * given; never in opt-out mode or under GPC. The built-in notice shows exactly while this is true; a
   * headless app shows its own.
   */
  needsDecision(): boolean;
  /** Grant every declared category (source `api`); returns the new decision. */
  acceptAll(): Consent | null;
  /** Deny every declared category (source `api`): what they run stops at once and their cookies are cleared; returns the new decision. */
  rejectAll(): Consent | null;
  /**
   * Record a choice (source `api`): only the categories given change, the others keep their choice; only
   * `true` grants. Returns the new decision.
   * @example gate.setConsent({ marketing: false })
   */
  setConsent(choice: ConsentChoice): Consent | null;
  /** Forget the decision and ask again; everything stops as when denied. */
  reset(): void;
  /**
   * Delete every Google Analytics cookie under every domain and path variant now; report what is left. While
   * analytics is granted, GA sets them again on its next hit.
   */
  clearAnalyticsCookies(): ClearResult;
  /** Delete every cookie of `category` (Google's and the site's own from `cookies`); report what is left. */
  clearCookies(category: Category): ClearResult;
  /** Call `listener` on every change, in this tab or another; returns the unsubscribe function. */
  onChange(listener: ConsentListener): () => void;
  /**
   * Resolves once the built-in UI is drawn (its chunk and language loaded, the page's body parsed); at once
   * in headless mode and on the server. `showBanner()` and `showPreferences()` need not wait for it: called
   * earlier, they are queued and honoured then.
   */
  ready: Promise<void>;
  /** Show the notice again, even after a decision (no-op in headless mode). Called before the UI is drawn, it is queued and honoured then. */
  showBanner(): void;
  /** Open the preferences dialog (no-op in headless mode). Called before the UI is drawn, it is queued and honoured then. */
  showPreferences(): void;
  /**
   * The declaration of every cookie, per category, in the visitor's language, with their current choices.
   * With the built-in UI (the script tag, `consent-gate`) it loads the declaration's chunk and texts; the
   * headless entry has none (use `declaration()` from `consent-gate/server`, which runs anywhere).
   */
  declaration(): Promise<Declaration>;
  /** Detach every listener and channel and remove the UI; the recorded decision stays. */
  destroy(): void;
}
