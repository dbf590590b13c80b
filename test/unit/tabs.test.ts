import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { normalizeOptions } from '../../src/config';
import { startCore, type Core } from '../../src/gate';
import type { Win } from '../../src/lib/dom';
import { freshPage, jarContents, seedCookie } from './page';

const URL_ = 'https://www.shop.example.test/shop/cart/';
const tabs: Core[] = [];

/** Another open tab of the site: its own window and globals, the browser's one cookie jar. */
const openTab = ({ channel = true } = {}) => {
  const { window: w } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: URL_, cookieJar: jsdom.cookieJar, pretendToBeVisual: true });
  if (channel) Object.assign(w, { BroadcastChannel });
  const tab = startCore(normalizeOptions({ gaId: 'G-ABC123', ui: false }), w as unknown as Win);
  tabs.push(tab);
  windows.set(tab, w as unknown as Win);
  return tab;
};
const windows = new Map<Core, Win>();
const disabled = (tab: Core) => (windows.get(tab) as unknown as Record<string, unknown>)['ga-disable-G-ABC123'];
const gtagLoaded = (tab: Core) => windows.get(tab)!.document.scripts.length > 0;
const settle = () => new Promise((r) => setTimeout(r, 50));

beforeEach(() => freshPage(URL_));
afterEach(() => tabs.splice(0).forEach((t) => t.destroy()));

describe('every open tab', () => {
  it('follows an opt-in and an opt-out made in another tab, through BroadcastChannel', async () => {
    const a = openTab();
    const b = openTab();
    const seen: unknown[] = [];
    b.onChange((c) => seen.push(c && c.analytics));
    a.acceptAll();
    await settle();
    expect(b.getConsent()).toEqual(a.getConsent());
    expect(gtagLoaded(b)).toBe(true);
    expect(disabled(b)).toBe(false);

    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    a.rejectAll();
    await settle();
    expect(disabled(b)).toBe(true);
    expect(b.getConsent()!.analytics).toBe(false);
    expect(seen).toEqual([true, false]);
    expect(jarContents()).toEqual(['cg_consent host-only /']);

    a.reset();
    await settle();
    expect(b.getConsent()).toBeNull();
    expect(seen).toEqual([true, false, null]);
  });

  it('without BroadcastChannel, reads the cookie again when a tab becomes visible', () => {
    const b = openTab({ channel: false });
    const a = openTab({ channel: false });
    a.rejectAll();
    expect(b.getConsent()).toBeNull();
    windows.get(b)!.document.dispatchEvent(new (windows.get(b)!.Event)('visibilitychange'));
    expect(b.getConsent()!.analytics).toBe(false);
  });

  it('stops following after destroy', async () => {
    const a = openTab();
    const b = openTab();
    b.destroy();
    a.acceptAll();
    await settle();
    expect(b.getConsent()).toBeNull();
    expect(gtagLoaded(b)).toBe(false);
  });
});
