import type { Ui } from './context';

/**
 * The notice: its text, the privacy statement's link, and three equal buttons on one layer (Accept all,
 * Reject all, Customize). Closing, scrolling or Escape is never consent: it has no close button.
 */
export const createNotice = ({ t, c, el, button, choose }: Ui, customize: (from: Element) => void): HTMLElement => {
  const more = button(t.customize, () => customize(more));
  return el(
    'section',
    { class: 'n', 'aria-label': t.settings },
    el('p', {}, t.notice, ...(c.policyUrl ? [' ', el('a', { href: c.policyUrl }, t.policy)] : [])),
    el('div', { class: 'a' }, button(t.acceptAll, choose(true, 'banner')), button(t.rejectAll, choose(false, 'banner')), more),
  );
};
