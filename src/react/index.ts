/**
 * The React binding (`consent-gate/react`): a provider, hooks on `useSyncExternalStore` with a server
 * snapshot, and `<Consented>`. React 18 and 19; React is a peer dependency, never bundled. Marked
 * `'use client'` in the build, for Next.js.
 */
import { createContext, createElement, Fragment, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Category, Consent, ConsentGate, ConsentGateOptions } from '../types';
import { createConsentGate } from '../create';
import { getWindow } from '../lib/dom';

interface Shared {
  gate: ConsentGate | null;
  initial: Consent | null;
  /** One function per provider, so `useSyncExternalStore` keeps its subscription across renders. */
  subscribe: (onChange: () => void) => () => void;
}

const subscribe = (gate: ConsentGate | null) => (onChange: () => void) => (gate ? gate.onChange(onChange) : () => {});

const Context = createContext<Shared>({ gate: null, initial: null, subscribe: subscribe(null) });

// One gate per app on the client, whatever React renders twice (StrictMode) or remounts.
let appGate: ConsentGate | undefined;

export interface ConsentGateProviderProps {
  /**
   * Options for the gate the provider creates on the client, with the built-in notice (once per app). On
   * the server none is created.
   */
  options?: ConsentGateOptions;
  /** A gate you created yourself instead (for example with `consent-gate/headless` and your own notice). */
  gate?: ConsentGate;
  /**
   * The decision as the server read it (`readConsent` from `consent-gate/server`), rendered on the server
   * and during hydration, so both render the same; then the browser's own decision follows.
   * @default null
   */
  initialConsent?: Consent | null;
  children?: ReactNode;
}

/** Makes the gate and its decision available to `useConsent`, `useConsentGate`, `useGranted` and `<Consented>`. */
export function ConsentGateProvider({ options, gate, initialConsent = null, children }: ConsentGateProviderProps) {
  const [value] = useState<Shared>(() => {
    const shared = gate || (getWindow() ? (appGate ||= createConsentGate(options)) : null);
    return { gate: shared, initial: initialConsent, subscribe: subscribe(shared) };
  });
  return createElement(Context.Provider, { value }, children);
}

/** The gate itself (`acceptAll`, `setConsent`, `showPreferences`…); `null` on the server. */
export const useConsentGate = (): ConsentGate | null => useContext(Context).gate;

/**
 * The visitor's decision, re-rendering on every change (in this tab or another). On the server and
 * while hydrating: `initialConsent`.
 */
export const useConsent = (): Consent | null => {
  const { gate, initial, subscribe } = useContext(Context);
  return useSyncExternalStore(
    subscribe,
    () => (gate ? gate.getConsent() : initial),
    () => initial,
  );
};

/** Whether `category` may run now; on the server and while hydrating, as `initialConsent` says. */
export const useGranted = (category: Category): boolean => {
  const { gate, initial, subscribe } = useContext(Context);
  return useSyncExternalStore(
    subscribe,
    () => (gate ? gate.isGranted(category) : initial?.categories[category] === true),
    () => initial?.categories[category] === true,
  );
};

export interface ConsentedProps {
  /** The category the children need. */
  category: Category;
  /** What shows while it is not granted (a placeholder with a "Cookie settings" link, say). */
  fallback?: ReactNode;
  children?: ReactNode;
}

/** Renders its children only while `category` is granted, else `fallback`. */
export function Consented({ category, fallback = null, children }: ConsentedProps) {
  return createElement(Fragment, null, useGranted(category) ? children : fallback);
}

export type { Categories, Category, Consent, ConsentGate, ConsentGateOptions } from '../types';
