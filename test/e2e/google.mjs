import { readFileSync } from 'node:fs';

/** The local stand-in for gtag.js (demo/stand-in/gtag.js), served in place of Google's. */
export const STAND_IN = readFileSync(new URL('../../demo/stand-in/gtag.js', import.meta.url), 'utf8');

/** The local stand-in for a Tag Manager container (demo/stand-in/gtm.js), served in place of Google's gtm.js. */
export const GTM_STAND_IN = readFileSync(new URL('../../demo/stand-in/gtm.js', import.meta.url), 'utf8');

/** Every Google host a consent tool could reach. */
export const GOOGLE = /^https?:\/\/([\w-]+\.)*(google-analytics\.com|googletagmanager\.com|google\.com|doubleclick\.net)\//;
