/** A browser window with its constructors. */
export type Win = Window & typeof globalThis;

/** The browser window, or `undefined` on the server; read at call time, never at import. */
export const getWindow = (): Win | undefined => (typeof document == 'object' ? window : undefined);

/** Dispatch CustomEvent `type` (`consent-gate:…`) on `w`. */
export const emit = (w: Win, type: string, detail: unknown): void => {
  w.dispatchEvent(new w.CustomEvent(type, { detail }));
};

/** Run `fn`, returning `fallback` if it throws (blocked cookies or storage, sandboxed frames). */
export function attempt<T>(fn: () => T, fallback: T): T;
export function attempt(fn: () => unknown): void;
export function attempt<T>(fn: () => T, fallback?: T): T | undefined {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
