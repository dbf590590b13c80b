// @ts-check
/**
 * consent-gate-audit as a library: `audit(url, options)` runs the four phases and returns every record and
 * finding; the reporters turn the result into text, JSON, JUnit, Markdown or a draft declaration.
 */
export { audit, AuditError } from './audit.mjs';
export { NoBrowserError, findChromium } from './browser.mjs';
export { classifyCookie, classifyHost } from './classify.mjs';
export { allowList, FINDING_TYPES, findingsOf, withoutAllowed } from './findings.mjs';
export { TRACKER_HOSTS } from './trackers.mjs';
export { openCookieDatabase, lookupCookie } from './ocd.mjs';
export { declarationDraft, jsonReport, junitReport, markdownReport, textReport } from './report.mjs';
