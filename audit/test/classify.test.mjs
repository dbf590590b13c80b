import { describe, expect, it } from 'vitest';
import { classifyCookie, classifyHost, lookupCookie, openCookieDatabase, TRACKER_HOSTS } from '../src/index.mjs';

const declaration = {
  categories: [
    { category: 'necessary', cookies: [{ name: 'cg_consent', pattern: false, provider: 'This site', days: 182, purpose: 'Remembers your choices.' }] },
    { category: 'functional', cookies: [{ name: '_ga', pattern: false, provider: 'This site', days: 30, purpose: 'Our own, oddly named.' }, { name: 'yt-…', pattern: true, provider: 'YouTube', purpose: '' }] },
  ],
};

describe('classification', () => {
  it('takes the site’s declaration first, by name or by a pattern’s prefix', () => {
    expect(classifyCookie({ name: '_ga' }, declaration)).toEqual({ category: 'functional', source: 'declaration', provider: 'This site', purpose: 'Our own, oddly named.', declaredDays: 30, declared: true });
    expect(classifyCookie({ name: 'yt-remote-session' }, declaration)).toMatchObject({ category: 'functional', source: 'declaration', provider: 'YouTube', declared: true });
    expect(classifyCookie({ name: 'cg_consent' }, declaration)).toMatchObject({ category: 'necessary', declaredDays: 182 });
  });

  it('then the Open Cookie Database, exact names before prefix entries, the longest prefix first', () => {
    expect(classifyCookie({ name: '_ga' }, null)).toMatchObject({ category: 'analytics', source: 'open-cookie-database', provider: 'Google Analytics', declared: false });
    const prefix = openCookieDatabase().find((e) => e.prefix && e.name.length > 3);
    expect(lookupCookie(prefix.name + 'xyz')).toEqual(prefix);
    expect(classifyCookie({ name: prefix.name + 'xyz' }, null)).toMatchObject({ source: 'open-cookie-database', provider: prefix.platform });
  });

  it('then the tracker hosts the cookie’s domain belongs to; else unknown', () => {
    expect(classifyCookie({ name: 'zz_made_up', domain: '.doubleclick.net' }, null)).toEqual({ category: 'marketing', source: 'tracker hosts', provider: 'Google DoubleClick', declared: false });
    expect(classifyCookie({ name: 'basket', domain: 'shop.example.com' }, null)).toEqual({ category: 'unknown', source: 'unknown', declared: false });
  });

  it('holds the vendored Open Cookie Database whole: thousands of entries, each with a category', () => {
    const all = openCookieDatabase();
    expect(all.length).toBeGreaterThan(2000);
    expect(new Set(all.map((e) => e.category))).toEqual(new Set(['necessary', 'functional', 'analytics', 'marketing']));
  });

  it('knows a tracker host and its subdomains, and nothing that merely ends alike', () => {
    expect(classifyHost('www.google-analytics.com')).toMatchObject({ category: 'analytics' });
    expect(classifyHost('connect.facebook.net')).toMatchObject({ provider: 'Meta', category: 'marketing' });
    expect(classifyHost('notfacebook.net')).toBeNull();
    expect(classifyHost('www.example.com')).toBeNull();
    expect(TRACKER_HOSTS.map((t) => t.provider)).toEqual(expect.arrayContaining(['Google Analytics', 'Google Ads', 'Google Tag Manager', 'Google DoubleClick', 'Meta', 'TikTok', 'LinkedIn', 'Microsoft Clarity', 'Microsoft Advertising (Bing)', 'Hotjar']));
  });
});
