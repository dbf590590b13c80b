import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsentGate, type ConsentGate } from '../../src';
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
    gate = createConsentGate({ ui: false });
    expect(ran()).toEqual([]);
    gate.rejectAll();
    expect(ran()).toEqual([]);
  });

  it('run once on grant, in document order, keeping their attributes and nonce', () => {
    gate = createConsentGate({ ui: false, nonce: 'fallback' });
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
    createConsentGate({ ui: false }).acceptAll();
    expect(ran()).toEqual(['first']);
    nextPage();
    (jsdom.window as unknown as Ran).ran = [];
    document.body.innerHTML = TAGS;
    gate = createConsentGate({ ui: false });
    expect(ran()).toEqual(['first']);
  });
});
