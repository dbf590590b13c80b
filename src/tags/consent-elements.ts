/**
 * Bring the page's consent-gated elements in line with what is allowed; `allowed(names)` says whether
 * every category named in a `data-consent` value (separated by spaces or commas) is granted.
 * - `<script type="text/plain" data-consent="…">`, inline or with `src`, runs once when allowed: replaced by
 *   a live copy keeping its attributes (`data-type` becomes its `type`) and its nonce, in document order (an
 *   external one finishes loading before the next runs). A script that ran runs until the next page.
 * - `<iframe>` and `<img>` with `data-consent` and `data-src` get their `src` while allowed and lose it
 *   otherwise (an iframe goes to `about:blank`), in the same page.
 * - An element with `data-consent-fallback="…"` (the site's placeholder for a blocked embed) is hidden
 *   while its categories are allowed and shown otherwise.
 */
export const applyConsentElements = (doc: Document, allowed: (names: string) => boolean, nonce = ''): void => {
  const queue: HTMLScriptElement[] = [];
  for (const el of doc.querySelectorAll<HTMLElement>('[data-consent],[data-consent-fallback]')) {
    const { consent, consentFallback: fallback, src } = el.dataset;
    if (fallback != null) el.hidden = allowed(fallback);
    else if (el.tagName == 'SCRIPT') {
      // Claimed at once, so a second activation before this chain ends cannot run a tag twice.
      if ((el as HTMLScriptElement).type == 'text/plain' && allowed(consent!)) queue.push(el as HTMLScriptElement), ((el as HTMLScriptElement).type += ';queued');
    } else if (src != null) {
      if (allowed(consent!)) el.getAttribute('src') != src && el.setAttribute('src', src);
      else if (el.hasAttribute('src')) el.tagName == 'IFRAME' ? el.setAttribute('src', 'about:blank') : el.removeAttribute('src');
    }
  }
  const next = (): void => {
    const old = queue.shift();
    if (!old) return;
    // A copy of a script that never ran runs when inserted; cloning keeps the attributes, the text and the nonce.
    const live = old.cloneNode(true) as HTMLScriptElement;
    live.type = old.dataset.type || '';
    live.nonce ||= old.nonce || nonce;
    live.async = false;
    old.replaceWith(live);
    if (old.src && live.isConnected) live.onload = live.onerror = next;
    else next();
  };
  next();
};
