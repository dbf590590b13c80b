export { createConsentGate } from './create';
export { clearAnalyticsCookies } from './cookies/cleaner';
export { renderDeclaration } from './declaration/render';
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
  CookieEntry,
  CookieTextKey,
  Declaration,
  DeclaredCategory,
  DeclaredCookie,
  TextKey,
} from './types';
