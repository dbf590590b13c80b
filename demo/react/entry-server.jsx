import { renderToString } from 'react-dom/server';
import { readConsent } from 'consent-gate/server';
import { App } from './app.jsx';
import { OPTIONS } from '../apps-options.js';

/** The page's HTML for a request with `cookieHeader`, and the decision it was rendered with. */
export const render = (cookieHeader) => {
  const initialConsent = readConsent(cookieHeader, OPTIONS);
  return { html: renderToString(<App initialConsent={initialConsent} />), initialConsent };
};
