import type { Category, Declaration, DeclaredCookie } from '../types';
import type { Config } from '../config';
import type { Texts } from '../ui/texts';
import { EN_COOKIES, type CookieTexts } from './texts';
import { EN_CATEGORIES } from '../ui/texts';
import { EN_CATEGORY_INFO } from '../ui/texts-preferences';
import { cookieName, GTAG_SRC, GTM_SRC } from '../config';

/** Days a cookie of Google's tags lives: GA4's two years, Google Ads' 90 days. */
const TWO_YEARS = 730;
const ADS_DAYS = 90;

/** `days` in language `lang`: whole years as years ("2 years"), else days; 0 is the session's text. */
export const lifetimeText = (days: number | undefined, lang: string, session: string): string =>
  days === undefined
    ? ''
    : days
      ? new Intl.NumberFormat(lang, { style: 'unit', unit: days % 365 ? 'day' : 'year', unitDisplay: 'long' }).format(days % 365 ? days : days / 365)
      : session;

/**
 * Every text a declaration needs: English, then the language's (`own`, the UI's texts, and `cookies`, the
 * declaration's), then the site's own `texts` (a value of no string left out).
 */
export const declarationTexts = (own: object | undefined, cookies: object | undefined, site: unknown): Texts & CookieTexts => {
  const t = { ...EN_CATEGORIES, ...EN_CATEGORY_INFO, ...EN_COOKIES, ...own, ...cookies } as Texts & CookieTexts;
  for (const [key, value] of Object.entries(Object(site))) if (typeof value == 'string') (t as Record<string, string>)[key] = value;
  return t;
};

/**
 * The declaration for the configuration `c`, in language `lang` with its texts `t` (every key filled in:
 * English where the language lacks one), each category's current choice from `granted`. Built in: the
 * consent cookie (necessary, living `expiresDays`); with GA4 IDs, `_ga` and `_ga_<container>` for each
 * (Google, 2 years), and `FPID` where gtag.js or the container comes from the site's own server (server-side
 * tagging sets it, `HttpOnly`); with Google Ads IDs, `_gcl_au`, `_gcl_aw` and `_gcl_dc` (Google, 90 days).
 * Then the site's own from `cookies`, each with what it says: a name alone is shown with what is known.
 * A text of no string (a provider, a purpose) counts as not stated.
 */
export const buildDeclaration = (c: Config, granted: (k: Category) => boolean, lang: string, t: Texts & CookieTexts): Declaration => {
  const text = (v: unknown) => (typeof v == 'string' ? v : '');
  const cookie = (name: string, provider: unknown, days: unknown, purpose: unknown, party?: unknown, pattern = false): DeclaredCookie => {
    const d = typeof days == 'number' && days >= 0 ? days : undefined;
    return {
      name,
      pattern,
      provider: text(provider) || t.thisSite,
      own: !text(provider),
      party: party == 'third' ? 'third' : 'first',
      ...(d !== undefined && { days: d }),
      lifetime: lifetimeText(d, lang, t.session),
      purpose: text(purpose),
    };
  };
  const google = (name: string, days: number, purpose: string) => cookie(name, 'Google', days, purpose);
  // Server-side tagging or a first-party tag gateway serves Google's scripts from elsewhere, and sets FPID.
  const serverSide = c.gtagSrc != GTAG_SRC || c.gtmSrc != GTM_SRC;
  const builtIn: Record<Category | 'necessary', DeclaredCookie[]> = {
    necessary: [cookie(c.cookie.name, '', c.expiresDays, t.consentPurpose)],
    analytics: c.gaId[0]
      ? [
          google('_ga', TWO_YEARS, t.gaPurpose),
          ...c.gaId.map((id) => google('_ga_' + id.slice(2), TWO_YEARS, t.gaSessionPurpose)),
          ...(serverSide ? [{ ...google('FPID', TWO_YEARS, t.fpidPurpose), httpOnly: true }] : []),
        ]
      : [],
    marketing: c.googleAdsId[0] ? [google('_gcl_au', ADS_DAYS, t.adsConversionPurpose), google('_gcl_aw', ADS_DAYS, t.adsClickPurpose), google('_gcl_dc', ADS_DAYS, t.adsClickPurpose)] : [],
    functional: [],
  };
  for (const k of c.categories)
    for (const entry of c.cookies[k] || []) {
      const name = cookieName(entry);
      const e = (entry === name ? {} : entry) as Record<string, unknown>;
      const purpose = e.purpose && typeof e.purpose == 'object' ? (e.purpose as Record<string, unknown>)[lang] ?? (e.purpose as Record<string, unknown>)[lang.split('-')[0]] ?? (e.purpose as Record<string, unknown>).en : e.purpose;
      builtIn[k].push(
        name instanceof RegExp ? cookie(name.source.replace(/^\^|\$$/g, '') + '…', e.provider, e.lifetime, purpose, e.party, true) : cookie(name as string, e.provider, e.lifetime, purpose, e.party),
      );
    }
  return {
    lang,
    categories: (['necessary', ...c.categories] as const).map((k) => ({
      category: k,
      name: t[k],
      purpose: t[`${k}Info`],
      granted: k == 'necessary' || granted(k),
      cookies: builtIn[k],
    })),
    labels: {
      cookieName: t.cookieName,
      provider: t.provider,
      type: t.type,
      lifetime: t.lifetime,
      purpose: t.purpose,
      firstParty: t.firstParty,
      thirdParty: t.thirdParty,
      caption: t.caption,
      show: t.show,
      choice: t.choice,
      on: t.on,
      off: t.off,
      alwaysOn: t.alwaysOn,
      change: t.change,
    },
  };
};
