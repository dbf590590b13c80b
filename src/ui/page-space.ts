import type { Win } from '../lib/dom';

/**
 * While `notice` shows, keep its height free at the bottom of the page (`padding-bottom` on `<body>`,
 * `scroll-padding-bottom` on `<html>`), so nothing focused or clicked hides behind it (WCAG 2.4.11). It
 * follows every change of the notice's size (shown, hidden, its stylesheet applied late, fonts, language,
 * zoom, viewport) through a `ResizeObserver`, whose callback runs after the browser's own layout: measuring
 * forces no layout of the page while scripts run (that cost 7 ms on a first visit), and the space follows
 * in the next frame. Returns the function that measures again now: only
 * a browser without `ResizeObserver` needs it. Aborting `signal` gives the space back.
 */
export const reservePageSpace = (w: Win, notice: HTMLElement, signal: AbortSignal): (() => void) => {
  const { documentElement: docEl, body } = w.document;
  const saved = [docEl.style.scrollPaddingBottom, body.style.paddingBottom];
  // The page's own padding, read at the first measure (when its style is up to date anyway).
  let base: number | undefined;
  const reserve = () => {
    const height = notice.hidden || signal.aborted ? 0 : notice.offsetHeight;
    if (height && base === undefined) base = parseFloat(w.getComputedStyle(body).paddingBottom) || 0;
    docEl.style.scrollPaddingBottom = height ? height + 'px' : saved[0];
    body.style.paddingBottom = height ? base! + height + 'px' : saved[1];
  };
  // Written in the next frame, not in the observer's callback: a scroll bar that the space brings narrows the
  // notice within this frame, which the observer cannot report in it (an error event, in Firefox).
  let frame = 0;
  const observer =
    w.ResizeObserver &&
    new w.ResizeObserver(() => {
      frame ||= w.requestAnimationFrame(() => {
        frame = 0;
        reserve();
      });
    });
  observer?.observe(notice);
  signal.addEventListener('abort', () => {
    observer?.disconnect();
    reserve();
  });
  return observer ? () => {} : reserve;
};
