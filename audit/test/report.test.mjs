import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { allowList, declarationDraft, FINDING_TYPES, findingsOf, junitReport, markdownReport, textReport, withoutAllowed } from '../src/index.mjs';

const now = Date.now() / 1000;
const phase = (name, records) => ({ name, title: name, requests: records.requests || [], cookies: records.cookies || [], storage: records.storage || [], durationMs: 1000 });
const cookie = (name, step, days = 30, domain = '.example.test') => ({ name, domain, path: '/', expires: now + days * 86400, httpOnly: false, step });
const declaration = { categories: [{ category: 'necessary', cookies: [{ name: 'cg_consent', pattern: false, provider: 'This site', days: 182 }] }, { category: 'analytics', cookies: [{ name: '_ga', pattern: false, provider: 'Google', days: 730 }] }] };
const classify = (c) => (c.name == 'cg_consent' ? { category: 'necessary', declared: true, declaredDays: 182, source: 'declaration' } : c.name == '_ga' ? { category: 'analytics', declared: true, declaredDays: 730, source: 'declaration' } : c.name == '_fbp' ? { category: 'marketing', declared: false, source: 'open-cookie-database', provider: 'Meta' } : { category: 'unknown', declared: false, source: 'unknown' });

/** An audit's result with one finding of each kind. */
const result = () => {
  const phases = [
    phase('first-visit', { requests: [{ url: 'https://www.facebook.com/tr?id=1', type: 'image', method: 'GET', site: false, tracker: { provider: 'Meta', category: 'marketing' }, beacon: false, page: 'https://shop.example.test/', step: 'before a choice' }], cookies: [cookie('_fbp', 'before a choice')], storage: [{ page: 'https://shop.example.test/', step: 'before a choice', local: ['_hjSessionStorageTest'], session: [] }] }),
    phase('reject', { cookies: [cookie('cg_consent', 'after Reject all', 500), cookie('_fbp', 'after Reject all')] }),
    phase('accept', { cookies: [cookie('_ga', 'after Accept all', 800), cookie('mystery', 'after Accept all')] }),
    phase('withdraw', { cookies: [cookie('_ga', 'after Accept all', 700), cookie('_ga', 'after the withdrawal and a reload', 700)] }),
  ];
  const { findings, warnings } = findingsOf(phases, declaration, classify, now);
  return { url: 'https://shop.example.test/', site: 'example.test', pages: [], consentGate: true, declaration, phases, findings, warnings, notChecked: ['Something: not possible here'], browser: 'Chromium', durationMs: 4200 };
};

describe('findings', () => {
  it('finds each kind once per subject, with its phase, its step and its evidence', () => {
    const r = result();
    expect(r.findings.map((f) => [f.type, f.subject]).sort()).toEqual(
      [
        ['consent-cookie-over-13-months', 'cg_consent'],
        ['cookie-after-refusal', '_fbp'],
        ['cookie-after-withdrawal', '_ga on .example.test/'],
        ['cookie-before-choice', '_fbp'],
        ['lifetime-longer-than-declared', '_ga'],
        // Declared for 182 days, living 500.
        ['lifetime-longer-than-declared', 'cg_consent'],
        ['tracker-before-choice', 'www.facebook.com'],
        ['undeclared-cookie', '_fbp'],
        ['undeclared-cookie', 'mystery'],
      ].sort(),
    );
    expect(r.warnings.map((w) => [w.type, w.severity])).toEqual([['analytics-cookie-over-13-months', 'warning']]);
    expect(r.findings.find((f) => f.type == 'tracker-before-choice')).toMatchObject({ phase: 'first-visit', step: 'before a choice', evidence: expect.stringContaining('Meta (marketing): https://www.facebook.com/tr?id=1') });
  });

  it('leaves out what --allow accepts: a subject, a prefix with *, or a whole kind', () => {
    const { findings } = result();
    expect(withoutAllowed(findings, [{ type: 'undeclared-cookie', subject: 'myst*' }]).filter((f) => f.type == 'undeclared-cookie').map((f) => f.subject)).toEqual(['_fbp']);
    expect(withoutAllowed(findings, [{ type: 'undeclared-cookie' }]).some((f) => f.type == 'undeclared-cookie')).toBe(false);
  });

  it('reads an --allow list, and refuses one it cannot use with the entry that is wrong (a misspelt kind would allow nothing)', () => {
    const list = [{ type: 'undeclared-cookie', subject: '_hj*' }, { type: 'analytics-cookie-over-13-months' }];
    expect(allowList(list)).toEqual(list);
    expect(() => allowList({ type: 'undeclared-cookie' })).toThrow('a JSON list of { "type", "subject" } entries');
    expect(() => allowList([{ type: 'undeclared-cookies' }])).toThrow(/^entry 1: unknown type "undeclared-cookies"; the types are tracker-before-choice, .*, analytics-cookie-over-13-months$/);
    expect(() => allowList([list[0], { type: 'undeclared-cookie', subject: 42 }])).toThrow('entry 2: "subject" is a string');
    expect(() => allowList([null])).toThrow('entry 1: unknown type "undefined"');
  });
});

describe('reports', () => {
  it('JUnit: parses as XML, one test case per kind of finding, a failure for each kind found, skipped what was not checked', () => {
    const doc = new JSDOM(junitReport(result()), { contentType: 'application/xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    const cases = Array.from(doc.querySelectorAll('testcase'));
    expect(cases.map((c) => c.getAttribute('name'))).toEqual([...Object.values(FINDING_TYPES), 'Something']);
    expect(cases.filter((c) => c.querySelector('failure')).map((c) => c.querySelector('failure').getAttribute('type')).sort()).toEqual(
      ['consent-cookie-over-13-months', 'cookie-after-refusal', 'cookie-after-withdrawal', 'cookie-before-choice', 'lifetime-longer-than-declared', 'tracker-before-choice', 'undeclared-cookie'].sort(),
    );
    expect(doc.querySelectorAll('skipped')).toHaveLength(1);
    expect(doc.querySelector('testsuite').getAttribute('failures')).toBe('7');
  });

  it('text and Markdown name every finding with its evidence; Markdown escapes what it quotes', () => {
    const r = result();
    r.findings[0].evidence = 'a | b <script>';
    const text = textReport(r);
    expect(text).toContain('✗ No request to a tracker before a choice: www.facebook.com');
    expect(text).toContain('9 findings, 1 warning, in 4.2 s (Chromium).');
    expect(text).toContain('  first-visit: 1 request (1 to trackers, 0 beacons), 1 cookie, 1.0 s');
    const md = markdownReport(r);
    expect(md).toContain('**9 findings**, 1 warning,');
    expect(md).toContain('a \\| b \\<script\\>');
  });

  it('drafts a declaration of what Accept all brought and nothing declares, in the cookies option’s form', () => {
    expect(JSON.parse(declarationDraft(result()))).toEqual({ analytics: [], marketing: [], functional: [], unclassified: [{ name: 'mystery', lifetime: 30, purpose: 'To review: what is it for?' }] });
  });
});
