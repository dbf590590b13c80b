// Group 8: axe-core on the notice and the dialog in both themes; keyboard use; focus never hidden.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { Page } from 'playwright';
import { clickUi, openContext, site, useBrowserAndSite } from './harness';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const env = useBrowserAndSite();

/** axe-core's violations within `scope` (the consent UI by default, its shadow tree included), WCAG 2.2 A/AA and best practice. */
const axe = async (page: Page, scope = 'consent-gate') => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (scope) => {
    const result = await (window as any).axe.run(scope, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  }, scope);
};

/** The focused element, through shadow roots, as `tag "text"`. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()} "${(el.textContent || '').trim()}"` : 'none';
  });

describe('8. accessibility', () => {
  for (const scheme of ['light', 'dark'] as const)
    it(`has no axe violation on the notice and the dialog (${scheme})`, async () => {
      const { context } = await openContext(env.browser);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(site(env.server) + '/privacy.html');
      await page.locator('consent-gate .n').waitFor();
      expect(await axe(page)).toEqual([]);
      await clickUi(page, 'Customize');
      await page.locator('consent-gate dialog').waitFor();
      expect(await axe(page)).toEqual([]);
      await context.close();
    });

  for (const [scheme, lang] of [['light', 'en'], ['dark', 'en'], ['light', 'ar'], ['dark', 'ar']] as const)
    it(`has no axe violation on the cookie declaration: the privacy page's and the dialog's tables, open (${scheme}, ${lang})`, async () => {
      const { context } = await openContext(env.browser);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(site(env.server) + '/privacy.html?lang=' + lang);
      await page.locator('[data-consent-declaration] table').first().waitFor();
      expect(await axe(page, '[data-consent-declaration]')).toEqual([]);
      await page.evaluate(() => (window as any).ConsentGate.showPreferences());
      await page.locator('consent-gate dialog details').first().waitFor();
      await page.evaluate(() => document.querySelector('consent-gate')!.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await axe(page)).toEqual([]);
      await context.close();
    });

  for (const [scheme, forcedColors] of [['light', 'none'], ['dark', 'none'], ['light', 'active'], ['dark', 'active']] as const)
    it(`shows each switch as a switch, on and off told apart by the knob's place, not colour alone (${scheme}, forced colors ${forcedColors})`, async () => {
      const { context } = await openContext(env.browser);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme, forcedColors });
      await page.goto(site(env.server) + '/');
      await clickUi(page, 'Customize');
      await page.locator('consent-gate dialog').waitFor();
      const knobs = () =>
        page.evaluate(() =>
          Array.from(document.querySelector('consent-gate')!.shadowRoot!.querySelectorAll('dialog label')).map((label) => {
            const track = label.querySelector('.s')!;
            const knob = getComputedStyle(track, '::after');
            return { checked: label.querySelector('input')!.checked, left: knob.left, knob: knob.backgroundColor, track: getComputedStyle(track).borderColor };
          }),
        );
      // Necessary is on; the three categories are off, nothing pre-ticked.
      const before = await knobs();
      expect(before.map((k) => k.checked)).toEqual([true, false, false, false]);
      expect(before[0].left).toBe('23px');
      expect(before.slice(1).map((k) => k.left)).toEqual(['3px', '3px', '3px']);
      // The knob stands out from the track in every mode (a visible part, not a colour change alone).
      for (const k of before) expect(k.knob).not.toBe('rgba(0, 0, 0, 0)');
      // Space on the focused switch turns it on: the knob moves.
      await page.keyboard.press('Space');
      expect((await knobs())[1]).toMatchObject({ checked: true, left: '23px' });
      await context.close();
    });

  it('reaches the notice within a few Tab presses from the top of the page', async () => {
    const { context } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/');
    await page.locator('consent-gate .n').waitFor();
    const stops = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops).toEqual(['a "Privacy statement"', 'button "Accept all"', 'button "Reject all"']);
    await context.close();
  });

  it('opens the dialog by keyboard, keeps Tab inside, closes on Escape without consent, focus back on the opener', async () => {
    const { context } = await openContext(env.browser);
    const page = await context.newPage();
    await page.goto(site(env.server) + '/');
    await page.locator('footer [data-consent-open]').focus();
    await page.keyboard.press('Enter');
    await page.locator('consent-gate dialog').waitFor();
    expect(await focused(page)).toBe('input ""');
    // The cookie tables' disclosures are in the order too.
    await expect.poll(() => page.locator('consent-gate dialog summary').count()).toBe(4);
    const seen = new Set<string>();
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      seen.add(await focused(page));
    }
    expect([...seen].sort()).toEqual(
      [
        'button "Accept all"',
        'button "Delete analytics cookies"',
        'button "Reject all"',
        'button "Save choices"',
        'button "×"',
        'input ""',
        'summary "Cookies used (1)"',
        'summary "Cookies used (2)"',
        'summary "Cookies used (4)"',
      ].sort(),
    );
    await page.keyboard.press('Escape');
    expect(await page.locator('consent-gate dialog').isVisible()).toBe(false);
    expect(await page.evaluate(() => (window as any).ConsentGate.getConsent())).toBeNull();
    expect(await focused(page)).toBe('a "Cookie settings"');
    await context.close();
  });

  it("keeps the dialog's buttons where they first show: cookie tables (asked for on hover) slower than the dialog come before it opens, or at the next opening", async () => {
    for (const delay of [400, 2500]) {
      const { context } = await openContext(env.browser);
      const page = await context.newPage();
      await page.route('**/consent-gate.declaration.min.js', async (route) => {
        await new Promise((r) => setTimeout(r, delay));
        await route.continue();
      });
      await page.goto(site(env.server) + '/');
      const declared = page.waitForResponse('**/consent-gate.declaration.min.js');
      // The pointer over "Customize" asks for the declaration, before any click.
      const asked = page.waitForRequest('**/consent-gate.declaration.min.js');
      await page.locator('consent-gate .n').getByRole('button', { name: 'Customize', exact: true }).hover();
      await asked;
      await clickUi(page, 'Customize');
      const dialog = page.locator('consent-gate dialog[open]');
      await dialog.waitFor();
      const reject = dialog.getByRole('button', { name: 'Reject all', exact: true });
      const first = await reject.boundingBox();
      const tablesAtOpening = await dialog.locator('details').count();
      await declared;
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      // Nothing is drawn above the buttons while the dialog is open.
      expect(await reject.boundingBox()).toEqual(first);
      expect(await dialog.locator('details').count()).toBe(tablesAtOpening);
      // A declaration there in time is in the dialog from the start; a later one, at the next opening.
      if (delay == 400) expect(tablesAtOpening).toBe(4);
      else {
        expect(tablesAtOpening).toBe(0);
        await page.keyboard.press('Escape');
        await page.locator('footer [data-consent-open]').click();
        await dialog.waitFor();
        expect(await dialog.locator('details').count()).toBe(4);
      }
      await context.close();
    }
  });

  it('never hides a focused element behind the notice (WCAG 2.4.11), at 1280 and 320 px', async () => {
    for (const width of [1280, 320]) {
      const { context } = await openContext(env.browser);
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 640 });
      await page.goto(site(env.server) + '/privacy.html');
      const notice = page.locator('consent-gate .n');
      await notice.waitFor();
      for (let i = 0; i < 16; i++) {
        await page.keyboard.press('Tab');
        const overlap = await page.evaluate(() => {
          let el: Element | null = document.activeElement;
          if (!el || el.tagName == 'CONSENT-GATE' || el == document.body) return 0;
          const box = el.getBoundingClientRect();
          const top = document.querySelector('consent-gate')!.shadowRoot!.querySelector('.n')!.getBoundingClientRect().top;
          return Math.max(0, box.bottom - top);
        });
        expect(overlap).toBe(0);
      }
      await context.close();
    }
  });
});
