import { beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeOptions } from '../../src/config';
import { createGaGate, DENIED_DEFAULTS } from '../../src/google/ga-gate';
import type { Win } from '../../src/lib/dom';
import { freshPage, gaWindow } from './page';

const gate = (options = {}) => createGaGate(normalizeOptions({ gaId: ['G-ABC123', 'G-XYZ789'], ...options }), window as Win);
const entries = () => (gaWindow().dataLayer || []).map((a) => Array.from(a));
const gtagScripts = () => Array.from(document.scripts).filter((s) => s.src.includes('gtag/js'));

describe('Google Analytics gate', () => {
  beforeEach(() => freshPage());

  it('sets ga-disable for every ID from the first moment and loads nothing', () => {
    gate();
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(true);
    expect(gaWindow()['ga-disable-G-XYZ789']).toBe(true);
    expect(document.scripts).toHaveLength(0);
    expect(gaWindow().dataLayer).toBeUndefined();
  });

  it('on grant pushes arguments objects in Consent Mode order, then one async gtag.js', () => {
    const ga = gate();
    ga._start(true);
    const layer = gaWindow().dataLayer!;
    for (const entry of layer) expect(Object.prototype.toString.call(entry)).toBe('[object Arguments]');
    const list = entries();
    expect(list[0]).toEqual(['consent', 'default', DENIED_DEFAULTS]);
    expect(Object.keys(list[0][2] as object)).toHaveLength(7);
    expect(list[1]).toEqual(['consent', 'update', { analytics_storage: 'granted' }]);
    expect(list[2][0]).toBe('js');
    expect(list[2][1]).toBeInstanceOf(Date);
    expect(list.slice(3)).toEqual([
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

  it('never loads gtag.js twice, even from a second gate on the same page', () => {
    gate()._start(true);
    gate()._start(true);
    const ga = gate();
    ga._start(true);
    ga._start(true);
    expect(gtagScripts()).toHaveLength(1);
  });

  it('on revoke sets the flags and denies analytics_storage; a later grant works again without a reload', () => {
    const ga = gate();
    ga._start(true);
    const before = entries().length;
    ga._deny();
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(true);
    expect(entries()[before]).toEqual(['consent', 'update', { analytics_storage: 'denied' }]);
    ga._start(true);
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(false);
    expect(entries()[before + 1]).toEqual(['consent', 'update', { analytics_storage: 'granted' }]);
    expect(entries().filter((e) => e[0] == 'consent' && e[1] == 'default')).toHaveLength(1);
    expect(gtagScripts()).toHaveLength(1);
  });

  it('denying before any grant pushes nothing to the dataLayer', () => {
    gate()._deny();
    expect(gaWindow().dataLayer).toBeUndefined();
  });

  it('advanced mode loads gtag.js with every signal denied and GA enabled for cookieless pings', () => {
    gate({ consentMode: 'advanced' })._start();
    expect(entries()[0]).toEqual(['consent', 'default', DENIED_DEFAULTS]);
    expect(entries()[1][0]).toBe('js');
    expect(entries().some((e) => e[1] == 'update')).toBe(false);
    expect(gtagScripts()).toHaveLength(1);
    expect(gaWindow()['ga-disable-G-ABC123']).toBe(false);
  });

  it('applies the nonce and a first-party gtagSrc', () => {
    gate({ nonce: 'r4nd0m', gtagSrc: '/metrics/gtag.js?v=2' })._start(true);
    const [script] = document.scripts;
    expect(script.nonce).toBe('r4nd0m');
    expect(script.getAttribute('src')).toBe('/metrics/gtag.js?v=2&id=G-ABC123');
  });

  it('keeps a gtag function the site already defined and never replaces dataLayer', () => {
    const own = vi.fn();
    const layer: unknown[] = [];
    Object.assign(window, { gtag: own, dataLayer: layer });
    gate()._start(true);
    expect(gaWindow().gtag).toBe(own);
    expect(gaWindow().dataLayer).toBe(layer);
    expect(layer.length).toBeGreaterThan(0);
  });

  it('reports a gtag.js that failed to load with consent-gate:ga-error, and tries again on the next grant', () => {
    const ga = gate();
    const errors: CustomEvent[] = [];
    window.addEventListener('consent-gate:ga-error', (e) => errors.push(e as CustomEvent));
    ga._start(true);
    const [failed] = gtagScripts();
    failed.dispatchEvent(new Event('error'));
    expect(errors).toHaveLength(1);
    expect(errors[0].detail.src).toContain('gtag/js?id=G-ABC123');
    expect(gtagScripts()).toHaveLength(0);
    ga._start(true);
    expect(gtagScripts()).toHaveLength(1);
    expect(gtagScripts()[0]).not.toBe(failed);
  });

  it('does nothing without a measurement ID', () => {
    createGaGate(normalizeOptions({}), window as Win)._start(true);
    expect(gaWindow().dataLayer).toBeUndefined();
    expect(document.scripts).toHaveLength(0);
  });
});
