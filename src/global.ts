/**
 * The script tag's globals, for a site that writes TypeScript: `import type {} from 'consent-gate/consent-gate.min.js'`
 * (once, anywhere) types `window.ConsentGate` and `window.consentGateConfig`.
 */
import type { ConsentGate, ConsentGateOptions } from './types';

declare global {
  interface Window {
    /** The running consent gate of `consent-gate.min.js`, once it has run (the instance, plus `version`). */
    ConsentGate?: ConsentGate & { readonly version: string };
    /** Options for `consent-gate.min.js`, defined before it runs; the tag's `data-*` attributes win over them. */
    consentGateConfig?: ConsentGateOptions;
  }
}

export type { Category, Categories, Consent, ConsentGate, ConsentGateOptions } from './types';
