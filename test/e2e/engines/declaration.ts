/**
 * The cookie declaration in every engine: the demo's preferences list each category's cookies in a closed
 * disclosure, the privacy page carries the whole declaration and follows decisions, cookie names are drawn
 * left to right in Arabic, and nothing scrolls sideways at 320 px.
 */
import { expect, it } from 'vitest';
import type { Tab } from './adapter';
import { GA_ID } from '../harness';
import { clickSwitch, clickUi, noticeShown, type EngineContext } from './helpers';

/** The rows of a category's table, as `cell | cell | …`, in the dialog ('dialog') or on the privacy page ('page'). */
const rows = (tab: Tab, where: 'dialog' | 'page', caption: string) =>
  tab.run(
    (where: string, caption: string) => {
      const root = where == 'dialog' ? document.querySelector('consent-gate')?.shadowRoot : document.querySelector('[data-consent-declaration]')?.shadowRoot;
      const table = Array.from(root?.querySelectorAll('table') || []).find((t) => t.caption?.textContent == caption);
      return table ? Array.from(table.tBodies[0].rows).map((tr) => Array.from(tr.cells).map((cell) => cell.textContent).join(' | ')) : null;
    },
    where,
    caption,
  );

/** The privacy page's declaration: each category's heading and the choice shown under it. */
const choices = (tab: Tab) =>
  tab.run(() =>
    Array.from(document.querySelector('[data-consent-declaration]')?.shadowRoot?.querySelectorAll('section') || []).map((s) => `${s.querySelector('h3')!.textContent}: ${s.querySelectorAll('p')[1].textContent}`),
  );

/** The centre of an element found by `selector` in the shadow root of the element found by `host`. */
const centreIn = (tab: Tab, host: string, selector: string) =>
  tab.run(
    (host: string, selector: string) => {
      const el = document.querySelector(host)?.shadowRoot?.querySelector(selector);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const box = el.getBoundingClientRect();
      return box.width ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
    },
    host,
    selector,
  );

/** For every cookie name starting with `_` (in `root`'s tables): whether its underscore is drawn left of the letter after it. */
const underscoresLeft = (tab: Tab, host: string) =>
  tab.run((host: string) => {
    const names = Array.from(document.querySelector(host)?.shadowRoot?.querySelectorAll('tbody th bdi') || []).filter((b) => b.textContent!.startsWith('_'));
    return names.map((bdi) => {
      const text = bdi.firstChild!;
      const at = (i: number) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().left;
      };
      return `${bdi.textContent} ${at(0) < at(1) ? 'left to right' : 'right to left'}`;
    });
  }, host);

export const declarationScenarios = ({ visit }: EngineContext) => {
  it("the declaration in the preferences: each category's cookies in a closed disclosure, _ga with Google, 2 years and its purpose, and the site's own", async () => {
    const { tab } = await visit('/');
    await clickUi(tab, 'Customize');
    await expect.poll(() => rows(tab, 'dialog', 'Cookies: Analytics')).toEqual([
      '_ga | Google | First party | 2 years | Google Analytics: a random identifier that recognises this browser on later visits.',
      `_ga_${GA_ID.slice(2)} | Google | First party | 2 years | Google Analytics: keeps the state of your current visit.`,
    ]);
    expect(await rows(tab, 'dialog', 'Cookies: Advertising')).toContain('_shop_ad | This site | First party | 90 days | Our own advertising tag: remembers which of our ads brought you here.');
    expect(await rows(tab, 'dialog', 'Cookies: Functional')).toEqual(['_shop_video | Video player | First party | 1 year | The embedded video player: remembers where you stopped the video.']);
    // Closed, so the dialog stays short; a click on its summary opens one.
    const open = () => tab.run(() => Array.from(document.querySelector('consent-gate')!.shadowRoot!.querySelectorAll('details')).map((d) => d.open));
    expect(await open()).toEqual([false, false, false, false]);
    const summary = (await centreIn(tab, 'consent-gate', 'dialog .c:nth-of-type(2) summary'))!;
    await tab.clickAt(summary.x, summary.y);
    await expect.poll(open).toEqual([false, true, false, false]);
    expect(await tab.errors()).toEqual([]);
  });

  it('the privacy page carries the declaration: each choice, a button that opens the preferences, and a decision there updates the page', async () => {
    const { tab } = await visit('/privacy.html');
    await expect.poll(() => choices(tab)).toEqual(['Necessary: Always on', 'Analytics: Your choice: not allowed', 'Advertising: Your choice: not allowed', 'Functional: Your choice: not allowed']);
    expect(await rows(tab, 'page', 'Cookies: Necessary')).toEqual(['cg_consent | This site | First party | 182 days | Remembers your cookie choices, so that you are not asked again on every page.']);
    const button = (await centreIn(tab, '[data-consent-declaration]', 'button'))!;
    await tab.clickAt(button.x, button.y);
    await clickSwitch(tab, 'Analytics');
    await clickUi(tab, 'Save choices', 'dialog');
    await expect.poll(() => choices(tab)).toEqual(['Necessary: Always on', 'Analytics: Your choice: allowed', 'Advertising: Your choice: not allowed', 'Functional: Your choice: not allowed']);
    expect(await noticeShown(tab)).toBe(false);
    // The dialog closed: focus is back on the page's button.
    await expect.poll(() => tab.run(() => document.querySelector('[data-consent-declaration]')!.shadowRoot!.activeElement?.textContent ?? null)).toBe('Change your choices');
    expect(await tab.errors()).toEqual([]);
  });

  it('in Arabic, every cookie name is drawn left to right (the underscore of _ga left of its g), on the privacy page and in the preferences', async () => {
    const { tab } = await visit('/privacy.html?lang=ar');
    const expected = ['_ga', `_ga_${GA_ID.slice(2)}`, '_gcl_au', '_gcl_aw', '_gcl_dc', '_shop_ad', '_shop_video'].map((n) => n + ' left to right');
    await expect.poll(() => underscoresLeft(tab, '[data-consent-declaration]')).toEqual(expected);
    expect(await tab.run(() => getComputedStyle(document.querySelector('[data-consent-declaration]')!.shadowRoot!.querySelector('div')!).direction)).toBe('rtl');
    await tab.run(() => (window as any).ConsentGate.showPreferences()); // eslint-disable-line @typescript-eslint/no-explicit-any
    // Every disclosure opened, so that its table is drawn.
    await expect.poll(() => tab.run(() => document.querySelector('consent-gate')!.shadowRoot!.querySelectorAll('dialog[open] details').length)).toBe(4);
    await tab.run(() => document.querySelector('consent-gate')!.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true)));
    await expect.poll(() => underscoresLeft(tab, 'consent-gate')).toEqual(expected);
    expect(await tab.errors()).toEqual([]);
  });

  it('at 320 px wide, neither the privacy page with its declaration nor the preferences scroll sideways', async () => {
    // The page in a frame 320 px wide: the same in every engine, whatever its smallest window.
    const { tab } = await visit('/fixtures/narrow.html');
    const inFrame = <T>(fn: string) => tab.run((fn: string) => new Function('w', 'd', fn)(...[(document.getElementById('narrow') as HTMLIFrameElement).contentWindow, (document.getElementById('narrow') as HTMLIFrameElement).contentDocument]), fn) as Promise<T>;
    await expect.poll(() => inFrame<number>("return d && d.querySelector('[data-consent-declaration]') && d.querySelector('[data-consent-declaration]').shadowRoot ? d.querySelector('[data-consent-declaration]').shadowRoot.querySelectorAll('table').length : 0")).toBe(4);
    expect(await inFrame('return w.innerWidth')).toBe(320);
    const sideways = "const dialog = d.querySelector('consent-gate') && d.querySelector('consent-gate').shadowRoot.querySelector('dialog[open]'); return [d.documentElement.scrollWidth - w.innerWidth, dialog ? dialog.scrollWidth - dialog.clientWidth : -1]";
    expect((await inFrame<number[]>(sideways))[0]).toBeLessThanOrEqual(0);
    // One block per cookie: the cells under each other, each with its label before it.
    expect(await inFrame("return w.getComputedStyle(d.querySelector('[data-consent-declaration]').shadowRoot.querySelector('td')).display")).toBe('block');
    await inFrame("w.ConsentGate.showPreferences()");
    await expect.poll(() => inFrame<number>("var r = d.querySelector('consent-gate') && d.querySelector('consent-gate').shadowRoot; return r ? r.querySelectorAll('dialog[open] details').length : 0")).toBe(4);
    await inFrame("d.querySelector('consent-gate').shadowRoot.querySelectorAll('details').forEach(function (x) { x.open = true; })");
    const [page, dialog] = await inFrame<number[]>(sideways);
    expect(page).toBeLessThanOrEqual(0);
    expect(dialog).toBeLessThanOrEqual(0);
    expect(await inFrame('return w.__errors || []')).toEqual([]);
    expect(await tab.errors()).toEqual([]);
  });
};
