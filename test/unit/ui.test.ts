import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeOptions } from '../../src/config';
import { startCore, type Core } from '../../src/gate';
import { mountUi, resolveTexts } from '../../src/ui/mount';
import { startUi } from '../../src/ui/start';
import { chunkLoaders } from '../../src/ui/loaders';
import { pickLang } from '../../src/ui/pick-lang';
import { EN, LANGS } from '../../src/ui/texts';
import { EN_PREFERENCES } from '../../src/ui/texts-preferences';
import { readdirSync, readFileSync } from 'node:fs';
import type { ConsentGateOptions } from '../../src/types';
import type { Win } from '../../src/lib/dom';
import { freshPage, seedCookie } from './page';

let core: Core | undefined;
/** How many times the notice's module was asked for. */
let uiLoads = 0;
const mount = (options: ConsentGateOptions = {}) => {
  const c = normalizeOptions({ gaId: 'G-ABC123', policyUrl: '/privacy', ...options });
  core = startCore(c, window as Win);
  // The notice's module handed over at once (the chunk's loader would take a moment).
  startUi(core, c, window as Win, { ...chunkLoaders, ui: () => (uiLoads++, { mountUi }) });
  return core;
};
const shadow = () => document.querySelector('consent-gate')!.shadowRoot!;
const notice = () => shadow().querySelector<HTMLElement>('.n')!;
const dialog = () => shadow().querySelector('dialog')!;
/** The preferences are a chunk loaded on demand: wait until the dialog is open. */
const opened = () => vi.waitFor(() => expect(shadow().querySelector('dialog')?.open).toBe(true));
const buttons = (root: ParentNode) => Array.from(root.querySelectorAll('button'));
const byText = (root: ParentNode, text: string) => buttons(root).find((b) => b.textContent == text)!;
const analyticsSwitch = () => dialog().querySelectorAll('input')[1] as HTMLInputElement;
const key = (target: EventTarget, k: string, shiftKey = false, code = k) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, code, shiftKey, bubbles: true, composed: true, cancelable: true }));
const setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true });

beforeEach(() => {
  uiLoads = 0;
  freshPage('https://www.shop.example.test/');
  document.documentElement.lang = 'en';
  document.body.innerHTML = '<a href="/">Home</a><a href="#" id="settings" data-consent-open>Cookie settings</a><span id="span" tabindex="0" data-consent-open>Settings</span>';
});
afterEach(() => {
  core?.destroy();
  setGpc(undefined);
  vi.restoreAllMocks();
});

describe('the notice', () => {
  it('shows while undecided, first in the tab order, with the text, the policy link and three equal buttons', () => {
    mount();
    expect(document.body.firstElementChild!.tagName).toBe('CONSENT-GATE');
    expect(notice().hidden).toBe(false);
    expect(notice().querySelector('p')!.textContent).toContain(EN.notice.replace('{purposes}', 'Analytics'));
    expect(notice().querySelector('a')!.getAttribute('href')).toBe('/privacy');
    const [accept, reject, customize] = buttons(notice());
    expect([accept.textContent, reject.textContent, customize.textContent]).toEqual(['Accept all', 'Reject all', 'Customize']);
    expect(new Set([accept, reject, customize].map((b) => b.className))).toEqual(new Set(['']));
  });

  it('records a banner decision and hides itself, giving back the space it reserved', () => {
    const gate = mount();
    byText(notice(), 'Reject all').click();
    expect(gate.getConsent()).toMatchObject({ categories: { analytics: false }, source: 'banner' });
    expect(notice().hidden).toBe(true);
    expect(document.body.style.paddingBottom).toBe('');
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
  });

  it("keeps the page's bottom free for the notice, following every change of its size", () => {
    // jsdom lays nothing out: the notice's height and the observer's calls are the test's.
    let callback: (() => void) | undefined;
    const watched = new Set<Element>();
    vi.stubGlobal('ResizeObserver', class {
      constructor(f: () => void) {
        callback = f;
      }
      observe(target: Element) {
        watched.add(target);
      }
      disconnect() {
        watched.clear();
      }
    });
    // The next frame, on demand.
    let frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    const nextFrame = () => {
      const run = frames;
      frames = [];
      run.forEach((f) => f());
    };
    // What a browser does when an element's size changes: calls the observers that watch it.
    const resized = (target: Element) => watched.has(target) && callback!();
    let height = 59;
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('n') && !this.hidden ? height : 0;
    });
    const gate = mount();
    // A ResizeObserver reports an element's size once when it starts watching it (after the browser's layout).
    expect(document.body.style.paddingBottom).toBe('');
    resized(notice());
    // Written in the next frame, not in the observer's callback (where a scroll bar it brings could not be reported).
    expect(document.body.style.paddingBottom).toBe('');
    nextFrame();
    expect(document.body.style.paddingBottom).toBe('59px');
    // The stylesheet applied late (as in WebKit), a font, a language or the zoom: the notice grew.
    height = 77;
    resized(notice());
    resized(notice());
    expect(frames).toHaveLength(1);
    nextFrame();
    expect(document.body.style.paddingBottom).toBe('77px');
    expect(document.documentElement.style.scrollPaddingBottom).toBe('77px');
    // Hidden: its size is 0, which the observer reports.
    gate.rejectAll();
    resized(notice());
    nextFrame();
    expect(document.body.style.paddingBottom).toBe('');
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
    gate.destroy();
    expect(watched.size).toBe(0);
    vi.unstubAllGlobals();
  });

  it('does not count Escape as consent', () => {
    const gate = mount();
    key(notice(), 'Escape');
    expect(gate.getConsent()).toBeNull();
    expect(notice().hidden).toBe(false);
  });

  it('is not even loaded once a decision exists, and showBanner brings it back', async () => {
    mount().acceptAll();
    core!.destroy();
    const gate = mount();
    expect(uiLoads).toBe(1);
    expect(document.querySelector('consent-gate')).toBeNull();
    gate.showBanner();
    await vi.waitFor(() => expect(notice().hidden).toBe(false));
    expect(uiLoads).toBe(2);
  });

  it('that cannot be loaded: a load ahead (at idle for the floating button, on intent) fails silently (the page may be on its way out), one a click needed says so, once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    mount().acceptAll();
    core!.destroy();
    const c = normalizeOptions({ gaId: 'G-ABC123', floatingButton: true });
    core = startCore(c, window as Win);
    let loads = 0;
    startUi(core, c, window as Win, { ...chunkLoaders, ui: () => (loads++, Promise.resolve(undefined)) });
    // The floating button's load, once the page is idle.
    await vi.waitFor(() => expect(loads).toBe(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(error).not.toHaveBeenCalled();
    const settings = document.getElementById('settings')!;
    settings.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    settings.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await vi.waitFor(() => expect(loads).toBe(2));
    await new Promise((r) => setTimeout(r, 10));
    expect(error).not.toHaveBeenCalled();
    settings.click();
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith('consent-gate: notice not loaded'));
    expect(loads).toBeGreaterThanOrEqual(3);
    expect(error).toHaveBeenCalledOnce();
  });

  it('is not loaded under Global Privacy Control', () => {
    setGpc(true);
    mount();
    expect(uiLoads).toBe(0);
    expect(document.querySelector('consent-gate')).toBeNull();
  });

  it('shows hostile texts as literal text', () => {
    mount({ texts: { notice: '<img src=x onerror="window.pwned=1">', acceptAll: '<b>Yes</b>' } });
    expect(notice().querySelector('p')!.textContent).toContain('<img src=x onerror="window.pwned=1">');
    expect(shadow().querySelector('img, b')).toBeNull();
    expect(byText(notice(), '<b>Yes</b>')).toBeDefined();
  });

  it('leaves out a text that is not a string', () => {
    mount({ texts: { rejectAll: 42 as never, acceptAll: { toString: () => '<b>' } as never } });
    expect(byText(notice(), 'Reject all')).toBeDefined();
    expect(byText(notice(), 'Accept all')).toBeDefined();
  });

  it('is styled inside its shadow root through a constructable stylesheet (no <style>, so no unsafe-inline)', () => {
    let adopted: CSSStyleSheet[] = [];
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', { configurable: true, get: () => adopted, set: (v) => (adopted = v) });
    try {
      mount();
      expect(adopted).toHaveLength(1);
      expect(Array.from(adopted[0].cssRules, (r) => r.cssText).join('')).toContain('--cg-accent');
      expect(shadow().querySelector('style')).toBeNull();
    } finally {
      delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    }
  });

  it('works unstyled where constructable stylesheets are missing (jsdom, Safari before 16.4)', () => {
    const gate = mount();
    expect(shadow().querySelector('style')).toBeNull();
    byText(notice(), 'Accept all').click();
    expect(gate.getConsent()).toMatchObject({ categories: { analytics: true } });
  });

  it('forces a theme', () => {
    mount({ theme: 'dark' });
    expect((document.querySelector('consent-gate') as HTMLElement).dataset.theme).toBe('dark');
  });
});

describe('the preferences dialog', () => {
  it('opens from Customize as a labelled modal dialog, focus inside, nothing pre-ticked', async () => {
    mount();
    byText(notice(), 'Customize').click();
    await opened();
    const d = dialog();
    expect(d.open).toBe(true);
    expect(d.getAttribute('role')).toBe('dialog');
    expect(d.getAttribute('aria-modal')).toBe('true');
    expect(shadow().getElementById(d.getAttribute('aria-labelledby')!)!.textContent).toBe('Cookie preferences');
    const [necessary, analytics] = Array.from(d.querySelectorAll('input'));
    expect([necessary.checked, necessary.disabled, necessary.getAttribute('role')]).toEqual([true, true, 'switch']);
    expect([analytics.checked, analytics.getAttribute('role')]).toEqual([false, 'switch']);
    expect(analytics.closest('label')!.textContent).toBe('Analytics');
    expect(necessary.closest('label')!.textContent).toBe('Necessary Always on');
    expect(shadow().activeElement).toBe(analytics);
  });

  it('closes on Escape without a decision and gives focus back to its opener', async () => {
    const gate = mount();
    const customize = byText(notice(), 'Customize');
    customize.focus();
    customize.click();
    await opened();
    key(dialog(), 'Escape');
    expect(dialog().open).toBe(false);
    expect(gate.getConsent()).toBeNull();
    expect(shadow().activeElement).toBe(customize);
  });

  it('keeps Tab inside, wrapping both ways', async () => {
    mount();
    byText(notice(), 'Customize').click();
    await opened();
    // The cookie tables' disclosures (their summaries) are in the order too.
    await vi.waitFor(() => expect(dialog().querySelector('summary')).not.toBeNull());
    const items = Array.from(dialog().querySelectorAll<HTMLElement>('button, input:not([disabled]), a[href], summary')).filter((x) => !x.closest('[hidden]'));
    items[items.length - 1].focus();
    key(items[items.length - 1], 'Tab');
    expect(shadow().activeElement).toBe(items[0]);
    key(items[0], 'Tab', true);
    expect(shadow().activeElement).toBe(items[items.length - 1]);
    // WebKitGTK reports Shift+Tab with key 'Unidentified' and code 'Tab'.
    items[0].focus();
    key(items[0], 'Unidentified', true, 'Tab');
    expect(shadow().activeElement).toBe(items[items.length - 1]);
  });

  it('saves the switch as a preferences decision and announces it', async () => {
    const gate = mount();
    byText(notice(), 'Customize').click();
    await opened();
    analyticsSwitch().click();
    byText(dialog(), 'Save choices').click();
    expect(gate.getConsent()).toMatchObject({ categories: { analytics: true }, source: 'preferences' });
    expect(dialog().open).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect(shadow().querySelector('.v[role=status]')!.textContent).toBe('Choices saved.');
  });

  it('opens from any data-consent-open element (click or Enter) and shows the current choice', async () => {
    mount().acceptAll();
    const link = document.getElementById('settings')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    await opened();
    expect(analyticsSwitch().checked).toBe(true);
    key(dialog(), 'Escape');
    expect(document.activeElement).toBe(link);
    key(document.getElementById('span')!, 'Enter');
    await opened();
  });

  it('opens from showPreferences', async () => {
    mount().showPreferences();
    await opened();
  });

  it('deletes analytics cookies on request and announces how many', async () => {
    mount();
    seedCookie('_ga=GA1.1.111.222; Domain=example.test; Path=/');
    seedCookie('_gid=GA1.1.1.1; Path=/');
    core!.showPreferences();
    await opened();
    byText(dialog(), 'Delete analytics cookies').click();
    await new Promise((r) => setTimeout(r, 80));
    expect(dialog().querySelector('[role=status]')!.textContent).toBe('Analytics cookies deleted: 2.');
    expect(document.cookie).toBe('');
  });

  it('shows the GA client ID with a link to the deletion request, only with deletionRequestUrl', async () => {
    seedCookie('_ga=GA1.1.12345.67890; Domain=example.test; Path=/');
    mount({ deletionRequestUrl: '/erase?site=shop' }).showPreferences();
    await opened();
    const link = dialog().querySelector<HTMLAnchorElement>('a')!;
    expect(link.parentElement!.textContent).toContain('Your Google Analytics ID: 12345.67890.');
    expect(link.getAttribute('href')).toBe('/erase?site=shop&cid=12345.67890');
    core!.destroy();
    mount().showPreferences();
    await opened();
    expect(dialog().querySelector('a')).toBeNull();
  });

  it('refuses a deletionRequestUrl that is not http(s) or relative', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    seedCookie('_ga=GA1.1.12345.67890; Path=/');
    mount({ deletionRequestUrl: 'javascript:alert(1)' }).showPreferences();
    await opened();
    expect(dialog().querySelector('a')).toBeNull();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('deletionRequestUrl'));
  });

  it('says that Global Privacy Control is honoured', async () => {
    setGpc(true);
    mount().showPreferences();
    await opened();
    expect(Array.from(dialog().querySelectorAll('p')).find((p) => !p.hidden && p.textContent!.includes('Opt-out preference signal honored'))).toBeDefined();
  });
});

describe('categories in the notice and the preferences', () => {
  const ALL = ['analytics', 'marketing', 'functional'] as const;
  const section = (name: string) => Array.from(dialog().querySelectorAll('.c')).find((c) => c.querySelector('label')?.textContent?.startsWith(name))!;

  it('the notice names the declared categories, in their fixed order', () => {
    mount({ categories: ['functional', 'analytics'] });
    expect(notice().querySelector('p')!.textContent).toContain('we also use cookies for: Analytics, Functional.');
  });

  it('the preferences show one switch per declared category, in order, with what it does and its cookies from the configuration', async () => {
    mount({ categories: [...ALL], gaId: ['G-ABC123', 'G-XYZ789'], googleAdsId: 'AW-1', expiresDays: 90, cookie: { name: 'shop_consent' }, cookies: { marketing: ['_fbp'], functional: [/^yt-/] } });
    core!.showPreferences();
    await opened();
    const labels = Array.from(dialog().querySelectorAll('label')).map((l) => l.textContent);
    expect(labels).toEqual(['Necessary Always on', 'Analytics', 'Advertising', 'Functional']);
    expect(Array.from(dialog().querySelectorAll('input[role=switch]')).map((i) => (i as HTMLInputElement).checked)).toEqual([true, false, false, false]);
    expect(section('Analytics').textContent).toContain('pseudonymous ID');
    // Under each, its cookies as a table in a disclosure, closed.
    await vi.waitFor(() => expect(dialog().querySelectorAll('details')).toHaveLength(4));
    const details = (name: string) => section(name).querySelector('details')!;
    expect(Array.from(dialog().querySelectorAll('details')).map((d) => [d.open, d.querySelector('summary')!.textContent])).toEqual([
      [false, 'Cookies used (1)'],
      [false, 'Cookies used (3)'],
      [false, 'Cookies used (4)'],
      [false, 'Cookies used (1)'],
    ]);
    const rows = (name: string) =>
      Array.from(details(name).querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((cell) => cell.textContent).slice(0, 4).join(' | '));
    expect(rows('Necessary')).toEqual(['shop_consent | This site | First party | 90 days']);
    expect(rows('Analytics')).toEqual(['_ga | Google | First party | 2 years', '_ga_ABC123 | Google | First party | 2 years', '_ga_XYZ789 | Google | First party | 2 years']);
    expect(rows('Advertising')).toEqual(['_gcl_au | Google | First party | 90 days', '_gcl_aw | Google | First party | 90 days', '_gcl_dc | Google | First party | 90 days', '_fbp | This site | First party | –']);
    expect(rows('Functional')).toEqual(['yt-… | This site | First party | –']);
    // A real table: a caption, header cells with their scope, each name a row header, isolated left to right.
    const table = details('Analytics').querySelector('table')!;
    expect(table.caption!.textContent).toBe('Cookies: Analytics');
    expect(Array.from(table.querySelectorAll('thead th')).map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Cookie', 'col'],
      ['Provider', 'col'],
      ['Type', 'col'],
      ['Lifetime', 'col'],
      ['Purpose', 'col'],
    ]);
    const name = table.querySelector('tbody th')!;
    expect([name.getAttribute('scope'), name.firstElementChild!.tagName, name.firstElementChild!.getAttribute('dir')]).toEqual(['row', 'BDI', 'ltr']);
  });

  it('saves each switch as it is set', async () => {
    const gate = mount({ categories: [...ALL] });
    gate.showPreferences();
    await opened();
    (section('Advertising').querySelector('input') as HTMLInputElement).click();
    byText(dialog(), 'Save choices').click();
    expect(gate.getConsent()).toMatchObject({ source: 'preferences', categories: { analytics: false, marketing: true, functional: false } });
  });

  it('asks again for a category declared after the decision, the preferences showing the recorded choices', async () => {
    mount().acceptAll();
    core!.destroy();
    const gate = mount({ categories: ['analytics', 'marketing'] });
    expect(notice().hidden).toBe(false);
    gate.showPreferences();
    await opened();
    expect((section('Analytics').querySelector('input') as HTMLInputElement).checked).toBe(true);
    expect((section('Advertising').querySelector('input') as HTMLInputElement).checked).toBe(false);
    byText(dialog(), 'Save choices').click();
    expect(notice().hidden).toBe(true);
  });
});

describe('before the UI is ready', () => {
  it('queues showPreferences() and showBanner() called at once, and ready tells when the UI is drawn', async () => {
    const { createConsentGate } = await import('../../src');
    const gate = createConsentGate({ gaId: 'G-ABC123' });
    core = gate as Core;
    gate.acceptAll();
    gate.showBanner();
    // The UI chunk has not loaded yet: nothing is drawn, the call waits.
    expect(document.querySelector('consent-gate')).toBeNull();
    await gate.ready;
    expect(notice().hidden).toBe(false);
    gate.destroy();
    const second = createConsentGate({ gaId: 'G-ABC123' });
    core = second as Core;
    second.showPreferences();
    await second.ready;
    await opened();
  });

  it('is ready at once in headless mode', async () => {
    const { createConsentGate } = await import('../../src/headless');
    const gate = createConsentGate();
    let resolved = false;
    void gate.ready.then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(true);
    gate.destroy();
  });
});

describe('the floating button', () => {
  it('shows while the notice is hidden and opens the preferences', async () => {
    mount({ floatingButton: true }).rejectAll();
    // It comes with the preferences, loaded while the page is idle.
    await vi.waitFor(() => expect(shadow().querySelector('.f')).not.toBeNull());
    const floating = shadow().querySelector<HTMLButtonElement>('.f')!;
    expect(floating.hidden).toBe(false);
    core!.showBanner();
    expect(floating.hidden).toBe(true);
    byText(notice(), 'Reject all').click();
    expect(floating.hidden).toBe(false);
    floating.click();
    await opened();
  });
});

describe('opt-out mode, signals and the add-on in the UI', () => {
  const floating = () => shadow().querySelector<HTMLButtonElement>('.f');

  it('shows no notice but a "Your Privacy Choices" button with California\'s icon, which opens the preferences with every category on', async () => {
    const gate = mount({ mode: 'opt-out', categories: ['analytics', 'marketing'] });
    // No notice to show: the UI comes while the page is idle, for the button.
    expect(document.querySelector('consent-gate')).toBeNull();
    await vi.waitFor(() => expect(floating()).not.toBeNull());
    expect(notice().hidden).toBe(true);
    expect(floating()!.hidden).toBe(false);
    expect(floating()!.textContent).toBe('Your Privacy Choices');
    expect(floating()!.getAttribute('aria-label')).toBe('Your Privacy Choices');
    const icon = floating()!.querySelector('svg')!;
    expect(icon.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(icon.getAttribute('aria-hidden')).toBe('true');
    expect(icon.querySelectorAll('path')).toHaveLength(3);
    floating()!.click();
    await opened();
    expect(Array.from(dialog().querySelectorAll('input')).map((i) => i.checked)).toEqual([true, true, true]);
    byText(dialog(), 'Reject all').click();
    expect(gate.getConsent()).toMatchObject({ source: 'preferences', mode: 'opt-out', categories: { analytics: false, marketing: false } });
    expect(notice().hidden).toBe(true);
    expect(floating()!.hidden).toBe(false);
  });

  it('leaves the floating button out with floatingButton: false, and shows "Cookie settings" in opt-in mode', async () => {
    mount({ mode: 'opt-out', floatingButton: false }).showPreferences();
    await opened();
    expect(floating()).toBeNull();
    core!.destroy();
    mount({ floatingButton: true }).rejectAll();
    await vi.waitFor(() => expect(floating()).not.toBeNull());
    expect(floating()!.textContent).toBe('Cookie settings');
    expect(floating()!.querySelector('svg')).toBeNull();
  });

  it("says that Google's opt-out add-on is honoured, and its analytics switch still grants", async () => {
    (window as unknown as { _gaUserPrefs?: unknown })._gaUserPrefs = { ioo: () => true };
    try {
      const gate = mount({ categories: ['analytics', 'marketing'] });
      gate.showPreferences();
      await opened();
      const note = Array.from(dialog().querySelectorAll('p')).find((p) => p.textContent == EN_PREFERENCES.addon)!;
      expect(note.hidden).toBe(false);
      expect(analyticsSwitch().checked).toBe(false);
      analyticsSwitch().click();
      byText(dialog(), 'Save choices').click();
      expect(gate.isGranted('analytics')).toBe(true);
    } finally {
      delete (window as unknown as { _gaUserPrefs?: unknown })._gaUserPrefs;
    }
  });

  it("says that Do Not Track is honoured with dnt: 'respect', and not otherwise", async () => {
    Object.defineProperty(navigator, 'doNotTrack', { value: '1', configurable: true });
    try {
      mount({ dnt: 'respect' }).showPreferences();
      await opened();
      const note = () => Array.from(dialog().querySelectorAll('p')).find((p) => p.textContent == EN_PREFERENCES.gpc)!;
      expect(note().hidden).toBe(false);
      core!.destroy();
      mount().showPreferences();
      await opened();
      expect(note().hidden).toBe(true);
    } finally {
      Object.defineProperty(navigator, 'doNotTrack', { value: null, configurable: true });
    }
  });
});

describe('languages', () => {
  it('picks the option, else <html lang>, else navigator.languages, else English', () => {
    expect(pickLang(['de-AT', 'fr'])).toBe('de');
    expect(pickLang(['xx', '', 'JA'])).toBe('ja');
    expect(pickLang(['xx', 'zz'])).toBe('en');
    expect(pickLang([])).toBe('en');
  });

  it('matches BCP 47 tags by region and script first, then by language', () => {
    const cases: [string, string][] = [
      ['pt-BR', 'pt-BR'],
      ['pt_br', 'pt-BR'],
      ['pt-PT', 'pt'],
      ['pt', 'pt'],
      ['pt-AO', 'pt'],
      ['zh-TW', 'zh-Hant'],
      ['zh-HK', 'zh-Hant'],
      ['zh-MO', 'zh-Hant'],
      ['zh-Hant', 'zh-Hant'],
      ['zh-Hant-CN', 'zh-Hant'],
      ['zh-Hans-HK', 'zh-Hans'],
      ['zh-CN', 'zh-Hans'],
      ['zh-SG', 'zh-Hans'],
      ['zh', 'zh-Hans'],
      ['no', 'nb'],
      ['nn-NO', 'nb'],
      ['nb-NO', 'nb'],
      ['ar-EG', 'ar'],
      ['he-IL', 'he'],
      ['ga-IE', 'ga'],
      ['sr-Latn', 'en'],
      ['english', 'en'],
    ];
    for (const [tag, lang] of cases) expect(pickLang([tag]), tag).toBe(lang);
  });

  it('has 38 languages, each with its file; all 24 official EU languages among them', () => {
    expect(LANGS).toHaveLength(38);
    for (const lang of 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ')) expect(LANGS).toContain(lang);
    expect(readdirSync('src/ui/lang').map((f) => f.replace('.json', '')).sort()).toEqual(LANGS.filter((l) => l != 'en').sort());
  });

  it('every language has every text, with the same placeholders as English', () => {
    const english: Record<string, string> = { ...EN, ...EN_PREFERENCES };
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) || []).sort();
    for (const lang of LANGS.filter((l) => l != 'en')) {
      const texts = JSON.parse(readFileSync(`src/ui/lang/${lang}.json`, 'utf8'));
      expect(Object.keys(texts).sort(), lang).toEqual(Object.keys(english).sort());
      for (const key in english) expect(placeholders(texts[key]), `${lang}.${key}`).toEqual(placeholders(english[key]));
    }
  });

  it('falls back to English for a missing key', () => {
    expect(resolveTexts({ acceptAll: 'Alle akzeptieren' }).rejectAll).toBe('Reject all');
  });

  it('renders in the page language once its texts have loaded', async () => {
    document.documentElement.lang = 'de';
    mount();
    await vi.waitFor(() => expect(byText(notice(), 'Alle ablehnen')).toBeDefined());
    expect(shadow().querySelector('a')!.textContent).toBe('Datenschutzerklärung');
  });

  it('Arabic and Hebrew render right to left; any other language left to right, even on a right-to-left page', async () => {
    for (const lang of ['ar', 'he']) {
      core?.destroy();
      mount({ lang });
      const texts = JSON.parse(readFileSync(`src/ui/lang/${lang}.json`, 'utf8'));
      await vi.waitFor(() => expect(byText(notice(), texts.acceptAll)).toBeDefined());
      const host = document.querySelector('consent-gate')!;
      expect([host.getAttribute('dir'), host.getAttribute('lang')]).toEqual(['rtl', lang]);
    }
    core!.destroy();
    document.documentElement.dir = 'rtl';
    mount({ lang: 'de' });
    await vi.waitFor(() => expect(byText(notice(), 'Alle akzeptieren')).toBeDefined());
    expect(document.querySelector('consent-gate')!.getAttribute('dir')).toBe('ltr');
    document.documentElement.removeAttribute('dir');
  });

  it('shows Traditional Chinese for zh-TW and Simplified for zh-CN', async () => {
    document.documentElement.lang = 'zh-TW';
    mount();
    await vi.waitFor(() => expect(byText(notice(), '全部拒絕')).toBeDefined());
    core!.destroy();
    document.documentElement.lang = 'zh-CN';
    mount();
    await vi.waitFor(() => expect(byText(notice(), '全部拒绝')).toBeDefined());
  });

  it('falls back to English for an unknown language', () => {
    mount({ lang: 'tlh' });
    expect(byText(notice(), 'Accept all')).toBeDefined();
  });
});

describe('destroy', () => {
  it('removes the UI and stops listening for data-consent-open', () => {
    mount().destroy();
    expect(document.querySelector('consent-gate')).toBeNull();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.getElementById('settings')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });
});
