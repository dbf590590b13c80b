// The preferences' English texts, in a module of their own, so that a chunk with the notice alone
// (an npm build) does not carry them.

/**
 * What each category does, in English: in the preferences and the cookie declaration. What each does is said
 * as it is: GA's cookies hold a pseudonymous ID that recognises a browser.
 */
export const EN_CATEGORY_INFO = {
  necessary: 'Necessary',
  necessaryInfo: 'Keep the site working and remember your choice.',
  analyticsInfo: 'Count visits and see which pages are used, with Google Analytics. Its cookies hold a pseudonymous ID that recognises this browser on later visits.',
  marketingInfo: 'Measure our advertising and show you relevant ads, here and on other sites. Advertisers and their partners may recognise this browser.',
  functionalInfo: 'Remember your settings and show content from other providers, such as embedded videos and maps.',
  alwaysOn: 'Always on',
};

/**
 * The preferences' English texts, in their own chunk. `{n}`, `{names}` and `{id}` are filled in.
 */
export const EN_PREFERENCES = {
  title: 'Cookie preferences',
  intro: 'Choose which cookies this site may use. You can change this at any time.',
  ...EN_CATEGORY_INFO,
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
