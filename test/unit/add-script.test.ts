import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshPage } from './page';

// A new module for each test: its policy is created once per page.
let addScript: typeof import('../../src/lib/add-script').addScript;
beforeEach(async () => {
  vi.resetModules();
  ({ addScript } = await import('../../src/lib/add-script'));
});

type Rules = { createScriptURL(url: string): string };
/** Trusted Types as a browser that enforces them offers it: policies by name, a script's src taking only their output. */
const enforceTrustedTypes = ({ refuse = false } = {}) => {
  const created: string[] = [];
  const rules: Rules[] = [];
  const trusted = new WeakSet<object>();
  const tt = {
    createPolicy(name: string, rules_: Rules) {
      if (refuse || created.includes(name)) throw new TypeError(`Policy "${name}" refused`);
      created.push(name);
      rules.push(rules_);
      return {
        createScriptURL(url: string) {
          const value = { url: rules_.createScriptURL(url), toString: () => url };
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
  return Object.assign(created, { rules });
};

afterEach(() => {
  vi.restoreAllMocks();
  delete (window as unknown as Record<string, unknown>).trustedTypes;
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
    expect([...created]).toEqual(['consent-gate']);
    expect(Array.from(document.scripts).map((s) => s.getAttribute('src'))).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-A', '/js/consent-gate.preferences.min.js']);
  });

  it('its policy converts only the URL consent-gate is setting at that moment', () => {
    const { rules } = enforceTrustedTypes();
    addScript(window, '/a.js');
    expect(() => rules[0].createScriptURL('https://evil.example/x.js')).toThrow();
    expect(() => rules[0].createScriptURL('/a.js')).not.toThrow();
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
