// React (19, and 18) and Vue, rendered on the server with the visitor's decision and hydrated in Chromium:
// the demo's examples (demo/react, demo/vue, built with Vite by `npm run build:apps`), served by the demo server.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { encodeRecord } from '../../src/consent/record';
import { clickUi, openContext, site, useBrowserAndSite } from './harness';

const env = useBrowserAndSite();

/** A visitor who granted analytics and functional and denied advertising, a moment ago. */
const RETURNING = encodeRecord({
  id: '0123456789abcdef',
  timestamp: Math.floor(Date.now() / 1000) * 1000,
  revision: 1,
  source: 'banner',
  mode: 'opt-in',
  categories: { analytics: true, marketing: false, functional: true },
});

/** Every console error and warning of the page, and every error it threw (hydration mismatches among them). */
const watch = (page: Page) => {
  const messages: string[] = [];
  page.on('console', (m) => (m.type() == 'error' || m.type() == 'warning') && messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push('error: ' + e.message));
  return messages;
};

const state = (page: Page) => page.locator('#state').textContent();
/** Hydrated: the gate the app created in the browser has drawn its UI. */
const hydrated = (page: Page) => page.locator('consent-gate').waitFor({ state: 'attached' });

for (const app of ['react', 'react18', 'vue'] as const)
  describe(`${app}: server rendering and hydration`, () => {
    const url = () => site(env.server) + `/${app}/`;

    it('a returning visitor: the server renders the decision, the browser hydrates it without a warning', async () => {
      const { context } = await openContext(env.browser);
      await context.addCookies([{ name: 'cg_consent', value: RETURNING, url: site(env.server) + '/' }]);
      const page = await context.newPage();
      const messages = watch(page);
      const response = await page.goto(url());
      const html = await response!.text();
      expect(html).toMatch(/Analytics: (<!--[^>]*-->)?on(<!--[^>]*-->)?, advertising: (<!--[^>]*-->)?off/);
      expect(html).toContain('<iframe id="video"');
      await hydrated(page);
      expect(await state(page)).toBe('Analytics: on, advertising: off, functional: on');
      expect(await page.locator('#video').count()).toBe(1);
      expect(await page.locator('consent-gate .n').isVisible()).toBe(false);
      expect(messages).toEqual([]);
      await context.close();
    });

    it('a new visitor: rendered undecided, the notice shows once hydrated, and a decision re-renders the app', async () => {
      const { context } = await openContext(env.browser);
      const page = await context.newPage();
      const messages = watch(page);
      const html = await (await page.goto(url()))!.text();
      expect(html).toContain('id="video-fallback"');
      expect(html).not.toContain('<iframe');
      await hydrated(page);
      await page.locator('consent-gate .n').waitFor();
      expect(await state(page)).toBe('Analytics: off, advertising: off, functional: off');
      await clickUi(page, 'Accept all');
      await expect.poll(() => state(page)).toBe('Analytics: on, advertising: on, functional: on');
      await page.locator('#video').waitFor();
      expect(messages).toEqual([]);
      await context.close();
    });

    it('a withdrawal in another tab re-renders the app', async () => {
      const { context } = await openContext(env.browser);
      await context.addCookies([{ name: 'cg_consent', value: RETURNING, url: site(env.server) + '/' }]);
      const page = await context.newPage();
      const messages = watch(page);
      await page.goto(url());
      await hydrated(page);
      const shop = await context.newPage();
      await shop.goto(site(env.server) + '/');
      await shop.evaluate(() => (window as any).ConsentGate.rejectAll()); // eslint-disable-line @typescript-eslint/no-explicit-any
      await expect.poll(() => state(page)).toBe('Analytics: off, advertising: off, functional: off');
      await page.locator('#video-fallback').waitFor();
      expect(await page.locator('#video').count()).toBe(0);
      expect(messages).toEqual([]);
      await context.close();
    });
  });
