import type { Win } from '../lib/dom';

/**
 * While `notice` shows, keep its height free at the bottom of the page (`padding-bottom` on `<body>`,
 * `scroll-padding-bottom` on `<html>`), so nothing focused or clicked hides behind it (WCAG 2.4.11). It
 * follows every change of the notice's size (its stylesheet applied late, fonts, language, zoom, viewport)
 * through a `ResizeObserver`. Returns the function that measures again now (when the notice is shown or
 * hidden, so its first frame already has the space); aborting `signal` gives the space back.
 */
export const reservePageSpace = (w: Win, notice: HTMLElement, signal: AbortSignal): (() => void) => {
  const { documentElement: docEl, body } = w.document;
  const saved = [docEl.style.scrollPaddingBottom, body.style.paddingBottom];
  const base = parseFloat(w.getComputedStyle(body).paddingBottom) || 0;
  const reserve = () => {
    const height = notice.hidden || signal.aborted ? 0 : notice.offsetHeight;
    docEl.style.scrollPaddingBottom = height ? height + 'px' : saved[0];
    body.style.paddingBottom = height ? base + height + 'px' : saved[1];
  };
  const observer = w.ResizeObserver && new w.ResizeObserver(reserve);
  observer?.observe(notice);
  signal.addEventListener('abort', () => {
    observer?.disconnect();
    reserve();
  });
  return reserve;
};
