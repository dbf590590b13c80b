import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { consentGate } from 'consent-gate/vue';
import { readConsent } from 'consent-gate/server';
import { App } from './app.js';
import { OPTIONS } from '../apps-options.js';

/** The page's HTML for a request with `cookieHeader`, and the decision it was rendered with. */
export const render = async (cookieHeader) => {
  const initialConsent = readConsent(cookieHeader, OPTIONS);
  return { html: await renderToString(createSSRApp(App).use(consentGate, { initialConsent })), initialConsent };
};
