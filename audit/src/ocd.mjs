// @ts-check
import { readFileSync } from 'node:fs';

/**
 * @typedef {{ platform: string, category: 'necessary' | 'analytics' | 'marketing' | 'functional', name: string, domain: string, description: string, retention: string, controller: string, prefix: boolean }} OcdEntry
 */

/** The Open Cookie Database's categories as consent-gate's. */
const CATEGORY = { Necessary: 'necessary', Security: 'necessary', Functional: 'functional', Personalization: 'functional', Analytics: 'analytics', Marketing: 'marketing' };

/** One CSV line's fields (quoted fields may hold commas and doubled quotes). */
const fields = (line) => {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch == '"' && line[i + 1] == '"') (field += '"'), i++;
      else if (ch == '"') quoted = false;
      else field += ch;
    } else if (ch == '"') quoted = true;
    else if (ch == ',') out.push(field), (field = '');
    else field += ch;
  }
  out.push(field);
  return out;
};

/** @type {OcdEntry[] | undefined} */
let entries;

/**
 * The Open Cookie Database (Apache-2.0, vendored in data/), parsed once: cookies and storage keys with
 * their platform, category, description and retention; `prefix` where the name is a prefix.
 * @returns {OcdEntry[]}
 */
export const openCookieDatabase = () =>
  (entries ||= readFileSync(new URL('../data/open-cookie-database.csv', import.meta.url), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map(fields)
    .filter((f) => f.length >= 10 && f[3])
    .map((f) => ({ platform: f[1], category: CATEGORY[f[2]] || 'functional', name: f[3], domain: f[4], description: f[5], retention: f[6], controller: f[7], prefix: f[9] == '1' })));

/**
 * The entry of `name`: an exact name first, else the longest prefix entry it starts with.
 * @param {string} name
 * @returns {OcdEntry | null}
 */
export const lookupCookie = (name) => {
  const all = openCookieDatabase();
  return all.find((e) => !e.prefix && e.name == name) || all.filter((e) => e.prefix && name.startsWith(e.name)).sort((a, b) => b.name.length - a.name.length)[0] || null;
};
