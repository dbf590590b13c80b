// Every HTML example of the README and the guides, loaded in Chromium as a page of a site that serves the
// built `dist/` as `/js/`: it starts consent-gate, logs no console error, throws nothing, and requests
// nothing off its own site before a choice (every other host is refused and counted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright';
import { launch } from '../e2e/harness';
// @ts-expect-error a plain ES module without types
import { codeBlocks, docFiles, read, root } from './markdown.mjs';

type Block = { lang: string; path?: string; code: string; line: number };
const ORIGIN = 'https://www.example.test';
const TYPES: Record<string, string> = { js: 'text/javascript', mjs: 'text/javascript', json: 'application/json', css: 'text/css', html: 'text/html' };

/** A fragment inside a page, with the script tag where it has none. */
export const asPage = (html: string): string => {
  if (/^\s*<!doctype/i.test(html)) return html;
  const tag = /consent-gate\.min\.js/.test(html) ? '' : '<script src="/js/consent-gate.min.js" data-categories="analytics marketing functional"></script>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example</title>${tag}</head><body>\n${html}\n</body></html>`;
};

/**
 * What goes wrong when `html` is loaded as `ORIGIN/`, with `files` (path → text) served beside it: console
 * errors, page errors, requests to other hosts, a page where consent-gate did not start or its UI never got ready.
 */
export const loadProblems = async (browser: Browser, html: string, files: Record<string, string> = {}): Promise<string[]> => {
  const context = await browser.newContext();
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin != ORIGIN) {
      problems.push(`requested ${url.href}`);
      return route.abort();
    }
    if (url.pathname == '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    if (files[url.pathname] !== undefined) return route.fulfill({ contentType: TYPES[url.pathname.split('.').pop()!] || 'text/plain', body: files[url.pathname] });
    const built = normalize(join(root, 'dist', url.pathname.replace(/^\/js\//, '/')));
    if (url.pathname.startsWith('/js/') && built.startsWith(join(root, 'dist')) && existsSync(built))
      return route.fulfill({ contentType: TYPES[built.split('.').pop()!] || 'application/octet-stream', body: readFileSync(built) });
    // The site's own pages (a privacy statement): any page of it.
    if (!/\.\w+$/.test(url.pathname)) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Page</title>' });
    return route.fulfill({ status: 404, body: '' });
  });
  const page: Page = await context.newPage();
  page.on('console', (m) => m.type() == 'error' && problems.push('console error: ' + m.text()));
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  try {
    await page.goto(ORIGIN + '/');
    const started = await page.evaluate(() => {
      const gate = (window as unknown as { ConsentGate?: { ready: Promise<void> } }).ConsentGate;
      return gate ? Promise.race([gate.ready.then(() => 'ready'), new Promise((r) => setTimeout(() => r('never ready'), 5000))]) : 'not started';
    });
    if (started != 'ready') problems.push('consent-gate: ' + started);
    // What loads after the notice (a language, the declaration) has its chance to fail too.
    await page.waitForLoadState('networkidle');
  } finally {
    await context.close();
  }
  return problems;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('HTML examples in the documentation', () => {
  for (const doc of docFiles() as string[]) {
    const all = codeBlocks(read(doc)) as Block[];
    const blocks = all.filter((b) => b.lang == 'html');
    if (!blocks.length) continue;
    // Files the same page shows with a path (a configuration script), served at that path.
    const files = Object.fromEntries(all.filter((b) => b.path && b.lang != 'html').map((b) => ['/' + b.path!.replace(/^\//, ''), b.code]));
    it(`${doc}: ${blocks.length} example(s) load in Chromium with no error and no request off the site`, async () => {
      const problems: string[] = [];
      for (const b of blocks) for (const p of await loadProblems(browser, asPage(b.code), files)) problems.push(`${doc}:${b.line}: ${p}`);
      expect(problems).toEqual([]);
    }, 60000);
  }

  it('finds what it is for: a misspelt attribute value, a script that throws, a tag that calls a tracker at once', async () => {
    const problems = await loadProblems(browser, asPage('<script src="/js/consent-gate.min.js" data-ga-id="UA-12345"></script>'));
    expect(problems.join('\n')).toMatch(/console error: .*gaId/);
    expect((await loadProblems(browser, '<!doctype html><title>No consent-gate</title><script src="/js/nope.min.js"></script>')).join('\n')).toMatch(/not started/);
    expect((await loadProblems(browser, asPage('<img src="https://tracker.example.com/p.gif" alt="">'))).join('\n')).toMatch(/requested https:\/\/tracker\.example\.com/);
  }, 60000);
});
