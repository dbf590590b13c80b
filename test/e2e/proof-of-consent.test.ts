// Proof of consent from the browser to the database: the demo's endpoint is consent-gate/log (the
// embedded database); a decision the endpoint cannot take yet waits in the browser and arrives once.
import { describe, expect, it } from 'vitest';
import { clickUi, openContext, site, useBrowserAndSite } from './harness';

const env = useBrowserAndSite();

describe('proof of consent', () => {
  it('with the endpoint answering 503 for three page views, then 204, every decision arrives exactly once, and nothing is sent again', async () => {
    const { context, errors } = await openContext(env.browser);
    let pageViews = 0;
    const posts: number[] = [];
    await context.route('**/consent-log', (route) => {
      posts.push(pageViews);
      return pageViews <= 3 ? route.fulfill({ status: 503 }) : route.continue();
    });
    const page = await context.newPage();
    const view = async (path: string) => {
      pageViews++;
      await page.goto(site(env.server) + path);
    };
    await view('/');
    await clickUi(page, 'Accept all');
    const granted = await page.evaluate(() => (window as any).ConsentGate.getConsent());
    await expect.poll(() => posts.filter((v) => v == 1).length).toBe(1);
    await view('/product.html');
    await expect.poll(() => posts.filter((v) => v == 2).length).toBe(1);
    await view('/privacy.html');
    await expect.poll(() => posts.filter((v) => v == 3).length).toBe(1);
    await page.waitForTimeout(1000);
    const withdrawn = await page.evaluate(() => (window as any).ConsentGate.rejectAll());
    await expect.poll(() => posts.filter((v) => v == 3).length).toBe(2);
    expect(await env.server.log.lookup(granted.id)).toEqual([]);
    // The fourth page: the endpoint answers, both arrive, in their order, once each.
    await view('/');
    await expect.poll(async () => (await env.server.log.lookup(granted.id)).map((r) => [r.decidedAt, r.analytics])).toEqual([
      [granted.timestamp, true],
      [withdrawn.timestamp, false],
    ]);
    await view('/product.html');
    await page.waitForTimeout(500);
    expect(posts.filter((v) => v >= 5)).toEqual([]);
    expect(await env.server.log.lookup(granted.id)).toHaveLength(2);
    expect(await page.evaluate(() => localStorage.getItem('cg_consent_log'))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the demo’s /admin/consent, behind its password, lists the latest decisions and draws the opt-in rate per category per day', async () => {
    const { context } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/');
    await clickUi(page, 'Reject all');
    const consent = await page.evaluate(() => (window as any).ConsentGate.getConsent());
    await expect.poll(() => env.server.log.lookup(consent.id)).toHaveLength(1);
    expect((await fetch(`http://127.0.0.1:${env.server.port}/admin/consent`)).status).toBe(401);
    await context.close();
    const admin = await env.browser.newContext({ httpCredentials: { username: 'demo', password: env.server.adminPassword } });
    const adminPage = await admin.newPage();
    expect((await adminPage.goto(site(env.server) + '/admin/consent'))!.status()).toBe(200);
    expect(await adminPage.locator('tbody tr').first().locator('code').first().textContent()).toBe(consent.id);
    const chart = adminPage.locator('svg[role=img]');
    expect(await chart.getAttribute('aria-label')).toBe('Opt-in rate per category per day');
    expect(await chart.locator('circle').count()).toBeGreaterThanOrEqual(3);
    await admin.close();
  });
});
