import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { declaration } from '../../src/server';
import { createConsentGate } from '../../src';
import { EN_COOKIES } from '../../src/declaration/texts';
import { LANGS } from '../../src/ui/texts';
import type { ConsentGate, ConsentGateOptions, Declaration } from '../../src/types';
import { freshPage, jarContents, seedCookie } from './page';

const SITE: ConsentGateOptions = {
  categories: ['analytics', 'marketing', 'functional'],
  gaId: ['G-AAA111', 'G-BBB222'],
  googleAdsId: 'AW-123',
  cookies: {
    marketing: ['_fbc', { name: '_fbp', provider: 'Meta', lifetime: 90, purpose: { en: 'Tells Meta which ad brought you here.', de: 'Sagt Meta, welche Anzeige Sie hergebracht hat.' } }],
    functional: [/^yt-/, { name: '_shop_video', lifetime: 0, purpose: 'Remembers where you stopped the video.' }],
  },
};
/** Each category's cookies as `name provider lifetime` lines. */
const table = (d: Declaration) => Object.fromEntries(d.categories.map((c) => [c.category, c.cookies.map((k) => `${k.name} ${k.provider} ${k.lifetime || '-'}`)]));

describe('the declaration', () => {
  it('merges what consent-gate sets (per GA4 and Ads ID) with the site’s own entries, in the fixed order of the categories', () => {
    const d = declaration(SITE);
    expect(d.lang).toBe('en');
    expect(d.categories.map((c) => [c.category, c.name, c.granted])).toEqual([
      ['necessary', 'Necessary', true],
      ['analytics', 'Analytics', false],
      ['marketing', 'Advertising', false],
      ['functional', 'Functional', false],
    ]);
    expect(table(d)).toEqual({
      necessary: ['cg_consent This site 182 days'],
      analytics: ['_ga Google 2 years', '_ga_AAA111 Google 2 years', '_ga_BBB222 Google 2 years'],
      marketing: ['_gcl_au Google 90 days', '_gcl_aw Google 90 days', '_gcl_dc Google 90 days', '_fbc This site -', '_fbp Meta 90 days'],
      functional: ['yt-… This site -', '_shop_video This site Until the browser is closed'],
    });
    const ga = d.categories[1].cookies[0];
    expect(ga).toEqual({ name: '_ga', pattern: false, provider: 'Google', own: false, party: 'first', days: 730, lifetime: '2 years', purpose: EN_COOKIES.gaPurpose });
    // A name alone is shown with what is known; a pattern says so.
    expect(d.categories[2].cookies[3]).toEqual({ name: '_fbc', pattern: false, provider: 'This site', own: true, party: 'first', lifetime: '', purpose: '' });
    expect(d.categories[3].cookies[0]).toMatchObject({ name: 'yt-…', pattern: true });
    expect(d.categories[3].cookies[1]).toMatchObject({ days: 0, purpose: 'Remembers where you stopped the video.' });
    expect(d.categories[0].cookies[0]).toMatchObject({ days: 182, purpose: EN_COOKIES.consentPurpose });
  });

  it('declares only what is configured: no GA4 cookies without gaId, no Ads cookies without googleAdsId, the consent cookie’s own name and lifetime', () => {
    const d = declaration({ categories: ['analytics', 'marketing'], cookie: { name: 'site_consent' }, expiresDays: 30 });
    expect(table(d)).toEqual({ necessary: ['site_consent This site 30 days'], analytics: [], marketing: [] });
  });

  it('declares FPID (HttpOnly) where gtag.js or the container comes from the site’s own server', () => {
    for (const options of [{ gtagSrc: '/metrics/gtag/js' }, { gtmId: 'GTM-ABC1', gtmSrc: 'https://load.example.com/gtm.js' }]) {
      const fpid = declaration({ gaId: 'G-AAA111', ...options }).categories[1].cookies.find((c) => c.name == 'FPID');
      expect(fpid).toMatchObject({ provider: 'Google', days: 730, httpOnly: true });
    }
    expect(declaration({ gaId: 'G-AAA111' }).categories[1].cookies.map((c) => c.name)).toEqual(['_ga', '_ga_AAA111']);
  });

  it('speaks the visitor’s language: labels, purposes, lifetimes, and the site’s purpose in that language (else English)', () => {
    const de = declaration(SITE, 'de-AT');
    expect(de.lang).toBe('de');
    expect(de.labels).toMatchObject({ provider: 'Anbieter', lifetime: 'Speicherdauer', caption: 'Cookies: {category}' });
    expect(table(de).analytics[0]).toBe('_ga Google 2 Jahre');
    expect(de.categories[2].cookies[4].purpose).toBe('Sagt Meta, welche Anzeige Sie hergebracht hat.');
    expect(declaration(SITE, 'fr').categories[2].cookies[4].purpose).toBe('Tells Meta which ad brought you here.');
    expect(declaration(SITE, 'ar').categories[1].name).toBe(JSON.parse(readFileSync('src/ui/lang/ar.json', 'utf8')).analytics);
  });

  it('carries the visitor’s choices from the decision given', () => {
    const d = declaration(SITE, 'en', { id: '0123456789abcdef', timestamp: Date.now(), revision: 1, source: 'banner', mode: 'opt-in', categories: { analytics: true, marketing: false } });
    expect(d.categories.map((c) => c.granted)).toEqual([true, true, false, false]);
  });

  it('shows hostile or malformed entries as text or leaves them out, never as markup and never a crash', () => {
    const d = declaration({ categories: ['functional'], cookies: { functional: [{ name: 'x', provider: 42 as never, lifetime: -3, purpose: '<img src=x onerror=alert(1)>' }] } });
    expect(d.categories[1].cookies[0]).toMatchObject({ provider: 'This site', lifetime: '', purpose: '<img src=x onerror=alert(1)>' });
    expect(() => declaration({ cookies: { functional: [{ provider: 'Meta' } as never] } })).toThrow(/invalid cookies\.functional/);
  });
});

describe('the declaration’s texts', () => {
  const files = readdirSync('src/declaration/lang');
  const placeholders = (text: string) => (text.match(/\{\w+\}/g) || []).sort();

  it('exist for every language of the UI but English, which is built in', () => {
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual(LANGS.filter((l) => l != 'en').sort());
  });

  it.each(files)('%s has every key, each a non-empty text with the same placeholders as English', (file) => {
    const texts = JSON.parse(readFileSync(`src/declaration/lang/${file}`, 'utf8')) as Record<string, string>;
    expect(Object.keys(texts).sort()).toEqual(Object.keys(EN_COOKIES).sort());
    for (const [key, english] of Object.entries(EN_COOKIES)) {
      expect(texts[key].trim(), key).not.toBe('');
      expect(placeholders(texts[key]), key).toEqual(placeholders(english));
    }
    // The purpose of FPID names _ga, as English does.
    expect(texts.fpidPurpose).toContain('_ga');
  });
});

describe('in the browser', () => {
  let gate: ConsentGate | undefined;
  beforeEach(() => freshPage());
  afterEach(() => gate?.destroy());

  it('gate.declaration() gives the same data as the server, with the current choices', async () => {
    gate = createConsentGate({ ...SITE, ui: false });
    expect(await gate.declaration()).toEqual(declaration(SITE));
    const consent = gate.setConsent({ analytics: true });
    expect(await gate.declaration()).toEqual(declaration(SITE, 'en', consent));
  });

  it('the cleaner deletes exactly what the declaration lists: a site cookie it does not list is never touched', async () => {
    gate = createConsentGate({ ...SITE, ui: false });
    gate.acceptAll();
    const d = await gate.declaration();
    const declared = d.categories.filter((c) => c.category != 'necessary').flatMap((c) => c.cookies);
    const names = ['_ga', '_ga_AAA111', '_ga_BBB222', '_gcl_au', '_gcl_aw', '_gcl_dc', '_fbc', '_fbp', 'yt-remote', 'yt-player', '_shop_video'];
    const undeclared = ['session', '_fbp_own', 'fbc', 'yt', 'my-yt-prefs', '_shop_videos', '_gallery'];
    for (const name of [...names, ...undeclared]) seedCookie(`${name}=1; Domain=example.test; Path=/`);
    // Every name seeded is declared, by name or by pattern.
    for (const name of names) expect(declared.some((c) => (c.pattern ? name.startsWith(c.name.slice(0, -1)) : c.name == name)), name).toBe(true);
    gate.rejectAll();
    expect(jarContents()).toEqual([...undeclared.map((n) => `${n} example.test /`), 'cg_consent host-only /'].sort());
  });
});

describe('renderDeclaration (npm)', () => {
  let gate: ConsentGate | undefined;
  beforeEach(() => freshPage());
  afterEach(() => gate?.destroy());

  it('draws every category with its choice and table into the element, follows decisions, and its button opens the preferences', async () => {
    const { renderDeclaration } = await import('../../src');
    document.body.innerHTML = '<h2>Cookies</h2><div id="cookies"></div>';
    gate = createConsentGate(SITE);
    const element = document.getElementById('cookies')!;
    const stop = await renderDeclaration(element, gate);
    const root = element.shadowRoot!;
    const choices = () => Array.from(root.querySelectorAll('section')).map((s) => `${s.querySelector('h3')!.textContent}: ${s.querySelectorAll('p')[1].textContent}`);
    expect(choices()).toEqual(['Necessary: Always on', 'Analytics: Your choice: not allowed', 'Advertising: Your choice: not allowed', 'Functional: Your choice: not allowed']);
    expect(Array.from(root.querySelectorAll('caption')).map((c) => c.textContent)).toEqual(['Cookies: Necessary', 'Cookies: Analytics', 'Cookies: Advertising', 'Cookies: Functional']);
    gate.setConsent({ marketing: true });
    await vi.waitFor(() => expect(choices()[2]).toBe('Advertising: Your choice: allowed'));
    // The button is a data-consent-open element: a click opens the preferences.
    const button = root.querySelector('button')!;
    expect(button.hasAttribute('data-consent-open')).toBe(true);
    button.click();
    await vi.waitFor(() => expect(document.querySelector('consent-gate')?.shadowRoot?.querySelector('dialog')?.open).toBe(true));
    stop();
    gate.setConsent({ marketing: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(choices()[2]).toBe('Advertising: Your choice: allowed');
  });
  it.each(['ul', 'td', 'table'])('draws into a <%s>, which cannot hold a shadow root, through a block of its own inside it, once however often it is drawn', async (tag) => {
    const { renderDeclaration } = await import('../../src');
    document.body.innerHTML = tag == 'td' ? '<table><tr><td id="cookies"></td></tr></table>' : `<${tag} id="cookies"></${tag}>`;
    gate = createConsentGate(SITE);
    const element = document.getElementById('cookies')!;
    await renderDeclaration(element, gate);
    await renderDeclaration(element, gate);
    expect(element.children).toHaveLength(1);
    const captions = Array.from(element.children[0].shadowRoot!.querySelectorAll('caption')).map((c) => c.textContent);
    expect(captions).toEqual(['Cookies: Necessary', 'Cookies: Analytics', 'Cookies: Advertising', 'Cookies: Functional']);
  });
});
