import type { TextKey } from '../types';

/** The categories' English names: in the notice, the preferences and the cookie declaration. */
export const EN_CATEGORIES = {
  analytics: 'Analytics',
  marketing: 'Advertising',
  functional: 'Functional',
};

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
  ...EN_CATEGORIES,
  separator: ', ',
};

/** The texts of one language. */
export type Texts = Record<TextKey, string>;

/**
 * Languages with built-in texts (BCP 47): the 24 official languages of the EU, then Norwegian Bokmål,
 * Icelandic, Catalan, Basque, Galician, Turkish, Ukrainian, Arabic, Hebrew, Japanese, Korean, Chinese
 * (Simplified and Traditional) and Brazilian Portuguese.
 */
export const LANGS = 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv nb is ca eu gl tr uk ar he ja ko zh-Hans zh-Hant pt-BR'.split(' ');
