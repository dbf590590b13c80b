import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsentGate, type ConsentGate } from '../../src/headless';
import { freshPage, nextPage } from './page';

type Ran = { ran?: string[] };
const ran = () => (jsdom.window as unknown as Ran).ran || [];
let gate: ConsentGate | undefined;

beforeEach(() => {
  freshPage();
  (jsdom.window as unknown as Ran).ran = [];
  document.body.innerHTML = TAGS;
});
afterEach(() => gate?.destroy());

const TAGS = `
    <script type="text/plain" data-consent="analytics">window.ran.push('first')</script>
    <script type="text/plain" data-consent="analytics" src="https://cdn.example.test/tracker.js" data-site="7" nonce="n0nce" id="ext"></script>
    <script type="text/plain" data-consent="analytics" data-type="module" id="mod">window.ran.push('module')</script>
    <script type="text/plain" data-consent="analytics">window.ran.push('third')</script>
    <script type="text/plain" data-consent="marketing">window.ran.push('marketing')</script>`;

describe('tags gated with data-consent', () => {
  it('stay inert while undecided and after a reject', () => {
    gate = createConsentGate();
    expect(ran()).toEqual([]);
    gate.rejectAll();
    expect(ran()).toEqual([]);
  });

  it('of a returning visitor run when the page has been parsed, if the gate started while it was loading (a script tag in <head>)', () => {
    const first = createConsentGate();
    first.acceptAll();
    first.destroy();
    nextPage();
    (jsdom.window as unknown as Ran).ran = [];
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      gate = createConsentGate();
      // The parser reaches the body after the gate has applied the stored decision.
      document.body.innerHTML = TAGS;
      expect(ran()).toEqual([]);
    } finally {
      delete (document as { readyState?: string }).readyState;
    }
    document.dispatchEvent(new jsdom.window.Event('DOMContentLoaded'));
    expect(ran()).toEqual(['first']);
  });

  it('run once on grant, in document order, keeping their attributes and nonce', () => {
    gate = createConsentGate({ nonce: 'fallback' });
    gate.acceptAll();
    expect(ran()).toEqual(['first']);
    const ext = document.getElementById('ext') as HTMLScriptElement;
    expect(ext.type).toBe('');
    expect(ext.getAttribute('src')).toBe('https://cdn.example.test/tracker.js');
    expect(ext.dataset.site).toBe('7');
    expect(ext.nonce).toBe('n0nce');
    expect(ext.async).toBe(false);
    // The next tag waits until the external one has loaded.
    ext.dispatchEvent(new Event('load'));
    expect((document.getElementById('mod') as HTMLScriptElement).type).toBe('module');
    expect(ran()).toContain('third');
    expect(ran().indexOf('first')).toBeLessThan(ran().indexOf('third'));
    expect(Array.from(document.scripts).filter((s) => s.type != 'text/plain').every((s) => s.nonce)).toBe(true);
    gate.rejectAll();
    gate.acceptAll();
    expect(ran().filter((r) => r == 'first')).toHaveLength(1);
    expect(ran()).not.toContain('marketing');
  });

  it('run on the next page when the stored decision grants', () => {
    createConsentGate().acceptAll();
    expect(ran()).toEqual(['first']);
    nextPage();
    (jsdom.window as unknown as Ran).ran = [];
    document.body.innerHTML = TAGS;
    gate = createConsentGate();
    expect(ran()).toEqual(['first']);
  });
});

describe('tags and embeds of every category', () => {
  const PAGE = `
    <script type="text/plain" data-consent="marketing">window.ran.push('marketing')</script>
    <script type="text/plain" data-consent="analytics marketing">window.ran.push('both')</script>
    <script type="text/plain" data-consent="analytics,functional">window.ran.push('analytics+functional')</script>
    <iframe id="video" data-consent="functional" data-src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>
    <div id="placeholder" data-consent-fallback="functional">The video needs functional cookies.</div>
    <img id="pixel" data-consent="marketing" data-src="https://ads.example.test/pixel.gif" alt="">`;
  const frame = () => document.getElementById('video') as HTMLIFrameElement;
  const placeholder = () => document.getElementById('placeholder')!;
  const pixel = () => document.getElementById('pixel') as HTMLImageElement;

  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('run a tag once its category is granted; one naming two categories needs both', () => {
    gate = createConsentGate({ categories: ['analytics', 'marketing', 'functional'] });
    gate.setConsent({ marketing: true });
    expect(ran()).toEqual(['marketing']);
    gate.setConsent({ analytics: true });
    expect(ran()).toEqual(['marketing', 'both']);
    gate.setConsent({ marketing: false, functional: true });
    expect(ran()).toEqual(['marketing', 'both', 'analytics+functional']);
  });

  it('never run a tag of an undeclared category', () => {
    gate = createConsentGate({ categories: ['analytics'] });
    gate.acceptAll();
    expect(ran()).toEqual([]);
    expect(frame().hasAttribute('src')).toBe(false);
  });

  it('give an embed its src only while its category is granted, and show the fallback otherwise', () => {
    gate = createConsentGate({ categories: ['analytics', 'marketing', 'functional'] });
    expect(frame().hasAttribute('src')).toBe(false);
    expect(pixel().hasAttribute('src')).toBe(false);
    expect(placeholder().hidden).toBe(false);
    gate.acceptAll();
    expect(frame().getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(pixel().getAttribute('src')).toBe('https://ads.example.test/pixel.gif');
    expect(placeholder().hidden).toBe(true);
    gate.rejectAll();
    expect(frame().getAttribute('src')).toBe('about:blank');
    expect(pixel().hasAttribute('src')).toBe(false);
    expect(placeholder().hidden).toBe(false);
    gate.setConsent({ functional: true });
    expect(frame().getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
  });
});
