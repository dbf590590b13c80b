// Screenshots of the notice and the preferences, light and dark, 1280 and 375 px wide, from the demo:
// `npm run screenshots` writes demo/screenshots/*.png (shown in the README).
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { startDemoServer } from './server.mjs';
import { findChromium } from '../test/e2e/find-browsers.mjs';

const out = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const server = await startDemoServer();
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const scheme of ['light', 'dark'])
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: width > 400 ? 720 : 740 }, colorScheme: scheme });
    await page.goto(`http://localhost:${server.port}/`);
    await page.locator('consent-gate .n').waitFor();
    await page.screenshot({ path: `${out}notice-${scheme}-${width}.png` });
    await page.locator('consent-gate .n').getByRole('button', { name: 'Customize' }).click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}preferences-${scheme}-${width}.png` });
    await page.close();
  }
await browser.close();
await server.close();
console.log('screenshots written to ' + out);
