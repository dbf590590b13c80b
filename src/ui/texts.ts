import type { TextKey } from '../types';

/** Every text the notice and the preferences show; `{n}`, `{names}` and `{id}` are filled in. */
export const EN: Record<TextKey, string> = {
  notice: 'We use Google Analytics to see how visitors use this site, but only if you agree. Necessary cookies keep the site working and remember your choice.',
  policy: 'Privacy statement',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  title: 'Cookie preferences',
  intro: 'Choose which cookies this site may use. You can change your choice at any time.',
  necessary: 'Necessary',
  necessaryInfo: 'Keep the site working and store your choice. Cookie: cg_consent, 6 months.',
  analytics: 'Analytics (Google Analytics)',
  analyticsInfo: 'Count visits and see which pages are used, without identifying you. Cookies: _ga and _ga_<ID>, 2 years.',
  gpc: 'Your browser sends Global Privacy Control: this opt-out preference signal is honored, so analytics stays off unless you turn it on here.',
  save: 'Save choices',
  close: 'Close',
  deleteCookies: 'Delete analytics cookies',
  deleted: 'Analytics cookies deleted: {n}.',
  notDeleted: 'The browser kept: {names}.',
  clientId: 'Your Google Analytics ID: {id}.',
  deletionRequest: 'Ask for its data to be erased',
  saved: 'Choices saved.',
  settings: 'Cookie settings',
};

/** The texts of one language. */
export type Texts = Record<TextKey, string>;

/** Languages with built-in texts. */
export const LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ja'];
