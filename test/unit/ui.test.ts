import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeOptions } from '../../src/config';
import { startCore, type Core } from '../../src/gate';
import { mountUi, resolveTexts } from '../../src/ui/mount';
import { pickLang } from '../../src/ui/pick-lang';
import { EN } from '../../src/ui/texts';
import type { ConsentGateOptions } from '../../src/types';
import type { Win } from '../../src/lib/dom';
import { freshPage, seedCookie } from './page';

let core: Core | undefined;
const mount = (options: ConsentGateOptions = {}) => {
  const c = normalizeOptions({ gaId: 'G-ABC123', policyUrl: '/privacy', ...options });
  core = startCore(c, window as Win);
  mountUi(core, c, window as Win);
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
    expect(notice().querySelector('p')!.textContent).toContain(EN.notice);
    expect(notice().querySelector('a')!.getAttribute('href')).toBe('/privacy');
    const [accept, reject, customize] = buttons(notice());
    expect([accept.textContent, reject.textContent, customize.textContent]).toEqual(['Accept all', 'Reject all', 'Customize']);
    expect(new Set([accept, reject, customize].map((b) => b.className))).toEqual(new Set(['']));
  });

  it('records a banner decision and hides itself, giving back the space it reserved', () => {
    const gate = mount();
    byText(notice(), 'Reject all').click();
    expect(gate.getConsent()).toMatchObject({ analytics: false, source: 'banner' });
    expect(notice().hidden).toBe(true);
    expect(document.body.style.paddingBottom).toBe('');
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
  });

  it("keeps the page's bottom free for the notice, following every change of its size", () => {
    // jsdom lays nothing out: the notice's height and the observer's calls are the test's.
    let observed: (() => void) | undefined;
    vi.stubGlobal('ResizeObserver', class {
      constructor(callback: () => void) {
        observed = callback;
      }
      observe() {}
      disconnect() {
        observed = undefined;
      }
    });
    let height = 59;
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('n') && !this.hidden ? height : 0;
    });
    const gate = mount();
    expect(document.body.style.paddingBottom).toBe('59px');
    // The stylesheet applied late (as in WebKit), a font, a language or the zoom: the notice grew.
    height = 77;
    observed!();
    expect(document.body.style.paddingBottom).toBe('77px');
    expect(document.documentElement.style.scrollPaddingBottom).toBe('77px');
    gate.rejectAll();
    expect(document.body.style.paddingBottom).toBe('');
    gate.destroy();
    expect(observed).toBeUndefined();
    vi.unstubAllGlobals();
  });

  it('does not count Escape as consent', () => {
    const gate = mount();
    key(notice(), 'Escape');
    expect(gate.getConsent()).toBeNull();
    expect(notice().hidden).toBe(false);
  });

  it('is not shown once a decision exists, and showBanner brings it back', () => {
    mount().acceptAll();
    core!.destroy();
    const gate = mount();
    expect(notice().hidden).toBe(true);
    gate.showBanner();
    expect(notice().hidden).toBe(false);
  });

  it('is not shown under Global Privacy Control', () => {
    setGpc(true);
    mount();
    expect(notice().hidden).toBe(true);
  });

  it('shows hostile texts as literal text', () => {
    mount({ texts: { notice: '<img src=x onerror="window.pwned=1">', acceptAll: '<b>Yes</b>' } });
    expect(notice().querySelector('p')!.textContent).toContain('<img src=x onerror="window.pwned=1">');
    expect(shadow().querySelector('img, b')).toBeNull();
    expect(byText(notice(), '<b>Yes</b>')).toBeDefined();
  });

  it('ignores a text that is not a string, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    mount({ texts: { rejectAll: 42 as never } });
    expect(byText(notice(), 'Reject all')).toBeDefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('texts.rejectAll'));
  });

  it('is styled inside its shadow root (a <style> with the nonce where constructable sheets are missing)', () => {
    mount({ nonce: 'r4nd0m' });
    const style = shadow().querySelector('style');
    const adopted = (shadow() as ShadowRoot & { adoptedStyleSheets?: unknown[] }).adoptedStyleSheets;
    expect(adopted?.length || (style && style.nonce == 'r4nd0m')).toBeTruthy();
    expect(style?.textContent ?? '').toContain('--cg-accent');
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
    expect(analytics.closest('label')!.textContent).toBe('Analytics (Google Analytics)');
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
    const items = Array.from(dialog().querySelectorAll<HTMLElement>('button, input:not([disabled]), a[href]')).filter((x) => !x.closest('[hidden]'));
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
    expect(gate.getConsent()).toMatchObject({ analytics: true, source: 'preferences' });
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
    expect(Array.from(dialog().querySelectorAll('p')).find((p) => !p.hidden && p.textContent!.includes('Global Privacy Control'))).toBeDefined();
  });
});

describe('the floating button', () => {
  it('shows while the notice is hidden and opens the preferences', async () => {
    mount({ floatingButton: true }).rejectAll();
    const floating = shadow().querySelector<HTMLButtonElement>('.f')!;
    expect(floating.hidden).toBe(false);
    floating.click();
    await opened();
  });
});

describe('languages', () => {
  it('picks the option, else <html lang>, else navigator.languages, else English', () => {
    expect(pickLang(['de-AT', 'fr'])).toBe('de');
    expect(pickLang([undefined, 'pt-BR'])).toBe('pt');
    expect(pickLang(['xx', '', 'JA'])).toBe('ja');
    expect(pickLang(['xx', 'zz'])).toBe('en');
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
