// How long "Customize" takes to open the preferences on a slow connection (Chromium's "Fast 3G": 562.5 ms
// round trip, 1.6 Mbit/s down), from the click (or Enter) to the open dialog, with the visitor's intent
// before it (the pointer over the button, or the keyboard's focus on it, 300 ms before) and without (a
// click with no hover first), timed in the page from the event to the first frame with the dialog open.
// `node test/bench/dialog.mjs [dist…]` measures each built dist/ given (the current one by default), 10 page
// loads per case; `npm run bench` puts the current figures in BENCHMARKS.md.
import { chromium } from 'playwright';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../../demo/server.mjs';
import { findChromium } from '../e2e/find-browsers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.DIALOG_RUNS || 10);
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8 * 0.9, uploadThroughput: (750 * 1024) / 8 * 0.9 };
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The cases: what the visitor does before the click. */
const CASES = {
  'pointer over "Customize" 300 ms before the click': async (page, button) => {
    await button.hover();
    await page.waitForTimeout(300);
    return () => button.click();
  },
  'keyboard focus on "Customize" 300 ms before Enter': async (page, button) => {
    await button.focus();
    await page.waitForTimeout(300);
    return () => page.keyboard.press('Enter');
  },
  'a click with no intent before it': async (page, button) => () => button.click(),
};

/** Median ms from the action to the open dialog, per case, for the build served at `/js/` from `dist`. */
export const measureDialog = async (dist = 'dist/') => {
  // The demo server mounts folders relative to the repository.
  const server = await startDemoServer({ mounts: [['/js/', relative(root, resolve(dist)) + '/'], ['/pages/', 'test/bench/pages/']] });
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--host-resolver-rules=MAP *.example.test 127.0.0.1'] });
  const results = {};
  for (const [name, before] of Object.entries(CASES)) {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      await page.goto(`http://www.shop.example.test:${server.port}/pages/consent-gate.html`);
      const button = page.locator('consent-gate .n').getByRole('button', { name: 'Customize' });
      await button.waitFor();
      // The page settles first: what a build fetches at idle has come.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1500);
      // Timed in the page: from the click's (or Enter's) event to the first frame with the dialog open.
      await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        const mark = (e) => (w.__actedAt ??= e.timeStamp);
        document.addEventListener('keydown', mark, true);
        document.addEventListener('click', mark, true);
        const poll = () => (document.querySelector('consent-gate')?.shadowRoot?.querySelector('dialog')?.open ? (w.__openAt = performance.now()) : requestAnimationFrame(poll));
        requestAnimationFrame(poll);
      });
      const act = await before(page, button);
      await act();
      await page.waitForFunction(() => /** @type {any} */ (window).__openAt !== undefined, null, { timeout: 30000 });
      times.push(Math.round(await page.evaluate(() => /** @type {any} */ (window).__openAt - /** @type {any} */ (window).__actedAt)));
      await context.close();
    }
    results[name] = median(times);
  }
  await browser.close();
  await server.close();
  return results;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const dist of process.argv.slice(2).length ? process.argv.slice(2) : [root + 'dist/']) {
    const results = await measureDialog(dist);
    console.log(dist);
    for (const [name, ms] of Object.entries(results)) console.log(`  ${name}: ${ms} ms (median of ${RUNS})`);
  }
}
