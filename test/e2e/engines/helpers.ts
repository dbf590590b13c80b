/**
 * The page helpers the scenarios share, written against the small page API of adapter.ts: finding and
 * clicking the consent UI, reading the decision, GA's state, the notice, axe-core's violations.
 */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GA_ID } from '../harness';
import type { BrowserPaths, Engine, Profile, Tab } from './adapter';
import type { Network } from './network';
import type { Consent } from '../../../src/types';
import type { ConsentLog } from '../../../src/log';

export const SITE = 'http://www.shop.example.test';
export const STRICT = "script-src 'self' https://www.googletagmanager.com; style-src 'self'";
/** A strict CSP that also enforces Trusted Types, allowing consent-gate's own policy. */
export const TRUSTED_TYPES = STRICT + "; require-trusted-types-for 'script'; trusted-types consent-gate";
export const ANALYTICS = /^(_ga|_gid|_gat|__utm)/;
/** Rounds of the cross-tab check: the Firefox failure it guards against was intermittent. */
export const TAB_ROUNDS = 20;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** axe-core's source, run in the page by every engine. */
export const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Where a button is: the notice, the dialog, or anywhere in the consent UI (the floating button). */
export type Where = '.n' | 'dialog' | '';

/** The centre of the visible consent UI button labelled `text`, or null. */
export const buttonCentre = (tab: Tab, text: string, where: Where) =>
  tab.run(
    (text: string, where: string) => {
      const root = document.querySelector('consent-gate')?.shadowRoot;
      const button = Array.from(root?.querySelectorAll(where + ' button') || []).find((b) => b.textContent == text || b.getAttribute('aria-label') == text);
      const box = button?.getBoundingClientRect();
      return box && box.width && box.height ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
    },
    text,
    where,
  );

/** Click the consent UI's button `text` with the pointer, once it shows. */
export const clickUi = async (tab: Tab, text: string, where: Where = '.n') => {
  // When it does not show, the message says what the UI showed instead and what the page reported.
  const state = () =>
    tab.run(() => {
      const root = document.querySelector('consent-gate')?.shadowRoot;
      return `notice ${root?.querySelector<HTMLElement>('.n')?.hidden === false ? 'shown' : 'hidden'}, dialog ${root?.querySelector('dialog[open]') ? 'open' : 'closed'}, scrollY ${scrollY}`;
    });
  await expect
    .poll(() => buttonCentre(tab, text, where), { message: `button "${text}" in ${where}` })
    .not.toBeNull()
    .catch(async (e) => {
      throw new Error(`${(e as Error).message} (${await state()}; errors: ${JSON.stringify(await tab.errors())})`);
    });
  const { x, y } = (await buttonCentre(tab, text, where))!;
  await tab.clickAt(x, y);
};

/** Click the switch of the preferences' category labelled `name`, with the driver's own element click, once the dialog shows it. */
export const clickSwitch = async (tab: Tab, name: string) => {
  await expect.poll(() => tab.run((name: string) => !!Array.from(document.querySelector('consent-gate')!.shadowRoot!.querySelectorAll('dialog[open] label')).find((l) => l.textContent!.startsWith(name)), name), { message: `switch "${name}"` }).toBe(true);
  await tab.clickSwitch(name);
};

/** Where the switch labelled `name` is, and whether it is itself the element under its centre (no other element covers it). */
export const switchHit = (tab: Tab, name: string) =>
  tab.run((name: string) => {
    const root = document.querySelector('consent-gate')!.shadowRoot!;
    const input = Array.from(root.querySelectorAll<HTMLInputElement>('dialog[open] input[role=switch]')).find((i) => i.closest('label')!.textContent!.startsWith(name))!;
    const box = input.getBoundingClientRect();
    return { top: root.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) == input, checked: input.checked, width: box.width, height: box.height };
  }, name);

/** The `config` commands the page sent to gtag, by ID. */
export const configured = (tab: Tab) =>
  tab.run(() => ((window as unknown as { dataLayer?: IArguments[] }).dataLayer || []).filter((a) => a[0] == 'config').map((a) => a[1] as string));

/**
 * Click the page's element matched by `selector` with the pointer (scrolled into view first), as a person
 * would, and fail with where the click landed when it did not land on that element.
 */
export const clickPage = async (tab: Tab, selector: string) => {
  const { x, y } = await tab.run((selector: string) => {
    const el = document.querySelector(selector)!;
    const w = window as unknown as { __hit?: string };
    w.__hit = '';
    addEventListener('click', (e) => (w.__hit = e.composedPath().includes(el) ? 'it' : (e.composedPath()[0] as Element).tagName), { capture: true, once: true });
    el.scrollIntoView({ block: 'nearest' });
    const box = el.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }, selector);
  await tab.clickAt(x, y);
  const hit = () => tab.run(() => (window as unknown as { __hit?: string }).__hit);
  await expect.poll(hit, { timeout: 1000 }).not.toBe('').catch(() => {});
  const landed = await hit();
  if (landed != 'it') throw new Error(`the click on ${selector} landed ${landed ? 'on ' + landed : 'nowhere'}`);
};

export const V1 = '1.0123456789abcdef.' + Math.floor(Date.now() / 1000).toString(36) + '.1.a1.b';

export const gaState = (tab: Tab) =>
  tab.run((id: string) => {
    const w = window as unknown as Record<string, unknown> & { gtagStandIn?: { hits: unknown[] } };
    return {
      disabled: w['ga-disable-' + id],
      scripts: Array.from(document.scripts).filter((s) => s.src.includes('gtag/js')).length,
      hits: w.gtagStandIn ? w.gtagStandIn.hits.length : 0,
      dataLayer: 'dataLayer' in window,
    };
  }, GA_ID);

export const consent = (tab: Tab) => tab.run(() => (window as any).ConsentGate.getConsent() as Consent | null); // eslint-disable-line @typescript-eslint/no-explicit-any

/** The focused element, through shadow roots, as `tag "text"`. */
export const focused = (tab: Tab) =>
  tab.run(() => {
    let el: Element | null = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || '').trim()}"` : 'none';
  });

export const noticeShown = (tab: Tab) =>
  tab.run(() => {
    const n = document.querySelector('consent-gate')?.shadowRoot?.querySelector('.n') as HTMLElement | null;
    return !!n && !n.hidden && n.offsetHeight > 0;
  });

/** axe-core's violations within the consent UI (its shadow tree included): WCAG 2.2 A/AA and best practice. */
export const axeViolations = (tab: Tab) =>
  tab.run(async (source: string) => {
    (0, eval)(source);
    const result = await (window as any).axe.run('consent-gate', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }); // eslint-disable-line @typescript-eslint/no-explicit-any
    return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE);

/** The notice's direction, language and button texts. */
export const noticeLook = (tab: Tab) =>
  tab.run(() => {
    const host = document.querySelector('consent-gate')!;
    const n = host.shadowRoot!.querySelector('.n') as HTMLElement;
    const buttons = Array.from(n.querySelectorAll('button'));
    return {
      dir: getComputedStyle(n).direction,
      lang: host.getAttribute('lang'),
      buttons: buttons.map((b) => b.textContent),
      // Where each button starts, in the keyboard order.
      lefts: buttons.map((b) => b.getBoundingClientRect().left),
    };
  });

/** The notes the preferences dialog shows (its visible paragraphs). */
export const dialogNotes = (tab: Tab) =>
  tab.run(() => Array.from(document.querySelector('consent-gate')!.shadowRoot!.querySelectorAll('dialog[open] p')).filter((p) => !(p as HTMLElement).hidden).map((p) => p.textContent));

export const language = (code: string) => JSON.parse(readFileSync(new URL(`../../../src/ui/lang/${code}.json`, import.meta.url), 'utf8')) as Record<string, string>;

export const analyticsCookies = async (tab: Tab) => (await tab.cookies()).filter((c) => ANALYTICS.test(c.name)).map((c) => `${c.name} ${c.domain} ${c.path}`);

/** What a group of scenarios gets from the engine's suite: its name, its browser and network, and a way in. */
export interface EngineContext {
  name: keyof BrowserPaths;
  /** `proof`: the demo server's consent-gate/log, read by consent id. */
  env: { engine: Engine; network: Network; proof: Pick<ConsentLog, 'lookup'> };
  /** A new profile (fresh cookies; GPC or Google's opt-out add-on as asked) with a first tab on `path` of `site`. */
  visit(path: string, options?: { gpc?: boolean; addon?: boolean }, site?: string): Promise<{ profile: Profile; tab: Tab }>;
}
