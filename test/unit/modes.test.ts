// Opt-out mode, Google's opt-out add-on and Do Not Track, in the core (headless).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsentGate, type Consent, type ConsentGate, type ConsentGateOptions } from '../../src/headless';
import { encodeRecord } from '../../src/consent/record';
import { freshPage, gaWindow, jarContents, nextPage, seedCookie } from './page';

const open: ConsentGate[] = [];
const start = (options: ConsentGateOptions = {}) => {
  const gate = createConsentGate({ gaId: 'G-ABC123', ...options });
  open.push(gate);
  return gate;
};
const ALL = ['analytics', 'marketing', 'functional'] as const;
const gtagLoaded = () => Array.from(document.scripts).some((s) => s.src.includes('googletagmanager.com'));
const configured = () => (gaWindow().dataLayer || []).filter((a) => a[0] == 'config').map((a) => a[1]);
const disabled = () => gaWindow()['ga-disable-G-ABC123'];
const setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true });
const setDnt = (value: string | null) => Object.defineProperty(navigator, 'doNotTrack', { value, configurable: true });
/** Google's add-on, as it is before the page's scripts run. */
const installAddon = (ioo: () => unknown = () => true) => ((window as unknown as { _gaUserPrefs?: unknown })._gaUserPrefs = { ioo });
const record = (c: Partial<Consent>) =>
  encodeRecord({ id: '0123456789abcdef', timestamp: Date.now(), revision: 1, source: 'banner', mode: 'opt-in', categories: { analytics: true }, ...c });

beforeEach(() => freshPage());
afterEach(() => {
  open.splice(0).forEach((g) => g.destroy());
  setGpc(undefined);
  setDnt(null);
  delete (window as unknown as { _gaUserPrefs?: unknown })._gaUserPrefs;
  vi.restoreAllMocks();
});

describe('mode', () => {
  it('is opt-in by default: nothing runs before a decision', () => {
    const gate = start();
    expect(gate.needsDecision()).toBe(true);
    expect(gate.isGranted('analytics')).toBe(false);
    expect(gtagLoaded()).toBe(false);
  });

  it('refuses an unknown mode with a TypeError naming it (the script tag then runs opt-in)', () => {
    expect(() => start({ mode: 'optout' as never })).toThrow('consent-gate: invalid mode: optout');
    expect(() => start({ mode: 'US' as never })).toThrow(TypeError);
  });
});

describe('opt-out mode', () => {
  it('with no decision: every declared category runs, GA loads, no notice is needed, nothing is recorded', () => {
    const gate = start({ mode: 'opt-out', categories: [...ALL], googleAdsId: 'AW-1' });
    expect(gate.getConsent()).toBeNull();
    expect(gate.needsDecision()).toBe(false);
    expect(ALL.map((k) => gate.isGranted(k))).toEqual([true, true, true]);
    expect(gtagLoaded()).toBe(true);
    expect(disabled()).toBe(false);
    expect(configured()).toEqual(['G-ABC123', 'AW-1']);
    expect(jarContents().filter((c) => c.startsWith('cg_consent'))).toEqual([]);
  });

  it('turning a category off is stored, with the mode, and applied at once: GA stopped, its cookies cleared, on later pages too', () => {
    const gate = start({ mode: 'opt-out' });
    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    const onChange = vi.fn();
    gate.onChange(onChange);
    expect(gate.setConsent({ analytics: false })).toMatchObject({ source: 'api', mode: 'opt-out', categories: { analytics: false } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(disabled()).toBe(true);
    expect(jarContents().filter((c) => c.startsWith('_ga'))).toEqual([]);
    expect(jarContents().find((c) => c.startsWith('cg_consent'))).toBeDefined();
    nextPage();
    const next = start({ mode: 'opt-out' });
    expect(next.getConsent()).toMatchObject({ mode: 'opt-out', categories: { analytics: false } });
    expect(gtagLoaded()).toBe(false);
    expect(disabled()).toBe(true);
  });

  it('setConsent() changes only the categories it names: the others keep running', () => {
    const gate = start({ mode: 'opt-out', categories: [...ALL] });
    expect(gate.setConsent({ marketing: false })!.categories).toEqual({ analytics: true, marketing: false, functional: true });
    expect(gtagLoaded()).toBe(true);
    expect(disabled()).toBe(false);
  });

  it('a category declared after the decision runs (nothing was said against it)', () => {
    seedCookie('cg_consent=' + record({ mode: 'opt-out', categories: { analytics: false } }) + '; Path=/');
    const gate = start({ mode: 'opt-out', categories: ['analytics', 'marketing'] });
    expect([gate.isGranted('analytics'), gate.isGranted('marketing')]).toEqual([false, true]);
    expect(gate.needsDecision()).toBe(false);
  });

  it('under Global Privacy Control: every category off without asking, recorded as gpc, GA never loaded', () => {
    setGpc(true);
    const gate = start({ mode: 'opt-out', categories: [...ALL] });
    expect(gate.getConsent()).toMatchObject({ source: 'gpc', mode: 'opt-out', categories: { analytics: false, marketing: false, functional: false } });
    expect(gtagLoaded()).toBe(false);
    expect(gaWindow().dataLayer).toBeUndefined();
  });

  it('reset() returns to what runs by default', () => {
    const gate = start({ mode: 'opt-out' });
    gate.rejectAll();
    expect(gate.isGranted('analytics')).toBe(false);
    gate.reset();
    expect(gate.getConsent()).toBeNull();
    expect(gate.isGranted('analytics')).toBe(true);
  });
});

describe('Do Not Track', () => {
  it('is ignored by default', () => {
    setDnt('1');
    const gate = start({ mode: 'opt-out' });
    expect(gate.isGranted('analytics')).toBe(true);
    expect(gtagLoaded()).toBe(true);
  });

  it("with dnt: 'respect' counts as Global Privacy Control does, in either mode", () => {
    setDnt('1');
    const optOut = start({ mode: 'opt-out', dnt: 'respect' });
    expect(optOut.getConsent()).toMatchObject({ source: 'gpc', categories: { analytics: false } });
    expect(gtagLoaded()).toBe(false);
    freshPage();
    const optIn = start({ dnt: 'respect' });
    expect(optIn.needsDecision()).toBe(false);
    expect(optIn.getConsent()).toMatchObject({ source: 'gpc' });
  });

  it("is off for any value but '1'", () => {
    setDnt('0');
    expect(start({ mode: 'opt-out', dnt: 'respect' }).isGranted('analytics')).toBe(true);
  });
});

describe("Google's opt-out add-on", () => {
  it('in opt-out mode: analytics refused without asking, GA never loaded nor configured; the other categories run', () => {
    installAddon();
    const gate = start({ mode: 'opt-out', categories: [...ALL], googleAdsId: 'AW-1' });
    expect([gate.isGranted('analytics'), gate.isGranted('marketing'), gate.isGranted('functional')]).toEqual([false, true, true]);
    expect(disabled()).toBe(true);
    expect(configured()).toEqual(['AW-1']);
    expect(gate.needsDecision()).toBe(false);
  });

  it('in opt-in mode with analytics alone: nothing to ask, GA never loaded', () => {
    installAddon();
    const gate = start();
    expect(gate.needsDecision()).toBe(false);
    expect(gate.isGranted('analytics')).toBe(false);
    expect(gtagLoaded()).toBe(false);
  });

  it('"Accept all" grants the other categories, not analytics; naming analytics does', () => {
    installAddon();
    const gate = start({ categories: [...ALL] });
    expect(gate.needsDecision()).toBe(true);
    expect(gate.acceptAll()!.categories).toEqual({ analytics: false, marketing: true, functional: true });
    expect(disabled()).toBe(true);
    expect(configured()).toEqual([]);
    gate.setConsent({ analytics: true });
    expect(gate.isGranted('analytics')).toBe(true);
    expect(disabled()).toBe(false);
    expect(configured()).toEqual(['G-ABC123']);
  });

  it('outweighs a banner grant of analytics given before it was installed, not one given in the preferences', () => {
    seedCookie('cg_consent=' + record({ source: 'banner' }) + '; Path=/');
    installAddon();
    expect(start().isGranted('analytics')).toBe(false);
    expect(gtagLoaded()).toBe(false);
    nextPage();
    seedCookie('cg_consent=' + record({ source: 'preferences' }) + '; Path=/');
    installAddon();
    expect(start().isGranted('analytics')).toBe(true);
  });

  it('keeps GA out of undecided advanced Consent Mode', () => {
    installAddon();
    start({ consentMode: 'advanced', categories: ['analytics', 'marketing'], googleAdsId: 'AW-1' });
    expect(configured()).toEqual(['AW-1']);
    expect(disabled()).toBe(true);
  });

  it('counts only as ioo() returning true; a throwing or other object is no add-on', () => {
    installAddon(() => 'yes');
    expect(start({ mode: 'opt-out' }).isGranted('analytics')).toBe(true);
    freshPage();
    installAddon(() => {
      throw new Error('hostile');
    });
    expect(start({ mode: 'opt-out' }).isGranted('analytics')).toBe(true);
    for (const prefs of [null, { ioo: true }, 'ioo']) {
      freshPage();
      (window as unknown as { _gaUserPrefs?: unknown })._gaUserPrefs = prefs;
      expect(start({ mode: 'opt-out' }).isGranted('analytics')).toBe(true);
    }
  });
});
