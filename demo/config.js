// The demo shop's own cookies, declared once: the cleaner deletes them when their category is withdrawn, and
// the preferences and the privacy page list them (a file of its own, so a strict CSP needs no inline script).
window.consentGateConfig = {
  cookies: {
    marketing: [
      {
        name: '_shop_ad',
        lifetime: 90,
        purpose: {
          en: 'Our own advertising tag: remembers which of our ads brought you here.',
          de: 'Unser eigenes Werbe-Tag: merkt sich, welche unserer Anzeigen Sie hergebracht hat.',
          fr: 'Notre propre balise publicitaire : retient laquelle de nos annonces vous a amené ici.',
        },
      },
    ],
    functional: [
      {
        name: '_shop_video',
        provider: 'Video player',
        lifetime: 365,
        purpose: { en: 'The embedded video player: remembers where you stopped the video.', de: 'Der eingebettete Videoplayer: merkt sich, wo Sie das Video angehalten haben.' },
      },
    ],
  },
};
