// The demo's proof-of-consent page: its endpoint is consent-gate/log (the embedded database). That a
// decision the endpoint cannot take yet waits in the browser and arrives once is tested in every engine
// (engines/proof-of-consent.ts).
import { describe, expect, it } from 'vitest';
import { clickUi, openContext, site, useBrowserAndSite } from './harness';

const env = useBrowserAndSite();

describe('proof of consent', () => {
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
