import { attempt, type Win } from './dom';

/** The name of consent-gate's Trusted Types policy: what a site that enforces Trusted Types adds to `trusted-types`. */
export const POLICY = 'consent-gate';

type Policy = { createScriptURL(url: string): string };
type TrustedWin = Win & { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } };

// consent-gate's policy, created at the first script it sets (once per page: a second copy of the script tag
// stops before), and the one URL it converts now; where the page refuses the policy, `null`.
let policy: Policy | null | undefined;
let setting: string;

/**
 * Append `<script async src="url">` (with `nonce`) to the page's head; `done(ok)` is called once it has
 * loaded or failed. Where the browser has Trusted Types, the URL goes through consent-gate's own policy,
 * which converts only the URL this function is setting (built from the validated configuration) and throws
 * for any other. A URL the page refuses counts as failed, never as an uncaught error.
 */
export const addScript = (w: Win, url: string, nonce = '', done: (ok: boolean) => void = () => {}): HTMLScriptElement => {
  const script = w.document.createElement('script');
  const tt = (w as TrustedWin).trustedTypes;
  script.async = true;
  script.nonce = nonce;
  script.onload = () => done(true);
  script.onerror = () => done(false);
  setting = url;
  if (tt && policy === undefined)
    policy = attempt(
      () =>
        tt.createPolicy(POLICY, {
          createScriptURL(u) {
            if (u !== setting) throw TypeError(u);
            return u;
          },
        }),
      null,
    );
  if (attempt(() => (script.src = policy ? policy.createScriptURL(url) : url), '')) w.document.head.append(script);
  else done(false);
  return script;
};
