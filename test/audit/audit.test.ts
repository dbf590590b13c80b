/**
 * consent-gate-audit as a user runs it (its bin, `--json` read back): the demo audits clean; each small
 * misbehaving site fails with its finding and exit status 1; an unreachable URL or a notice that is not
 * there exits 2. Sites are served as `www.shop.example.test` (Chromium maps *.example.test here, every
 * other host to nothing), so parent-domain cookies are real and no request leaves the machine.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { startDemoServer } from '../../demo/server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'consent-gate-audit-'));
let server: Awaited<ReturnType<typeof startDemoServer>>;
beforeAll(async () => {
  server = await startDemoServer({ mounts: [['/fixtures/', 'test/audit/fixtures/']] });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Finding = { type: string; subject: string; phase: string; step: string; evidence: string };
type Result = { findings: Finding[]; warnings: Finding[]; notChecked: string[]; consentGate: boolean; phases: { name: string }[]; durationMs: number };
let n = 0;

/** Run `consent-gate-audit <path> [args]` against the test site; its exit status, output and JSON report. */
const runAudit = (path: string, ...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string; json?: Result; file: (ext: string) => string }>((resolve) => {
    const base = join(dir, `report-${++n}`);
    const url = path.startsWith('http') ? path : `http://www.shop.example.test:${server.port}${path}`;
    execFile(
      process.execPath,
      [join(root, 'audit/bin/consent-gate-audit.mjs'), url, '--json', base + '.json', '--browser-arg=--host-resolver-rules=MAP *.example.test 127.0.0.1, MAP * ~NOTFOUND', ...args],
      { env: { ...process.env, CHROMIUM_PATH: inject('chromium') }, timeout: 90000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code == 'number' ? error.code : -1) : 0;
        let json: Result | undefined;
        try {
          json = JSON.parse(readFileSync(base + '.json', 'utf8'));
        } catch {
          json = undefined;
        }
        resolve({ status, stdout, stderr, json, file: (ext) => readFileSync(base + ext, 'utf8') });
      },
    );
  });

const types = (r: Result) => [...new Set(r.findings.map((f) => f.type))].sort();

describe('consent-gate-audit', () => {
  it('audits the demo clean: exit 0, no finding in any of the four phases, every report written', async () => {
    const r = await runAudit('/', '--junit', join(dir, 'demo.xml'), '--markdown', join(dir, 'demo.md'), '--declaration', join(dir, 'demo-declaration.json'));
    expect(r.stderr).toMatch(/phase 4: Accept all, withdrawn in the preferences, a reload: \d+ requests/);
    expect(r.status).toBe(0);
    expect(r.json!.consentGate).toBe(true);
    expect(r.json!.phases.map((p) => p.name)).toEqual(['first-visit', 'reject', 'accept', 'withdraw']);
    expect(r.json!.findings).toEqual([]);
    expect(r.json!.notChecked).toEqual([]);
    // GA's own _ga lives 2 years: a warning, which fails nothing.
    expect(r.json!.warnings.map((w) => w.type)).toEqual(['analytics-cookie-over-13-months', 'analytics-cookie-over-13-months']);
    expect(r.stdout).toContain('No finding.');
    // Everything the demo sets after Accept all is declared: the draft has nothing left to add.
    expect(JSON.parse(readFileSync(join(dir, 'demo-declaration.json'), 'utf8'))).toEqual({ analytics: [], marketing: [], functional: [], unclassified: [] });
    const junit = new JSDOM(readFileSync(join(dir, 'demo.xml'), 'utf8'), { contentType: 'application/xml' }).window.document;
    expect(junit.querySelector('parsererror')).toBeNull();
    expect(junit.querySelectorAll('testcase failure')).toHaveLength(0);
    expect(readFileSync(join(dir, 'demo.md'), 'utf8')).toMatch(/^# Consent audit of http:\/\/www\.shop\.example\.test:\d+\/\n\n\*\*No finding\*\*/);
    console.log(`consent-gate-audit on the demo (4 pages, four phases): ${(r.json!.durationMs / 1000).toFixed(1)} s`);
  }, 90000);

  // The runs against the fixtures mostly wait for each site's network to settle: a few at once (maxConcurrency).
  it.concurrent.each([
    ['a pixel request before consent', '/fixtures/pixel.html', ['tracker-after-refusal', 'tracker-before-choice'], 'www.facebook.com'],
    ['a cookie written before consent by a script outside consent-gate', '/fixtures/cookie-before.html', ['cookie-after-refusal', 'cookie-before-choice', 'cookie-after-withdrawal', 'undeclared-cookie'].sort(), '_fbp'],
    ['a cookie that survives Reject all', '/fixtures/survives-reject.html', ['cookie-after-refusal', 'cookie-after-withdrawal', 'undeclared-cookie'], '_clck'],
    ['a _ga copy on the parent domain left after a withdrawal', '/fixtures/ga-parent.html', ['cookie-after-refusal', 'cookie-after-withdrawal'], '_ga on .example.test/'],
    // Undeclared, so no cleaner knows it: it also survives the withdrawal.
    ['an undeclared cookie', '/fixtures/undeclared.html', ['cookie-after-withdrawal', 'undeclared-cookie'], '_hjid'],
    ['a cookie living 25 months, declared for 30 days', '/fixtures/long-lived.html', ['lifetime-longer-than-declared'], '_shop_pref'],
  ])('fails on %s: exit 1, with its finding and its evidence', async (_, path, expected, subject) => {
    const xml = join(dir, basename(path, '.html') + '.xml');
    const r = await runAudit(path, '--pages', '0', '--junit', xml);
    expect(r.status).toBe(1);
    expect(types(r.json!)).toEqual(expected);
    const finding = r.json!.findings.find((f) => f.type == expected[expected.length - 1] || f.type == expected[0])!;
    expect(r.json!.findings.map((f) => f.subject)).toContain(subject);
    expect(finding.evidence).not.toBe('');
    // The JUnit file: one test case per kind of finding, this one failing.
    const junit = new JSDOM(readFileSync(xml, 'utf8'), { contentType: 'application/xml' }).window.document;
    expect(junit.querySelectorAll('testcase')).toHaveLength(11);
    expect(junit.querySelectorAll('testcase failure')).toHaveLength(expected.length);
  }, 60000);

  it.concurrent('drives another notice through --accept, --reject and --preferences, and finds the _ga its Reject leaves on the parent domain', async () => {
    const r = await runAudit('/fixtures/other-notice.html', '--pages', '0', '--accept', '#notice .accept', '--reject', '#notice .reject', '--preferences', '#prefs');
    expect(r.status).toBe(1);
    expect(r.json!.consentGate).toBe(false);
    expect(types(r.json!)).toEqual(['cookie-after-withdrawal']);
    expect(r.json!.findings[0].subject).toBe('_ga on .example.test/');
    expect(r.json!.notChecked).toEqual(['Cookies against a declaration: the site does not use consent-gate (no window.ConsentGate)']);
  }, 60000);

  it.concurrent('without selectors, runs the first visit alone on another notice and says what it could not check', async () => {
    const r = await runAudit('/fixtures/other-notice.html', '--pages', '0');
    expect(r.status).toBe(0);
    expect(r.json!.phases.map((p) => p.name)).toEqual(['first-visit']);
    expect(r.json!.notChecked).toHaveLength(4);
    expect(r.stdout).toContain('? Not checked: Reject all, a reload, the other pages: the site does not use consent-gate, and no --accept and --reject selectors were given');
  }, 60000);

  it.concurrent('accepts known findings listed in --allow', async () => {
    writeFileSync(
      join(dir, 'allow.json'),
      JSON.stringify([
        { type: 'undeclared-cookie', subject: '_hj*' },
        { type: 'cookie-after-withdrawal', subject: '_hj*' },
      ]),
    );
    const r = await runAudit('/fixtures/undeclared.html', '--pages', '0', '--allow', join(dir, 'allow.json'));
    expect(r.status).toBe(0);
  }, 60000);

  it.concurrent('exits 2 when it cannot run: an unreachable URL, a notice that is not there, no URL at all', async () => {
    const unreachable = await runAudit('http://127.0.0.1:9/');
    expect([unreachable.status, unreachable.stderr]).toEqual([2, expect.stringMatching(/\nconsent-gate-audit: Could not load http:\/\/127\.0\.0\.1:9\/: /)]);
    const noNotice = await runAudit('/fixtures/other-notice.html', '--pages', '0', '--accept', '#cookie-banner .ok', '--reject', '#cookie-banner .no');
    expect([noNotice.status, noNotice.stderr]).toEqual([2, expect.stringContaining('No notice found: the --reject button (#cookie-banner .no) did not show')]);
    const bare = await new Promise<number>((resolve) => execFile(process.execPath, [join(root, 'audit/bin/consent-gate-audit.mjs')], (e) => resolve(e ? Number(e.code) : 0)));
    expect(bare).toBe(2);
  }, 90000);
});
