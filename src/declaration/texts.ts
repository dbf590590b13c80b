import type { CookieTextKey } from '../types';

/**
 * The declaration's English texts, in its own chunk: the table's labels and the purposes of the cookies
 * consent-gate sets or loads. `{category}`, `{n}` and `{choice}` are filled in. Each other language has a
 * file of its own (lang/<code>.json here; `lang/<code>.cookies.json` beside the script tag).
 */
export const EN_COOKIES = {
  cookieName: 'Cookie',
  provider: 'Provider',
  type: 'Type',
  lifetime: 'Lifetime',
  purpose: 'Purpose',
  firstParty: 'First party',
  thirdParty: 'Third party',
  thisSite: 'This site',
  session: 'Until the browser is closed',
  caption: 'Cookies: {category}',
  show: 'Cookies used ({n})',
  choice: 'Your choice: {choice}',
  on: 'allowed',
  off: 'not allowed',
  change: 'Change your choices',
  consentPurpose: 'Remembers your cookie choices, so that you are not asked again on every page.',
  gaPurpose: 'Google Analytics: a random identifier that recognises this browser on later visits.',
  gaSessionPurpose: 'Google Analytics: keeps the state of your current visit.',
  fpidPurpose: "Google Analytics through this site's server: a random identifier, like _ga. Only the server can delete it.",
  adsConversionPurpose: 'Google Ads: links ad clicks to the visits they led to, to measure conversions.',
  adsClickPurpose: 'Google Ads: keeps the ad click that brought you to this site.',
} satisfies Record<CookieTextKey, string>;

/** The declaration's texts of one language. */
export type CookieTexts = typeof EN_COOKIES;
