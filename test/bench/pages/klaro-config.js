// klaro's configuration, as its documentation says: one analytics service whose cookies it removes on decline.
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
  translations: { en: { purposes: { analytics: 'Analytics' } } },
  services: [
    {
      name: 'google-analytics',
      title: 'Google Analytics',
      purposes: ['analytics'],
      cookies: [/^_ga(_.*)?/, '_gid'],
      required: false,
      optOut: false,
      onlyOnce: true
    }
  ]
};
