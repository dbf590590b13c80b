import { attempt, type Win } from './dom';
import { isSafeUrl } from './safe-url';

/** The name of consent-gate's Trusted Types policy: what a site that enforces Trusted Types adds to `trusted-types`. */
export const POLICY = 'consent-gate';

type Shared = { _policy?: { createScriptURL(url: string): unknown }; _url?: string };
type TrustedWin = Win & { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): Shared['_policy'] } } & Record<symbol, Shared>;

/**
 * `url` as the page's script sinks take it: where the browser has Trusted Types, a TrustedScriptURL from
 * consent-gate's own policy, created once per page (kept under a global symbol, so a second copy of the
 * SDK uses the same one). The policy converts only the URL being set at that moment by this code, and
 * only an http(s) or relative one; anything else throws.
 */
const scriptUrl = (w: TrustedWin, url: string): unknown => {
  const tt = w.trustedTypes;
  if (!tt) return url;
  const shared = (w[Symbol.for(POLICY)] ||= {});
  shared._url = url;
  // A page that does not allow the policy's name refuses it (then only its own default policy can help).
  shared._policy ||= attempt(
    () =>
      tt.createPolicy(POLICY, {
        createScriptURL(u) {
          if (u !== shared._url || !isSafeUrl(u)) throw new TypeError('consent-gate: refused script URL ' + u);
          return u;
        },
      }),
    undefined,
  );
  return shared._policy ? shared._policy.createScriptURL(url) : url;
};

/**
 * Append `<script async src="url">` (with `nonce`) to the page's head; `done(ok)` is called once it has
 * loaded or failed. A URL the page refuses (Trusted Types without consent-gate's policy) counts as failed,
 * never as an uncaught error.
 */
export const addScript = (w: Win, url: string, nonce = '', done?: (ok: boolean) => void): HTMLScriptElement => {
  const script = w.document.createElement('script');
  script.async = true;
  script.nonce = nonce;
  if (done) {
    script.onload = () => done(true);
    script.onerror = () => done(false);
  }
  if (attempt(() => (script.src = scriptUrl(w as TrustedWin, url) as string), '')) w.document.head.append(script);
  else done?.(false);
  return script;
};
