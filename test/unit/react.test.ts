import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Consented, ConsentGateProvider, useConsent } from '../../src/react';
import { createConsentGate, type ConsentGate } from '../../src/headless';
import { freshPage } from './page';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let gate: ConsentGate;
let rerender: () => void;

/** An app that re-renders on demand and shows the decision and a gated element. */
const App = () => {
  const [, setTick] = useState(0);
  rerender = () => setTick((n) => n + 1);
  const consent = useConsent();
  return createElement(
    'main',
    null,
    createElement('p', { id: 'state' }, consent ? String(consent.categories.marketing) : 'undecided'),
    createElement(Consented, { category: 'marketing', fallback: createElement('p', { id: 'fallback' }, 'no ads') }, createElement('p', { id: 'ad' }, 'ad')),
  );
};

const text = (id: string) => document.getElementById(id)?.textContent;

beforeEach(() => {
  freshPage();
  gate = createConsentGate({ categories: ['analytics', 'marketing'] });
  const container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  gate.destroy();
  vi.restoreAllMocks();
});

describe('consent-gate/react in the browser', () => {
  it('re-renders on every decision, and <Consented> follows it', () => {
    act(() => root.render(createElement(ConsentGateProvider, { gate }, createElement(App))));
    expect([text('state'), text('fallback'), text('ad')]).toEqual(['undecided', 'no ads', undefined]);
    act(() => void gate.setConsent({ marketing: true }));
    expect([text('state'), text('fallback'), text('ad')]).toEqual(['true', undefined, 'ad']);
    act(() => void gate.rejectAll());
    expect([text('state'), text('fallback'), text('ad')]).toEqual(['false', 'no ads', undefined]);
  });

  it('keeps one subscription per hook across re-renders, and drops it on unmount', () => {
    // Counts the listeners the bindings hold on the gate.
    let active = 0;
    const real = gate.onChange.bind(gate);
    const onChange = vi.spyOn(gate, 'onChange').mockImplementation((listener) => {
      active++;
      const off = real(listener);
      return () => {
        active--;
        off();
      };
    });
    act(() => root.render(createElement(ConsentGateProvider, { gate }, createElement(App))));
    // useConsent in the app and useGranted in <Consented>.
    expect(active).toBe(2);
    const calls = onChange.mock.calls.length;
    for (let i = 0; i < 5; i++) act(() => rerender());
    expect(onChange).toHaveBeenCalledTimes(calls);
    // Still following the decision after the re-renders.
    act(() => void gate.acceptAll());
    expect(text('state')).toBe('true');
    act(() => root.unmount());
    expect(active).toBe(0);
    root = createRoot(document.body.appendChild(document.createElement('div')));
  });
});
