// klaro's configuration, as its documentation says: an analytics, an advertising and a functional service, whose cookies it removes on decline.
window.klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  lang: 'en',
  translations: { en: { purposes: { analytics: 'Analytics', marketing: 'Advertising', functional: 'Functional' } } },
  services: [
    {
      name: 'google-analytics',
      title: 'Google Analytics',
      purposes: ['analytics'],
      cookies: [/^_ga(_.*)?/, '_gid'],
      required: false,
      optOut: false,
      onlyOnce: true
    },
    { name: 'google-ads', title: 'Google Ads', purposes: ['marketing'], cookies: [/^_gcl_/], required: false, optOut: false, onlyOnce: true },
    { name: 'video', title: 'Embedded videos', purposes: ['functional'], required: false, optOut: false, onlyOnce: true }
  ]
};
