import type { Win } from '../lib/dom';

/**
 * While `notice` shows, keep its height free at the bottom of the page (`padding-bottom` on `<body>`,
 * `scroll-padding-bottom` on `<html>`), so nothing focused or clicked hides behind it (WCAG 2.4.11). It
 * follows every change of the notice's size (its stylesheet applied late, fonts, language, zoom, viewport)
 * through a `ResizeObserver`, else window resizes. Returns the function that measures again now.
 */
export const reservePageSpace = (w: Win, notice: HTMLElement, signal: AbortSignal): (() => void) => {
  const docEl = w.document.documentElement;
  const body = w.document.body;
  const saved = [docEl.style.scrollPaddingBottom, body.style.paddingBottom];
  const basePadding = parseFloat(w.getComputedStyle(body).paddingBottom) || 0;
  const reserve = () => {
    const height = notice.hidden || signal.aborted ? 0 : notice.offsetHeight;
    docEl.style.scrollPaddingBottom = height ? height + 'px' : saved[0];
    body.style.paddingBottom = height ? basePadding + height + 'px' : saved[1];
  };
  if (w.ResizeObserver) {
    const observer = new w.ResizeObserver(reserve);
    observer.observe(notice);
    signal.addEventListener('abort', () => observer.disconnect());
  } else w.addEventListener('resize', reserve, { signal });
  return reserve;
};
