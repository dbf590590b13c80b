import { attempt, type Win } from '../lib/dom';

/** Tells the site's other open tabs about a change, and hears theirs. */
export interface TabSync {
  /** Tell the other tabs; `value` is the new stored record, `''` once forgotten. */
  _post(value: string): void;
  /** Stop listening. */
  _close(): void;
}

/**
 * Connect the tabs of one site through BroadcastChannel, and, as the fallback where it is missing or
 * a message was lost, check again whenever a tab is shown, hidden or restored from the back/forward
 * cache. `onMessage` gets the other tab's value, or nothing when it should just read the cookie again.
 */
export const createTabSync = (w: Win, name: string, onMessage: (value?: string) => void): TabSync => {
  const channel = attempt(() => new w.BroadcastChannel(name), undefined);
  // Passed as the listener options, the controller's `signal` removes the listener on abort.
  const listening = new w.AbortController();
  if (channel) channel.onmessage = (e: MessageEvent) => typeof e.data == 'string' && onMessage(e.data);
  // Shown or hidden, the tab reads the cookie again; cheap, and it catches what a channel missed.
  w.document.addEventListener('visibilitychange', () => onMessage(), listening);
  w.addEventListener('pageshow', (e) => e.persisted && onMessage(), listening);
  return {
    _post: (value) => channel?.postMessage(value),
    _close() {
      channel?.close();
      listening.abort();
    },
  };
};
