import { createSSRApp } from 'vue';
import { consentGate } from 'consent-gate/vue';
import { App } from './app.js';
import { OPTIONS } from '../apps-options.js';

createSSRApp(App).use(consentGate, { options: OPTIONS, initialConsent: window.__CONSENT__ }).mount('#app');
