import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { normalizeOptions } from '../../src/config';
import { startCore, type Core } from '../../src/gate';
import type { Win } from '../../src/lib/dom';
import { freshPage, jarContents, seedCookie } from './page';

const URL_ = 'https://www.shop.example.test/shop/cart/';
const tabs: Core[] = [];

/** Another open tab of the site: its own window and globals, the browser's one cookie jar. */
const openTab = ({ channel = true, lag = false } = {}) => {
  const { window: w } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: URL_, cookieJar: jsdom.cookieJar, pretendToBeVisual: true });
  if (channel) Object.assign(w, { BroadcastChannel });
  // As in Firefox: this tab keeps seeing the cookies as they were until `catchUp()` (a message may come first).
  if (lag) {
    const real = Object.getOwnPropertyDescriptor(w.Document.prototype, 'cookie')!;
    let seen: string | undefined = real.get!.call(w.document);
    Object.defineProperty(w.document, 'cookie', { get: () => seen ?? real.get!.call(w.document), set: (v) => real.set!.call(w.document, v), configurable: true });
    catchUp = () => (seen = undefined);
  }
  const tab = startCore(normalizeOptions({ gaId: 'G-ABC123' }), w as unknown as Win);
  tabs.push(tab);
  windows.set(tab, w as unknown as Win);
  return tab;
};
const windows = new Map<Core, Win>();
let catchUp = () => {};
/** Another tab's message as it arrives on the channel, without a tab behind it. */
const announce = (value: string) => {
  const channel = new BroadcastChannel('cg_consent');
  channel.postMessage(value);
  channel.close();
};
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
    b.onChange((c) => seen.push(c && c.categories.analytics));
    a.acceptAll();
    await settle();
    expect(b.getConsent()).toEqual(a.getConsent());
    expect(gtagLoaded(b)).toBe(true);
    expect(disabled(b)).toBe(false);

    seedCookie('_ga=GA1.1.1.1; Domain=example.test; Path=/');
    a.rejectAll();
    await settle();
    expect(disabled(b)).toBe(true);
    expect(b.getConsent()!.categories.analytics).toBe(false);
    expect(seen).toEqual([true, false]);
    expect(jarContents()).toEqual(['cg_consent host-only /']);

    a.reset();
    await settle();
    expect(b.getConsent()).toBeNull();
    expect(seen).toEqual([true, false, null]);
  });

  it('applies a decision another tab announces at once, even before its cookie is visible here', async () => {
    const a = openTab();
    a.acceptAll();
    const b = openTab({ lag: true });
    expect(disabled(b)).toBe(false);
    a.rejectAll();
    await settle();
    // The message carried the decision; this tab's cookie still shows the old one.
    expect(windows.get(b)!.document.cookie).toContain('.a1.');
    expect(disabled(b)).toBe(true);
    expect(b.getConsent()).toEqual(a.getConsent());
    // Reading the (stale) cookie again, as on a visibility change, does not undo it.
    windows.get(b)!.document.dispatchEvent(new (windows.get(b)!.Event)('visibilitychange'));
    await new Promise((r) => setTimeout(r, 250));
    expect(disabled(b)).toBe(true);
    catchUp();
    await new Promise((r) => setTimeout(r, 250));
    expect(b.getConsent()).toEqual(a.getConsent());
  });

  it('never grants on a message the decoder refuses, and reads the cookie instead', async () => {
    const b = openTab();
    const id = '0123456789abcdef';
    const now = Math.floor(Date.now() / 1000).toString(36);
    for (const forged of ['2.' + id + '.' + now + '.1.a9.b', '2.' + id + '.' + now + '.0.a1.b', 'a1'.repeat(2000), '3.' + id + '.' + now + '.1.a1.b', '1.' + id + '.' + now + '.1.m1.b'])
      announce(forged);
    await settle();
    expect(b.getConsent()).toBeNull();
    expect(disabled(b)).toBe(true);
    expect(gtagLoaded(b)).toBe(false);
  });

  it('ends on what the cookie holds when a message is never confirmed by it', async () => {
    const b = openTab();
    announce(['2', '0123456789abcdef', Math.floor(Date.now() / 1000).toString(36), '1', 'a1', 'b'].join('.'));
    await settle();
    expect(b.getConsent()!.categories.analytics).toBe(true);
    // No cookie ever shows that decision (the other tab's write was refused): after two seconds the cookie wins.
    await new Promise((r) => setTimeout(r, 2200));
    expect(b.getConsent()).toBeNull();
    expect(disabled(b)).toBe(true);
  });

  it('reads the cookie again when restored from the back/forward cache', () => {
    const b = openTab({ channel: false });
    const a = openTab({ channel: false });
    a.rejectAll();
    const w = windows.get(b)!;
    w.dispatchEvent(Object.assign(new w.Event('pageshow'), { persisted: false }));
    expect(b.getConsent()).toBeNull();
    w.dispatchEvent(Object.assign(new w.Event('pageshow'), { persisted: true }));
    expect(b.getConsent()!.categories.analytics).toBe(false);
  });

  it('without BroadcastChannel, reads the cookie again when a tab becomes visible', () => {
    const b = openTab({ channel: false });
    const a = openTab({ channel: false });
    a.rejectAll();
    expect(b.getConsent()).toBeNull();
    windows.get(b)!.document.dispatchEvent(new (windows.get(b)!.Event)('visibilitychange'));
    expect(b.getConsent()!.categories.analytics).toBe(false);
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
