/**
 * The script tag's globals, for a site that writes TypeScript: `import type {} from 'consent-gate/consent-gate.min.js'`
 * (once, anywhere) types `window.ConsentGate`, `window.consentGateConfig` and the `consent-gate:*` events.
 */
import type { Consent, ConsentGate, ConsentGateOptions } from './types';

declare global {
  interface Window {
    /** The running consent gate of `consent-gate.min.js`, once it has run (the instance, plus `version`). */
    ConsentGate?: ConsentGate & { readonly version: string };
    /** Options for `consent-gate.min.js`, defined before it runs; the tag's `data-*` attributes win over them. */
    consentGateConfig?: ConsentGateOptions;
  }
  interface WindowEventMap {
    /** Every change of the decision, in this tab or another: `detail` is the decision, or `null` once forgotten. */
    'consent-gate:change': CustomEvent<Consent | null>;
    /**
     * gtag.js or the Tag Manager container failed to load (an ad blocker, no network): `detail.src` is its URL.
     * The decision stays recorded, and the next grant tries again.
     */
    'consent-gate:ga-error': CustomEvent<{ src: string }>;
  }
}

export type { Category, Categories, Consent, ConsentGate, ConsentGateOptions } from './types';
