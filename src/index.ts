export { createConsentGate } from './create';
export { clearAnalyticsCookies } from './cookies/cleaner';
export type {
  ClearResult,
  Consent,
  ConsentChoice,
  ConsentGate,
  ConsentGateOptions,
  ConsentListener,
  ConsentSource,
  CookieOptions,
  TextKey,
} from './types';
