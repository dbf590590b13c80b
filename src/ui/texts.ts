import type { TextKey } from '../types';

/**
 * The notice's English texts, built into the main file; `{purposes}` is the list of the declared
 * categories' names (a category's name is its key), joined with `separator`.
 */
export const EN = {
  notice: 'We use necessary cookies to run this site. With your consent, we also use cookies for: {purposes}. You can change your mind at any time.',
  policy: 'Privacy statement',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  saved: 'Choices saved.',
  settings: 'Cookie settings',
  analytics: 'Analytics',
  marketing: 'Advertising',
  functional: 'Functional',
  separator: ', ',
};

/**
 * The preferences' English texts, in their own chunk. `{n}`, `{names}` and `{id}` are filled in.
 * What each category does is said as it is: GA's cookies hold a pseudonymous ID that recognises a browser.
 */
export const EN_PREFERENCES = {
  title: 'Cookie preferences',
  intro: 'Choose which cookies this site may use. You can change this at any time.',
  necessary: 'Necessary',
  necessaryInfo: 'Keep the site working and remember your choice.',
  analyticsInfo: 'Count visits and see which pages are used, with Google Analytics. Its cookies hold a pseudonymous ID that recognises this browser on later visits.',
  marketingInfo: 'Measure our advertising and show you relevant ads, here and on other sites. Advertisers and their partners may recognise this browser.',
  functionalInfo: 'Remember your settings and show content from other providers, such as embedded videos and maps.',
  alwaysOn: 'Always on',
  // California's wording for an honoured Global Privacy Control (or Do Not Track, where respected).
  gpc: 'Opt-out preference signal honored: every optional category stays off unless you turn it on here.',
  save: 'Save choices',
  close: 'Close',
  deleteCookies: 'Delete analytics cookies',
  deleted: 'Analytics cookies deleted: {n}.',
  notDeleted: 'The browser kept: {names}.',
  clientId: 'Your Google Analytics ID: {id}.',
  deletionRequest: 'Request erasure of its data',
  addon: 'Your browser’s Google Analytics opt-out add-on is honored: analytics stays off unless you turn it on here.',
  // The link California's regulations name, shown in opt-out mode with their icon.
  privacyChoices: 'Your Privacy Choices',
};

/** The texts of one language. */
export type Texts = Record<TextKey, string>;

/**
 * Languages with built-in texts (BCP 47): the 24 official languages of the EU, then Norwegian Bokmål,
 * Icelandic, Catalan, Basque, Galician, Turkish, Ukrainian, Arabic, Hebrew, Japanese, Korean, Chinese
 * (Simplified and Traditional) and Brazilian Portuguese.
 */
export const LANGS = 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv nb is ca eu gl tr uk ar he ja ko zh-Hans zh-Hant pt-BR'.split(' ');
