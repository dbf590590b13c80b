// @ts-check
import { lookupCookie, openCookieDatabase } from './ocd.mjs';
import { trackerOf } from './trackers.mjs';

/**
 * @typedef {'necessary' | 'analytics' | 'marketing' | 'functional' | 'unknown'} Category
 * @typedef {{ category: Category, source: 'declaration' | 'open-cookie-database' | 'tracker hosts' | 'unknown', provider?: string, purpose?: string, declaredDays?: number, declared: boolean }} Classification
 * @typedef {{ categories: { category: string, cookies: { name: string, pattern: boolean, provider: string, days?: number, purpose: string }[] }[] }} Declaration
 */

/**
 * What a cookie (or storage key) is, in this order: the site's consent-gate declaration, then the Open
 * Cookie Database, then the tracker hosts the cookie's domain belongs to. `declared`: the declaration
 * lists it (by name, or by a pattern it starts with).
 * @param {{ name: string, domain?: string }} cookie
 * @param {Declaration | null | undefined} declaration
 * @returns {Classification}
 */
export const classifyCookie = ({ name, domain = '' }, declaration) => {
  for (const category of declaration?.categories || [])
    for (const c of category.cookies)
      if (c.pattern ? name.startsWith(c.name.replace(/…$/, '')) : c.name == name)
        return { category: /** @type {Category} */ (category.category), source: 'declaration', provider: c.provider, purpose: c.purpose || undefined, declaredDays: c.days, declared: true };
  const known = lookupCookie(name);
  if (known) return { category: known.category, source: 'open-cookie-database', provider: known.platform, purpose: known.description, declared: false };
  const tracker = trackerOf(domain.replace(/^\./, ''));
  if (tracker) return { category: tracker.category, source: 'tracker hosts', provider: tracker.provider, declared: false };
  return { category: 'unknown', source: 'unknown', declared: false };
};

/** The Open Cookie Database's entries by the host they name (`google-analytics.com (3rd party)` → google-analytics.com). */
let ocdHosts;
const ocdHost = (hostname) => {
  ocdHosts ||= openCookieDatabase()
    .map((e) => ({ host: e.domain.split(/[\s(]/)[0].replace(/^\./, '').toLowerCase(), entry: e }))
    .filter((h) => h.host.includes('.') && h.entry.category != 'necessary');
  return ocdHosts.find(({ host }) => hostname == host || hostname.endsWith('.' + host))?.entry;
};

/**
 * Whether a request's host is a tracker's: a host the Open Cookie Database names for an analytics or
 * marketing cookie, then this tool's list of tracker hosts (the site's declaration names no hosts).
 * @param {string} hostname
 * @returns {{ provider: string, category: 'analytics' | 'marketing' } | null}
 */
export const classifyHost = (hostname) => {
  const known = ocdHost(hostname);
  if (known && (known.category == 'analytics' || known.category == 'marketing')) return { provider: known.platform, category: known.category };
  return trackerOf(hostname);
};
