/**
 * Google Tag Manager behind consent, in every engine: the container (the gtm.js stand-in, answering for
 * Google's host) loads only after a grant, after Consent Mode's default and update, with one `gtm.js` event;
 * every later decision reaches it as an update and a `consent_gate_update` event, in this tab or another.
 */
import { expect, it } from 'vitest';
import { GA_ID } from '../harness';
import type { Tab } from './adapter';
import { clickPage, clickUi, noticeShown, SITE, sleep, type EngineContext } from './helpers';

const GTM_ID = 'GTM-E2ETEST1';

/** What the stand-in container recorded (see demo/stand-in/gtm.js), or null where it never ran. */
type Entry = { kind: string; command: unknown };
const container = (tab: Tab) =>
  tab.run(() => (window as unknown as { gtmStandIn?: { runs: number; url: string; id: string; l: string | null; found: Entry[]; pushes: Entry[]; hits: { event: string; cid: string }[] } }).gtmStandIn ?? null);

/** An entry as `kind command…`: `[object Arguments] consent default`, `[object Object] gtm.js`. */
const brief = (e: Entry) =>
  e.kind + ' ' + (Array.isArray(e.command) ? e.command.filter((x) => typeof x == 'string').join(' ') : (e.command as { event: string }).event);

/** The data layer of the page as a container would find it, or null where it does not exist. */
const layer = (tab: Tab, name = 'dataLayer') => tab.run((name: string) => ((window as unknown as Record<string, unknown[]>)[name] || null)?.map((e) => Object.prototype.toString.call(e)) ?? null, name);

const ORDER = ['[object Arguments] consent default', '[object Arguments] set ads_data_redaction', '[object Arguments] consent update', '[object Object] gtm.js', '[object Object] consent_gate_update'];

export const tagManagerScenarios = ({ env, visit }: EngineContext) => {
  it('Tag Manager: no container, no gtm.start and no Google request before a choice or after Reject all (reload included)', async () => {
    const { tab } = await visit('/fixtures/gtm.html');
    await expect.poll(() => noticeShown(tab)).toBe(true);
    await sleep(300);
    expect(await layer(tab)).toBeNull();
    await clickUi(tab, 'Reject all');
    await tab.reload();
    await sleep(300);
    expect(await noticeShown(tab)).toBe(false);
    expect(await layer(tab)).toBeNull();
    expect(env.network.log.gtm).toEqual([]);
    expect(env.network.log.google).toEqual([]);
    expect(await tab.errors()).toEqual([]);
  });

  it('Tag Manager: Accept all loads one container after consent default, set, update and one gtm.js, all arguments objects; a returning visitor gets the same order; the GA4 tag in it counts one page view per page', async () => {
    const { tab } = await visit('/fixtures/gtm.html');
    await clickUi(tab, 'Accept all');
    await expect.poll(() => env.network.log.gtm).toEqual([`https://www.googletagmanager.com/gtm.js?id=${GTM_ID}`]);
    await expect.poll(async () => (await container(tab))?.runs).toBe(1);
    const found = (await container(tab))!.found;
    expect(found.map(brief)).toEqual(ORDER);
    expect(found[0].command).toEqual(['consent', 'default', expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'denied', security_storage: 'granted', wait_for_update: 500 })]);
    expect(found[2].command).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'granted' })]);
    expect(found[4].command).toEqual({ event: 'consent_gate_update', consent_gate: { analytics: 'granted', marketing: 'granted', functional: 'granted' } });
    // The container holds GA: gtag.js is never loaded beside it, and each page is counted once.
    const pageViews = () => env.network.log.hits.filter((h) => h.get('en') == 'page_view' && h.get('tid') == GA_ID).length;
    await expect.poll(pageViews).toBe(1);
    expect(env.network.log.gtag).toEqual([]);
    await tab.goto(SITE + '/fixtures/gtm.html');
    await expect.poll(async () => (await container(tab))?.runs).toBe(1);
    expect(await noticeShown(tab)).toBe(false);
    expect((await container(tab))!.found.map(brief)).toEqual(ORDER);
    await expect.poll(pageViews).toBe(2);
    await sleep(300);
    expect(pageViews()).toBe(2);
    expect(env.network.log.gtm).toHaveLength(2);
    expect(env.network.log.gtag).toEqual([]);
    expect(await tab.errors()).toEqual([]);
  });

  it('Tag Manager: a change here, and a withdrawal in another tab, reach the container as consent update then consent_gate_update; never a second container or gtm.js', async () => {
    const { profile, tab: a } = await visit('/fixtures/gtm.html');
    await clickUi(a, 'Accept all');
    await expect.poll(async () => (await container(a))?.runs).toBe(1);
    const b = await profile.open(SITE + '/fixtures/gtm.html');
    await expect.poll(async () => (await container(b))?.runs).toBe(1);
    // In tab b: advertising off, through the preferences.
    await b.run(() => (window as any).ConsentGate.setConsent({ marketing: false })); // eslint-disable-line @typescript-eslint/no-explicit-any
    // In tab a: everything withdrawn, through the preferences' Reject all; tab b follows.
    await clickPage(a, 'footer [data-consent-open]');
    await clickUi(a, 'Reject all', 'dialog');
    const later = async (tab: Tab) => (await container(tab))!.pushes.map((e) => e.command);
    await expect.poll(() => later(a)).toEqual([
      ['consent', 'update', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }],
      { event: 'consent_gate_update', consent_gate: { analytics: 'granted', marketing: 'denied', functional: 'granted' } },
      ['consent', 'update', { analytics_storage: 'denied', functionality_storage: 'denied', personalization_storage: 'denied' }],
      { event: 'consent_gate_update', consent_gate: { analytics: 'denied', marketing: 'denied', functional: 'denied' } },
    ]);
    await expect.poll(() => later(b)).toEqual(await later(a));
    expect((await container(a))!.runs).toBe(1);
    expect((await container(b))!.runs).toBe(1);
    expect(env.network.log.gtm).toHaveLength(2);
    expect(await a.errors()).toEqual([]);
    expect(await b.errors()).toEqual([]);
  });

  it('Tag Manager: its own data layer name (l= in the URL, nothing on window.dataLayer) and a first-party container URL', async () => {
    const { tab } = await visit('/fixtures/gtm-layer.html');
    await clickUi(tab, 'Accept all');
    await expect.poll(async () => (await container(tab))?.url ?? null).toBe(`${SITE}/stand-in/gtm.js?id=${GTM_ID}&l=shopLayer`);
    expect(await container(tab)).toMatchObject({ runs: 1, id: GTM_ID, l: 'shopLayer' });
    expect((await container(tab))!.found.map(brief)).toEqual(ORDER);
    expect(await layer(tab)).toBeNull();
    expect(await layer(tab, 'shopLayer')).toHaveLength(5);
    expect(env.network.log.google).toEqual([]);
    expect(await tab.errors()).toEqual([]);
  });

  it('Tag Manager: the script tag included twice loads one container', async () => {
    const { tab } = await visit('/fixtures/gtm-twice.html');
    await clickUi(tab, 'Accept all');
    await expect.poll(async () => (await container(tab))?.runs).toBe(1);
    await sleep(300);
    expect(env.network.log.gtm).toHaveLength(1);
    expect((await container(tab))!.found.filter((e) => brief(e).endsWith('gtm.js'))).toHaveLength(1);
    expect(await tab.errors()).toEqual([]);
  });

  it("Tag Manager: under a strict CSP (script-src 'self' 'nonce-…'), the script tag's nonce reaches the container: zero violations", async () => {
    const { tab } = await visit('/fixtures/gtm-csp.html');
    await clickUi(tab, 'Accept all');
    await expect.poll(async () => (await container(tab))?.runs).toBe(1);
    expect(await tab.run(() => Array.from(document.scripts).find((s) => s.src.includes('gtm.js'))!.nonce)).toBe('e2e-nonce');
    expect(await tab.errors()).toEqual([]);
  });
};
