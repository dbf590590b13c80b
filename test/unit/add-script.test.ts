import { afterEach, describe, expect, it, vi } from 'vitest';
import { addScript, POLICY } from '../../src/lib/add-script';
import { freshPage } from './page';

type Rules = { createScriptURL(url: string): string };
/** Trusted Types as a browser that enforces them offers it: policies by name, a script's src taking only their output. */
const enforceTrustedTypes = ({ refuse = false } = {}) => {
  const created: string[] = [];
  const trusted = new WeakSet<object>();
  const tt = {
    createPolicy(name: string, rules: Rules) {
      if (refuse || created.includes(name)) throw new TypeError(`Policy "${name}" refused`);
      created.push(name);
      return {
        createScriptURL(url: string) {
          const value = { url: rules.createScriptURL(url), toString: () => url };
          trusted.add(value);
          return value;
        },
      };
    },
  };
  Object.defineProperty(window, 'trustedTypes', { value: tt, configurable: true });
  const set = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')!.set!;
  vi.spyOn(HTMLScriptElement.prototype, 'src', 'set').mockImplementation(function (this: HTMLScriptElement, value: unknown) {
    if (!trusted.has(value as object)) throw new TypeError("This document requires 'TrustedScriptURL' assignment.");
    set.call(this, String(value));
  });
  return created;
};

afterEach(() => {
  vi.restoreAllMocks();
  delete (window as unknown as Record<string, unknown>).trustedTypes;
  delete (window as unknown as Record<symbol, unknown>)[Symbol.for(POLICY)];
  freshPage();
});

describe('addScript', () => {
  it('appends one async script with its nonce where the browser has no Trusted Types', () => {
    const script = addScript(window, 'https://www.googletagmanager.com/gtag/js?id=G-A', 'abc');
    expect(document.head.lastElementChild).toBe(script);
    expect(script).toMatchObject({ src: 'https://www.googletagmanager.com/gtag/js?id=G-A', async: true, nonce: 'abc' });
  });

  it('under Trusted Types, sets the URL through consent-gate’s own policy, created once per page', () => {
    const created = enforceTrustedTypes();
    addScript(window, 'https://www.googletagmanager.com/gtag/js?id=G-A');
    addScript(window, '/js/consent-gate.preferences.min.js');
    expect(created).toEqual(['consent-gate']);
    expect(Array.from(document.scripts).map((s) => s.getAttribute('src'))).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-A', '/js/consent-gate.preferences.min.js']);
  });

  it('its policy converts only the URL being set by consent-gate, and only an http(s) or relative one', () => {
    enforceTrustedTypes();
    addScript(window, '/a.js');
    const policy = (window as unknown as Record<symbol, { _policy?: unknown }>)[Symbol.for(POLICY)];
    const convert = Object.values(policy).find((v) => typeof v == 'object') as { createScriptURL(url: string): unknown };
    expect(() => convert.createScriptURL('https://evil.example/x.js')).toThrow(/refused script URL/);
    const done = vi.fn();
    addScript(window, 'javascript:alert(1)', '', done);
    expect(done).toHaveBeenCalledWith(false);
    expect(document.scripts).toHaveLength(1);
  });

  it('where the page does not allow the policy, the script counts as failed: no uncaught error, nothing appended', () => {
    enforceTrustedTypes({ refuse: true });
    const done = vi.fn();
    expect(() => addScript(window, '/a.js', '', done)).not.toThrow();
    expect(done).toHaveBeenCalledWith(false);
    expect(document.scripts).toHaveLength(0);
  });

  it('reports load and failure', () => {
    const done = vi.fn();
    const script = addScript(window, '/a.js', '', done);
    script.dispatchEvent(new Event('error'));
    expect(done).toHaveBeenLastCalledWith(false);
    script.dispatchEvent(new Event('load'));
    expect(done).toHaveBeenLastCalledWith(true);
  });
});
