// The Vue example: server-rendered with the visitor's decision, hydrated without a mismatch.
import { defineComponent, h } from 'vue';
import { Consented, useConsent, useConsentGate } from 'consent-gate/vue';

const onOff = (granted) => (granted ? 'on' : 'off');

export const App = defineComponent({
  setup() {
    const consent = useConsent();
    const gate = useConsentGate();
    const settings = () => h('button', { type: 'button', onClick: () => gate?.showPreferences() }, 'Cookie settings');
    return () => {
      const categories = consent.value?.categories || {};
      return h('main', [
        h('h1', 'Vue + consent-gate'),
        h('p', [
          "Rendered on the server with the decision read from the request's cookie (",
          h('code', 'readConsent'),
          '), then hydrated: ',
          h('code', 'useConsent()'),
          ' follows every change, in this tab or another.',
        ]),
        h('p', { id: 'state' }, `Analytics: ${onOff(categories.analytics)}, advertising: ${onOff(categories.marketing)}, functional: ${onOff(categories.functional)}`),
        h(Consented, { category: 'functional' }, {
          default: () => h('iframe', { id: 'video', src: '/embed/video.html', title: 'How the mug is made', width: 480, height: 200 }),
          fallback: () => h('p', { id: 'video-fallback' }, ['This video is shown with functional cookies. ', settings()]),
        }),
        h('p', [settings(), ' ', h('a', { href: '/' }, 'Back to the shop')]),
      ]);
    };
  },
});
