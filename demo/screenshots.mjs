// Screenshots of the notice and the preferences, light and dark, 1280 and 375 px wide, in Arabic and Hebrew,
// and the opt-out mode's "Your Privacy Choices" button, from the demo:
// `npm run screenshots` writes demo/screenshots/*.png (shown in docs/languages-and-themes.md).
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
// Right to left: the notice and the preferences in Arabic and Hebrew.
for (const lang of ['ar', 'he']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
  await page.goto(`http://localhost:${server.port}/?lang=${lang}`);
  await page.locator('consent-gate .n').waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}notice-${lang}-1280.png` });
  await page.locator('consent-gate .n button').nth(2).click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}preferences-${lang}-1280.png` });
  await page.close();
}
// A US visitor (opt-out mode): no notice, the "Your Privacy Choices" button.
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
  await page.goto(`http://localhost:${server.port}/?country=US`);
  await page.locator('consent-gate .f').waitFor();
  await page.screenshot({ path: `${out}privacy-choices-1280.png`, clip: { x: 0, y: 600, width: 480, height: 120 } });
  await page.close();
}
await browser.close();
await server.close();
console.log('screenshots written to ' + out);
