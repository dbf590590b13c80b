/**
 * Proof of consent in every engine: a decision the endpoint cannot take yet (503) waits in the browser's
 * queue and arrives exactly once on a later page, whatever this engine's `fetch` keepalive and storage do.
 */
import { expect, it } from 'vitest';
import type { Consent } from '../../../src/types';
import { clickUi, consent, SITE, sleep, type EngineContext } from './helpers';

export const proofScenarios = ({ env, visit }: EngineContext) => {
  it('proof of consent: with the endpoint answering 503 for three page views, then 204, every decision arrives exactly once, and nothing is sent again', async () => {
    const posts = env.network.log.logPosts;
    const { tab } = await visit('/');
    env.network.logDown = true;
    await clickUi(tab, 'Accept all');
    const granted = (await consent(tab))!;
    await expect.poll(() => posts.length).toBe(1);
    await tab.goto(SITE + '/product.html');
    await expect.poll(() => posts.length).toBe(2);
    await tab.goto(SITE + '/privacy.html');
    await expect.poll(() => posts.length).toBe(3);
    const withdrawn = await tab.run(() => (window as any).ConsentGate.rejectAll() as Consent); // eslint-disable-line @typescript-eslint/no-explicit-any
    await expect.poll(() => posts.length).toBeGreaterThanOrEqual(4);
    await sleep(300);
    expect(posts.every((p) => p == 'refused')).toBe(true);
    expect(await env.proof.lookup(granted.id)).toEqual([]);
    // The fourth page: the endpoint answers; both decisions arrive, in their order, once each.
    env.network.logDown = false;
    await tab.goto(SITE + '/');
    await expect
      .poll(async () => (await env.proof.lookup(granted.id)).map((r) => [r.decidedAt, r.analytics]))
      .toEqual([
        [granted.timestamp, true],
        [withdrawn.timestamp, false],
      ]);
    const sent = posts.length;
    await tab.goto(SITE + '/product.html');
    await sleep(500);
    expect(posts.length).toBe(sent);
    expect(await env.proof.lookup(granted.id)).toHaveLength(2);
    expect(await tab.run(() => localStorage.getItem('cg_consent_log'))).toBeNull();
    // The browser's own line for each refused request ("Failed to load resource: … 503") is no error of the page.
    expect((await tab.errors()).filter((e) => !/\b503\b/.test(e))).toEqual([]);
  });
};
