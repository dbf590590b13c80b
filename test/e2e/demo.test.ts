// The demo as `npm start` serves it (its own gtag.js stand-in, no Google host): a curious visitor's
// developer tools show no error on any of its pages, before or after Accept all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { startDemoServer } from '../../demo/server.mjs';
import { launch } from './harness';

const PAGES = ['/', '/product.html', '/privacy.html', '/erase.html', '/react/', '/vue/'];

describe('the demo, as npm start serves it', () => {
  const env = {} as { browser: Browser; server: Awaited<ReturnType<typeof startDemoServer>> };
  beforeAll(async () => {
    [env.browser, env.server] = await Promise.all([launch(), startDemoServer()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });

  it('logs no console error, page error or failed request on any page, before and after Accept all', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() == 'error' && problems.push(`${page.url()}: console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${page.url()}: page error: ${e.message}`));
    // A request cut short by the next navigation (the preferences loading at idle) is no error.
    page.on('requestfailed', (r) => r.failure()?.errorText != 'net::ERR_ABORTED' && problems.push(`${page.url()}: failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${page.url()}: ${r.status()}: ${r.url()}`));
    const origin = `http://www.shop.example.test:${env.server.port}`;
    for (const path of PAGES) await page.goto(origin + path, { waitUntil: 'networkidle' });
    await page.goto(origin + '/', { waitUntil: 'networkidle' });
    await page.locator('consent-gate .n').getByRole('button', { name: 'Accept all' }).click();
    // GA and the Ads tag have run and sent their hits.
    await expect.poll(() => env.server.hits.length).toBeGreaterThan(1);
    for (const path of PAGES) await page.goto(origin + path, { waitUntil: 'networkidle' });
    expect(env.server.hits.some((h) => h.gcs == 'G11')).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps "Cookie settings" in the footer where it is while the live panel fills with cookies', async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    await page.goto(`http://www.shop.example.test:${env.server.port}/`, { waitUntil: 'networkidle' });
    const link = page.locator('footer [data-consent-open]');
    const top = () => link.evaluate((a) => Math.round(a.getBoundingClientRect().top + scrollY));
    const before = await top();
    await page.locator('consent-gate .n').getByRole('button', { name: 'Accept all' }).click();
    // The panel shows GA's cookies, written by the stand-in after Accept all.
    await expect.poll(() => page.locator('#panel').textContent(), { timeout: 5000 }).toMatch(/_ga_DEMO1234=/);
    expect(await top()).toBe(before);
    await context.close();
  });
});
