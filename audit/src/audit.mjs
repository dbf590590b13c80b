// @ts-check
import { chromium } from 'playwright';
import { getDomain } from 'tldts';
import { CHROMIUM_FLAGS, findChromium } from './browser.mjs';
import { classifyCookie, classifyHost } from './classify.mjs';
import { findingsOf } from './findings.mjs';
import { phaseFigures } from './report.mjs';

/**
 * @typedef {{ url: string, type: string, method: string, site: boolean, tracker: { provider: string, category: string } | null, beacon: boolean, page: string, step: string }} RequestRecord
 * @typedef {{ name: string, domain: string, path: string, expires: number, httpOnly: boolean, setBy?: string, step: string }} CookieRecord
 * @typedef {{ page: string, step: string, local: string[], session: string[] }} StorageRecord
 * @typedef {{ name: 'first-visit' | 'reject' | 'accept' | 'withdraw', title: string, requests: RequestRecord[], cookies: CookieRecord[], storage: StorageRecord[], durationMs: number }} Phase
 * @typedef {{ accept?: string, reject?: string, preferences?: string, pages?: number, timeout?: number, browserArgs?: string[], progress?: (line: string) => void }} AuditOptions
 * @typedef {import('./classify.mjs').Declaration} Declaration
 * @typedef {import('./findings.mjs').Finding} Finding
 * @typedef {{ url: string, site: string, pages: string[], consentGate: boolean, declaration: Declaration | null, phases: Phase[], findings: Finding[], warnings: Finding[], notChecked: string[], browser: string, durationMs: number }} AuditResult
 */

/** The error the audit exits 2 with: it could not run (unreachable, no notice found, no browser). */
export class AuditError extends Error {}

/**
 * Before a page's scripts: every `document.cookie` write is recorded with the script that made it (the
 * first URL of the stack other than this one), so each cookie can say who set it.
 */
const COOKIE_SPY = `(() => {
  const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (!desc || !desc.set) return;
  const writes = (window.__auditCookieWrites = []);
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() { return desc.get.call(this); },
    set(value) {
      const stack = String(new Error().stack || '').split('\\n').slice(2).join('\\n');
      const script = (stack.match(/(https?:\\/\\/[^\\s)]+):\\d+:\\d+/) || [])[1] || location.href;
      writes.push([String(value).split('=')[0].trim(), script]);
      return desc.set.call(this, value);
    },
  });
})();`;

const PHASES = /** @type {const} */ ([
  ['first-visit', 'First visit, nothing clicked'],
  ['reject', 'Reject all, a reload, the other pages'],
  ['accept', 'Accept all, the other pages'],
  ['withdraw', 'Accept all, withdrawn in the preferences, a reload'],
]);

/**
 * Audit the site at `startUrl`: four phases, each in a fresh browser context, over the start page and up to
 * `pages` same-site links found on it. On a consent-gate site (`window.ConsentGate`) the notice is driven by
 * itself; elsewhere through the `accept`, `reject` and `preferences` selectors (without them, only the
 * first visit runs, and the result says what could not be checked). Returns every record and the findings;
 * throws an {@link AuditError} where the audit cannot run.
 * @param {string} startUrl
 * @param {AuditOptions} [options]
 * @returns {Promise<AuditResult>}
 */
export const audit = async (startUrl, options = {}) => {
  const started = Date.now();
  const progress = options.progress || (() => {});
  const timeout = options.timeout ?? 15000;
  let start;
  try {
    start = new URL(startUrl);
    if (!/^https?:$/.test(start.protocol)) throw new Error();
  } catch {
    throw new AuditError(`Not an http(s) URL: ${startUrl}`);
  }
  const site = getDomain(start.hostname, { allowPrivateDomains: true }) || start.hostname;
  const sameSite = (url) => {
    try {
      const host = new URL(url).hostname;
      return (getDomain(host, { allowPrivateDomains: true }) || host) == site;
    } catch {
      return false;
    }
  };
  const executablePath = findChromium();
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS, ...(options.browserArgs || [])] });
  try {
    /** @type {Phase[]} */
    const phases = [];
    /** @type {Declaration | null} */
    let declaration = null;
    let consentGate = false;
    /** @type {string[]} */
    let pages = [];
    const notChecked = [];
    const canDecide = () => consentGate || (options.accept && options.reject);

    for (const [name, title] of PHASES) {
      if (name != 'first-visit' && !canDecide()) {
        notChecked.push(`${title}: the site does not use consent-gate, and no --accept and --reject selectors were given`);
        continue;
      }
      if (name == 'withdraw' && !consentGate && !options.preferences) {
        notChecked.push(`${title}: no --preferences selector was given to open the site's preferences`);
        continue;
      }
      const phaseStart = Date.now();
      progress(`phase ${phases.length + 1}: ${title} …`);
      const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
      await context.addInitScript({ content: COOKIE_SPY });
      /** @type {Phase} */
      const phase = { name, title, requests: [], cookies: [], storage: [], durationMs: 0 };
      let step = 'before a choice';
      /** Who set each cookie: a response's URL or a script's. */
      const setBy = new Map();
      // The network settles when nothing has been in flight for half a second (after a click as after a load).
      let inFlight = 0;
      let lastActivity = Date.now();
      const done = () => {
        inFlight = Math.max(0, inFlight - 1);
        lastActivity = Date.now();
      };
      context.on('requestfinished', done);
      context.on('requestfailed', done);
      const settle = async () => {
        const deadline = Date.now() + 8000;
        await new Promise((r) => setTimeout(r, 100));
        while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastActivity < 500)) await new Promise((r) => setTimeout(r, 50));
      };
      context.on('request', (request) => {
        inFlight++;
        lastActivity = Date.now();
        const url = request.url();
        if (!/^https?:/.test(url)) return;
        const type = request.resourceType();
        phase.requests.push({ url, type, method: request.method(), site: sameSite(url), tracker: classifyHost(new URL(url).hostname), beacon: type == 'ping' || type == 'beacon', page: request.frame()?.page()?.url() || '', step });
      });
      context.on('response', async (response) => {
        for (const header of await response.headersArray().catch(() => []))
          if (header.name.toLowerCase() == 'set-cookie') for (const line of header.value.split('\n')) setBy.set(line.split('=')[0].trim(), response.url());
      });
      const page = await context.newPage();
      /** Record the jar and the page's storage once its network has settled, as `step`. */
      const snapshot = async () => {
        await settle();
        const jar = await context.cookies();
        // Who wrote each cookie from script, in the page and its frames (read after the jar, so none is missed).
        for (const frame of page.frames())
          for (const [cookie, script] of await frame.evaluate(() => /** @type {any} */ (window).__auditCookieWrites || []).catch(() => [])) setBy.set(cookie, script);
        for (const c of jar) phase.cookies.push({ name: c.name, domain: c.domain, path: c.path, expires: c.expires, httpOnly: c.httpOnly, setBy: setBy.get(c.name), step });
        const storage = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) })).catch(() => ({ local: [], session: [] }));
        phase.storage.push({ page: page.url(), step, ...storage });
      };
      const visit = async (url) => {
        try {
          const response = await page.goto(url, { waitUntil: 'load', timeout });
          if (!response || response.status() >= 400) throw new Error(`answered ${response?.status() ?? 'nothing'}`);
        } catch (e) {
          throw new AuditError(`Could not load ${url}: ${/** @type {Error} */ (e).message.split('\n')[0]}`);
        }
        await snapshot();
      };
      const click = async (selector, what) => {
        const target = page.locator(selector).first();
        await target.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {
          throw new AuditError(`No notice found: ${what} (${selector}) did not show on ${page.url()}`);
        });
        await target.click();
      };
      /** Decide through the site's notice: consent-gate's own buttons, or the selectors given. */
      const decide = async (/** @type {'accept' | 'reject'} */ choice) => {
        if (consentGate) {
          const notice = page.locator('consent-gate .n button');
          if (await notice.first().isVisible().catch(() => false)) await notice.nth(choice == 'accept' ? 0 : 1).click();
          else await page.evaluate((accept) => (accept ? /** @type {any} */ (window).ConsentGate.acceptAll() : /** @type {any} */ (window).ConsentGate.rejectAll()), choice == 'accept');
        } else await click(/** @type {string} */ (options[choice]), choice == 'accept' ? 'the --accept button' : 'the --reject button');
      };

      /** Do `action`, then record what is there, as step `label`. */
      const after = async (/** @type {string} */ label, /** @type {() => Promise<unknown>} */ action) => {
        step = label;
        await action();
        await snapshot();
      };
      const reload = () => page.reload({ waitUntil: 'load' });
      /** Visit the other pages (each visit records what is there), as step `label`. */
      const otherPages = async (/** @type {string} */ label) => {
        step = label;
        for (const url of pages) await visit(url);
      };

      await visit(start.href);
      if (name == 'first-visit') {
        consentGate = await page.evaluate(() => typeof (/** @type {any} */ (window).ConsentGate?.declaration) == 'function').catch(() => false);
        if (consentGate) declaration = await page.evaluate(() => /** @type {any} */ (window).ConsentGate.declaration()).catch(() => null);
        if (consentGate && !declaration) notChecked.push('Cookies against the declaration: the site uses consent-gate, but its declaration could not be read');
        if (!consentGate) notChecked.push('Cookies against a declaration: the site does not use consent-gate (no window.ConsentGate)');
        const links = await page.evaluate(() => Array.from(document.links, (a) => a.href));
        pages = [...new Set(links.map((href) => href.split('#')[0]).filter((href) => /^https?:/.test(href) && href != start.href.split('#')[0] && sameSite(href)))].slice(0, options.pages ?? 3);
        for (const url of pages) await visit(url);
      } else if (name == 'reject') {
        await after('after Reject all', () => decide('reject'));
        await after('after Reject all and a reload', reload);
        await otherPages('after Reject all, on the other pages');
      } else if (name == 'accept') {
        await after('after Accept all', () => decide('accept'));
        await otherPages('after Accept all, on the other pages');
      } else {
        await after('after Accept all', () => decide('accept'));
        await after('after the withdrawal', async () => {
          if (consentGate) {
            await page.evaluate(() => /** @type {any} */ (window).ConsentGate.showPreferences());
            await page.locator('consent-gate dialog .a button').nth(2).click({ timeout: 5000 });
          } else {
            await click(/** @type {string} */ (options.preferences), 'the --preferences control');
            await click(/** @type {string} */ (options.reject), 'the --reject button in the preferences');
          }
        });
        await after('after the withdrawal and a reload', reload);
      }
      await context.close();
      phase.durationMs = Date.now() - phaseStart;
      progress(`phase ${phases.length + 1}: ${title}: ${phaseFigures(phase)}`);
      phases.push(phase);
    }
    const { findings, warnings } = findingsOf(phases, declaration, (c) => classifyCookie(c, declaration));
    return { url: start.href, site, pages, consentGate, declaration, phases, findings, warnings, notChecked, browser: 'Chromium ' + browser.version(), durationMs: Date.now() - started };
  } finally {
    await browser.close();
  }
};
