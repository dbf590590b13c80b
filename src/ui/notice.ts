import type { Ui } from './context';

/**
 * The notice: its text naming the declared categories, the privacy statement's link, and three equal
 * buttons on one layer (Accept all, Reject all, Customize, which opens the preferences as every
 * `data-consent-open` element does). Closing, scrolling or Escape is never consent: it has no close button.
 */
export const createNotice = ({ t, c, el, button, choose }: Ui): HTMLElement => {
  const more = button(t.customize, () => {});
  more.dataset.consentOpen = '';
  // A list joined with the language's separator: Intl.ListFormat would cost 15 ms or more on the first paint.
  const purposes = c.categories.map((k) => t[k]).join(t.separator);
  return el(
    'section',
    { class: 'n', 'aria-label': t.settings },
    el('p', {}, t.notice.replace('{purposes}', purposes), ...(c.policyUrl ? [' ', el('a', { href: c.policyUrl }, t.policy)] : [])),
    el('div', { class: 'a' }, button(t.acceptAll, choose(true, 'banner')), button(t.rejectAll, choose(false, 'banner')), more),
  );
};
