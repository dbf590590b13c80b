export { createConsentGate } from './create';
export { clearAnalyticsCookies } from './cookies/cleaner';
export type {
  Categories,
  Category,
  ClearResult,
  Consent,
  ConsentChoice,
  ConsentGate,
  ConsentGateOptions,
  ConsentListener,
  ConsentGateMode,
  ConsentSource,
  CookieOptions,
  TextKey,
} from './types';
