/**
 * Run the inert tags of `category`: `<script type="text/plain" data-consent="analytics">`, inline or
 * with `src`. Each is replaced by a live copy keeping its attributes (`data-type` becomes its `type`)
 * and its nonce, once, in document order: an external one finishes loading before the next runs.
 */
export const activateTags = (doc: Document, category: string, nonce = ''): void => {
  const queue = Array.from(doc.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-consent="' + category + '"]'));
  // Claimed at once, so a second activation before this chain ends cannot run a tag twice.
  for (const tag of queue) tag.type += ';queued';
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
