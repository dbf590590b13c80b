import { beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeOptions } from '../../src/config';
import { createGoogleGate } from '../../src/google/google-gate';
import type { ConsentGateOptions } from '../../src/types';
import type { Win } from '../../src/lib/dom';
import { freshPage, gaWindow } from './page';

const ALL: ConsentGateOptions = { categories: ['analytics', 'marketing', 'functional'] };
const gate = (options: ConsentGateOptions = {}) => createGoogleGate(normalizeOptions({ gaId: ['G-ABC123', 'G-XYZ789'], ...options }), window as Win);
const entries = () => (gaWindow().dataLayer || []).map((a) => Array.from(a));
const gtagScripts = () => Array.from(document.scripts).filter((s) => s.src.includes('gtag/js'));
const configs = () => entries().filter((e) => e[0] == 'config').map((e) => e[1]);
const updates = () => entries().filter((e) => e[1] == 'update').map((e) => e[2]);

/** The Consent Mode v2 default the issue asks for, written out: every signal denied but security_storage. */
const DEFAULT = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

describe('Google gate', () => {
  beforeEach(() => freshPage());

  it('sets ga-disable for every GA ID from the first moment and loads nothing', () => {
    gate({ googleAdsId: 'AW-123' });
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(true);
    expect(gaWindow()['ga-disable-G-XYZ789']).toBe(true);
    expect(document.scripts).toHaveLength(0);
    expect(gaWindow().dataLayer).toBeUndefined();
  });

  it('on an analytics grant pushes arguments objects in Consent Mode order, then one async gtag.js', () => {
    gate()._apply({ analytics: true });
    for (const entry of gaWindow().dataLayer!) expect(Object.prototype.toString.call(entry)).toBe('[object Arguments]');
    const list = entries();
    expect(list[0]).toEqual(['consent', 'default', DEFAULT]);
    expect(list[1]).toEqual(['set', 'ads_data_redaction', true]);
    expect(list[2]).toEqual(['consent', 'update', { analytics_storage: 'granted' }]);
    expect(list[3][0]).toBe('js');
    expect(list[3][1]).toBeInstanceOf(Date);
    expect(list.slice(4)).toEqual([
      ['config', 'G-ABC123'],
      ['config', 'G-XYZ789'],
    ]);
    const scripts = gtagScripts();
    expect(scripts).toHaveLength(1);
    expect(scripts[0].async).toBe(true);
    expect(scripts[0].getAttribute('src')).toBe('https://www.googletagmanager.com/gtag/js?id=G-ABC123');
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(false);
    expect(gaWindow()['ga-disable-G-XYZ789']).toBe(false);
  });

  it('maps every category to its Consent Mode v2 signals; an undeclared category stays denied', () => {
    const g = gate({ ...ALL, googleAdsId: 'AW-123' });
    g._apply({ analytics: true, marketing: true, functional: true });
    expect(updates()).toEqual([
      {
        analytics_storage: 'granted',
        ad_storage: 'granted',
        ad_user_data: 'granted',
        ad_personalization: 'granted',
        functionality_storage: 'granted',
        personalization_storage: 'granted',
      },
    ]);
    freshPage();
    gate()._apply({ analytics: true, marketing: true, functional: true });
    expect(updates()).toEqual([{ analytics_storage: 'granted' }]);
  });

  it('with marketing denied and analytics granted, configures only the G- IDs and leaves ad_storage denied', () => {
    gate({ ...ALL, googleAdsId: ['AW-123', 'AW-456'] })._apply({ analytics: true, marketing: false, functional: false });
    expect(configs()).toEqual(['G-ABC123', 'G-XYZ789']);
    expect(updates()).toEqual([{ analytics_storage: 'granted' }]);
    expect(entries()[0][2]).toMatchObject({ ad_storage: 'denied' });
  });

  it('with only marketing granted, loads gtag.js for the AW- IDs and keeps GA switched off', () => {
    gate({ ...ALL, googleAdsId: 'AW-123' })._apply({ analytics: false, marketing: true, functional: false });
    expect(configs()).toEqual(['AW-123']);
    expect(gtagScripts()[0].getAttribute('src')).toBe('https://www.googletagmanager.com/gtag/js?id=AW-123');
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(true);
  });

  it('revoking one category updates only its signals: GA keeps running without marketing, and the reverse', () => {
    const g = gate({ ...ALL, googleAdsId: 'AW-123' });
    g._apply({ analytics: true, marketing: true, functional: false });
    g._apply({ analytics: true, marketing: false, functional: false });
    expect(updates().at(-1)).toEqual({ ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(false);
    g._apply({ analytics: false, marketing: true, functional: false });
    expect(updates().slice(-1)).toEqual([{ analytics_storage: 'denied', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }]);
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(true);
    expect(gtagScripts()).toHaveLength(1);
  });

  it('configures an ID once, when its category is first granted', () => {
    const g = gate({ ...ALL, googleAdsId: 'AW-123' });
    g._apply({ analytics: true, marketing: false });
    g._apply({ analytics: true, marketing: true });
    g._apply({ analytics: false, marketing: false });
    g._apply({ analytics: true, marketing: true });
    expect(configs()).toEqual(['G-ABC123', 'G-XYZ789', 'AW-123']);
    expect(entries().filter((e) => e[1] == 'default')).toHaveLength(1);
  });

  it('sends ads_data_redaction and url_passthrough as configured, before any config', () => {
    gate({ adsDataRedaction: false, urlPassthrough: true })._apply({ analytics: true });
    const list = entries();
    expect(list.some((e) => e[1] == 'ads_data_redaction')).toBe(false);
    expect(list.findIndex((e) => e[1] == 'url_passthrough')).toBeLessThan(list.findIndex((e) => e[0] == 'config'));
  });

  it('never loads gtag.js twice, even from a second gate on the same page or for another ID', () => {
    gate()._apply({ analytics: true });
    gate()._apply({ analytics: true });
    const g = gate({ ...ALL, googleAdsId: 'AW-123' });
    g._apply({ marketing: true });
    g._apply({ analytics: true, marketing: true });
    expect(gtagScripts()).toHaveLength(1);
  });

  it('on revoke sets the flags and denies analytics_storage; a later grant works again without a reload', () => {
    const g = gate();
    g._apply({ analytics: true });
    g._apply({ analytics: false });
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(true);
    expect(updates().at(-1)).toEqual({ analytics_storage: 'denied' });
    g._apply({ analytics: true });
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(false);
    expect(updates().at(-1)).toEqual({ analytics_storage: 'granted' });
    expect(gtagScripts()).toHaveLength(1);
  });

  it('a denial before any grant pushes nothing to the dataLayer', () => {
    gate({ ...ALL, googleAdsId: 'AW-1' })._apply({ analytics: false, marketing: false, functional: false });
    expect(gaWindow().dataLayer).toBeUndefined();
  });

  it('advanced mode loads gtag.js with every signal denied and every tag configured for cookieless pings', () => {
    gate({ consentMode: 'advanced', googleAdsId: 'AW-1' })._apply(null);
    expect(entries()[0]).toEqual(['consent', 'default', DEFAULT]);
    expect(updates()).toEqual([]);
    expect(configs()).toEqual(['G-ABC123', 'G-XYZ789', 'AW-1']);
    expect(gtagScripts()).toHaveLength(1);
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(false);
  });

  it('applies the nonce and a first-party gtagSrc', () => {
    gate({ nonce: 'r4nd0m', gtagSrc: '/metrics/gtag.js?v=2' })._apply({ analytics: true });
    const [script] = document.scripts;
    expect(script.nonce).toBe('r4nd0m');
    expect(script.getAttribute('src')).toBe('/metrics/gtag.js?v=2&id=G-ABC123');
  });

  it('keeps a gtag function the site already defined and never replaces dataLayer', () => {
    const own = vi.fn();
    const layer: unknown[] = [];
    Object.assign(window, { gtag: own, dataLayer: layer });
    gate()._apply({ analytics: true });
    expect(gaWindow().gtag).toBe(own);
    expect(gaWindow().dataLayer).toBe(layer);
    expect(layer.length).toBeGreaterThan(0);
  });

  it('reports a gtag.js that failed to load with consent-gate:ga-error, and tries again on the next grant', () => {
    const g = gate();
    const errors: CustomEvent[] = [];
    window.addEventListener('consent-gate:ga-error', (e) => errors.push(e as CustomEvent));
    g._apply({ analytics: true });
    const [failed] = gtagScripts();
    failed.dispatchEvent(new Event('error'));
    expect(errors).toHaveLength(1);
    expect(errors[0].detail.src).toContain('gtag/js?id=G-ABC123');
    expect(gtagScripts()).toHaveLength(0);
    g._apply({ analytics: true });
    expect(gtagScripts()).toHaveLength(1);
    expect(gtagScripts()[0]).not.toBe(failed);
  });

  it('does nothing without a Google ID', () => {
    createGoogleGate(normalizeOptions({ categories: ['analytics', 'marketing'] }), window as Win)._apply({ analytics: true, marketing: true });
    expect(gaWindow().dataLayer).toBeUndefined();
    expect(document.scripts).toHaveLength(0);
  });
});

describe('Google Tag Manager container', () => {
  beforeEach(() => freshPage());
  const layer = (name = 'dataLayer') => (gaWindow() as unknown as Record<string, unknown[]>)[name] || [];
  const kinds = (name?: string) => layer(name).map((e) => Object.prototype.toString.call(e));
  const containerScripts = () => Array.from(document.scripts).filter((s) => s.src.includes('gtm.js'));
  const start = (options: ConsentGateOptions = {}) =>
    createGoogleGate(normalizeOptions({ categories: ['analytics', 'marketing', 'functional'], gtmId: 'GTM-ABC123', ...options }), window as Win);

  it('loads nothing before a choice, after a refusal, or for functional alone', () => {
    const g = start();
    g._apply(null);
    g._apply({ analytics: false, marketing: false, functional: false });
    g._apply({ analytics: false, marketing: false, functional: true });
    expect(document.scripts).toHaveLength(0);
    expect(gaWindow().dataLayer).toBeUndefined();
  });

  it('on a grant: consent default (with wait_for_update), set, update, then gtm.js once and one async container script; every command an arguments object', () => {
    start()._apply({ analytics: true, marketing: false, functional: false });
    const list = layer();
    expect(kinds().slice(0, 3)).toEqual(['[object Arguments]', '[object Arguments]', '[object Arguments]']);
    expect(Array.from(list[0] as IArguments)).toEqual(['consent', 'default', { ...DEFAULT, wait_for_update: 500 }]);
    expect(Array.from(list[1] as IArguments)).toEqual(['set', 'ads_data_redaction', true]);
    expect(Array.from(list[2] as IArguments)).toEqual(['consent', 'update', { analytics_storage: 'granted' }]);
    expect(list[3]).toEqual({ 'gtm.start': expect.any(Number), event: 'gtm.js' });
    expect(list[4]).toEqual({ event: 'consent_gate_update', consent_gate: { analytics: 'granted', marketing: 'denied', functional: 'denied' } });
    expect(list).toHaveLength(5);
    const scripts = containerScripts();
    expect(scripts.map((s) => s.getAttribute('src'))).toEqual(['https://www.googletagmanager.com/gtm.js?id=GTM-ABC123']);
    expect(scripts[0].async).toBe(true);
  });

  it('on every later decision: consent update, then the event; never a second gtm.js or container', () => {
    const g = start();
    g._apply({ analytics: true, marketing: false, functional: false });
    g._apply({ analytics: true, marketing: true, functional: false });
    g._apply({ analytics: false, marketing: false, functional: false });
    const list = layer().slice(5).map((e) => (Object.prototype.toString.call(e) == '[object Arguments]' ? Array.from(e as IArguments) : e));
    expect(list).toEqual([
      ['consent', 'update', { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }],
      { event: 'consent_gate_update', consent_gate: { analytics: 'granted', marketing: 'granted', functional: 'denied' } },
      ['consent', 'update', { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }],
      { event: 'consent_gate_update', consent_gate: { analytics: 'denied', marketing: 'denied', functional: 'denied' } },
    ]);
    expect(layer().filter((e) => (e as { event?: string }).event == 'gtm.js')).toHaveLength(1);
    expect(containerScripts()).toHaveLength(1);
  });

  it('with gaId beside it, never loads gtag.js (the container holds the GA4 tag), and still sets ga-disable', () => {
    const g = start({ gaId: 'G-ABC123', googleAdsId: 'AW-1' });
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(true);
    g._apply({ analytics: true, marketing: true, functional: true });
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(false);
    expect(gtagScripts()).toHaveLength(0);
    expect(configs()).toEqual([]);
    expect(layer().some((e) => (e as IArguments)[0] == 'js')).toBe(false);
    g._apply({ analytics: false, marketing: true, functional: true });
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(true);
  });

  it('a custom data layer name: l= in the URL, nothing written to window.dataLayer', () => {
    start({ dataLayerName: 'shopLayer', gtmSrc: 'https://tags.example.test/gtm.js' })._apply({ analytics: true });
    expect(gaWindow().dataLayer).toBeUndefined();
    expect(layer('shopLayer')).toHaveLength(5);
    expect(containerScripts()[0].getAttribute('src')).toBe('https://tags.example.test/gtm.js?id=GTM-ABC123&l=shopLayer');
  });

  it('skips the injection when the page already has that container', () => {
    const own = document.createElement('script');
    own.src = 'https://www.googletagmanager.com/gtm.js?id=GTM-ABC123';
    document.head.append(own);
    start()._apply({ analytics: true });
    expect(containerScripts()).toHaveLength(1);
    freshPage();
    (gaWindow() as unknown as Record<string, unknown>).google_tag_manager = { 'GTM-ABC123': {} };
    start()._apply({ marketing: true });
    expect(containerScripts()).toHaveLength(0);
    delete (gaWindow() as unknown as Record<string, unknown>).google_tag_manager;
  });

  it('opens for the categories given in gtmCategories', () => {
    start({ gtmCategories: ['functional'] })._apply({ analytics: false, marketing: false, functional: true });
    expect(containerScripts()).toHaveLength(1);
  });
});
