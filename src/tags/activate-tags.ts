const QUEUED = 'data-consent-queued';

/**
 * Run the inert tags of `category`: `<script type="text/plain" data-consent="analytics">`, inline or
 * with `src`. Each is replaced by a live copy keeping its attributes (`data-type` becomes its `type`)
 * and its nonce, once, in document order: an external one finishes loading before the next runs.
 */
export const activateTags = (doc: Document, category: string, nonce?: string): void => {
  const inert = [].slice.call(
    doc.querySelectorAll('script[type="text/plain"][data-consent="' + category + '"]:not([' + QUEUED + '])'),
  ) as HTMLScriptElement[];
  // Claimed at once, so a second activation before this chain ends cannot run a tag twice.
  inert.forEach((s) => s.setAttribute(QUEUED, ''));
  const next = (): void => {
    const old = inert.shift();
    if (!old) return;
    const live = doc.createElement('script');
    for (const { name, value } of [].slice.call(old.attributes) as Attr[]) if (name != 'type' && name != QUEUED) live.setAttribute(name, value);
    live.removeAttribute('data-type');
    const type = old.getAttribute('data-type');
    if (type) live.type = type;
    // The nonce attribute reads empty once CSP has applied it; the property keeps it.
    live.nonce = old.nonce || nonce || '';
    live.text = old.text;
    live.async = false;
    if (old.src && old.isConnected) {
      live.onload = live.onerror = next;
      old.replaceWith(live);
    } else {
      if (old.isConnected) old.replaceWith(live);
      next();
    }
  };
  next();
};
