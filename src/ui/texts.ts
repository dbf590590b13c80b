import type { TextKey } from '../types';

/** The notice's English texts, built into the main file. */
export const EN = {
  notice: 'With your consent, we use Google Analytics to see how this site is used. Necessary cookies keep it working and remember your choice.',
  policy: 'Privacy statement',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  saved: 'Choices saved.',
  settings: 'Cookie settings',
};

/** The preferences' English texts, in their own chunk; `{n}`, `{names}` and `{id}` are filled in. */
export const EN_PREFERENCES = {
  title: 'Cookie preferences',
  intro: 'Choose which cookies this site may use. You can change this at any time.',
  necessary: 'Necessary',
  necessaryInfo: 'Keep the site working and store your choice. Cookie: cg_consent, 6 months.',
  analytics: 'Analytics (Google Analytics)',
  analyticsInfo: 'Count visits and the pages used, without identifying you. Cookies: _ga, _ga_<ID>, 2 years.',
  gpc: 'Your browser’s Global Privacy Control opt-out is honored: analytics stays off unless you turn it on here.',
  save: 'Save choices',
  close: 'Close',
  deleteCookies: 'Delete analytics cookies',
  deleted: 'Analytics cookies deleted: {n}.',
  notDeleted: 'The browser kept: {names}.',
  clientId: 'Your Google Analytics ID: {id}.',
  deletionRequest: 'Request erasure of its data',
};

/** The texts of one language. */
export type Texts = Record<TextKey, string>;

/** Languages with built-in texts. */
export const LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ja'];
