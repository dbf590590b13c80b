// @ts-check
import { FINDING_TYPES } from './findings.mjs';
import { classifyCookie } from './classify.mjs';

/** @typedef {import('./audit.mjs').AuditResult} AuditResult */

const xml = (text) => String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
const md = (text) => String(text).replace(/[|\\`*_[\]<>]/g, (c) => '\\' + c).replace(/\n/g, ' ');

/** `n` and its noun, singular for one: `1 cookie`, `2 cookies`, `0 findings`. */
export const count = (n, one, many = one + 's') => `${n} ${n == 1 ? one : many}`;

/** A phase's figures, as its progress line and the summary show them. @param {import('./audit.mjs').Phase} p */
export const phaseFigures = (p) =>
  `${count(p.requests.length, 'request')} (${p.requests.filter((q) => q.tracker).length} to trackers, ${count(p.requests.filter((q) => q.beacon).length, 'beacon')}), ${count(new Set(p.cookies.map((c) => c.name)).size, 'cookie')}, ${(p.durationMs / 1000).toFixed(1)} s`;

/**
 * The readable summary for a terminal: what was audited, each phase's figures, then each finding with its
 * evidence, the warnings, and what could not be checked.
 * @param {AuditResult} r
 */
export const textReport = (r) => {
  const lines = [`consent-gate-audit ${r.url}`, `  ${r.consentGate ? 'consent-gate found: driven by itself' : 'no consent-gate: driven by the selectors given'}; pages: ${[r.url, ...r.pages].join(', ')}`, ''];
  for (const p of r.phases) lines.push(`  ${p.title}: ${phaseFigures(p)}`);
  lines.push('');
  if (!r.findings.length) lines.push('No finding.');
  for (const f of r.findings) lines.push(`✗ ${f.title}: ${f.subject}`, `    ${f.phase}, ${f.step}: ${f.evidence}`);
  for (const w of r.warnings) lines.push(`! ${w.title}: ${w.subject}`, `    ${w.phase}, ${w.step}: ${w.evidence}`);
  for (const n of r.notChecked) lines.push(`? Not checked: ${n}`);
  lines.push('', `${count(r.findings.length, 'finding')}, ${count(r.warnings.length, 'warning')}, in ${(r.durationMs / 1000).toFixed(1)} s (${r.browser}).`);
  return lines.join('\n') + '\n';
};

/** Everything recorded and found, as JSON. @param {AuditResult} r */
export const jsonReport = (r) => JSON.stringify(r, null, 2) + '\n';

/**
 * JUnit XML for CI: one test case per kind of finding (passing where there is none), each failure with its
 * evidence; what could not be checked as skipped cases.
 * @param {AuditResult} r
 */
export const junitReport = (r) => {
  const all = [...r.findings, ...r.warnings];
  const cases = Object.entries(FINDING_TYPES).map(([type, title]) => {
    const hits = all.filter((f) => f.type == type);
    const failures = hits.filter((f) => f.severity == 'finding');
    const body = failures.length
      ? `<failure type="${type}" message="${xml(`${failures.length}: ${failures.map((f) => f.subject).join(', ')}`)}">${xml(failures.map((f) => `${f.subject} — ${f.phase}, ${f.step}: ${f.evidence}`).join('\n'))}</failure>`
      : hits.length
        ? `<system-out>${xml(hits.map((f) => `warning: ${f.subject} — ${f.evidence}`).join('\n'))}</system-out>`
        : '';
    return `    <testcase classname="consent-gate-audit" name="${xml(title)}">${body}</testcase>`;
  });
  const skipped = r.notChecked.map((n) => `    <testcase classname="consent-gate-audit" name="${xml(n.split(':')[0])}"><skipped message="${xml(n)}"/></testcase>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="consent-gate-audit" tests="${cases.length + skipped.length}" failures="${r.findings.length ? new Set(r.findings.map((f) => f.type)).size : 0}">
  <testsuite name="${xml(r.url)}" tests="${cases.length + skipped.length}" failures="${new Set(r.findings.map((f) => f.type)).size}" skipped="${skipped.length}" time="${(r.durationMs / 1000).toFixed(3)}">
${[...cases, ...skipped].join('\n')}
  </testsuite>
</testsuites>
`;
};

/** The report as Markdown: a table of the phases, then the findings, the warnings and what was not checked. @param {AuditResult} r */
export const markdownReport = (r) => {
  const rows = r.phases.map((p) => `| ${md(p.title)} | ${p.requests.length} | ${p.requests.filter((q) => q.tracker).length} | ${new Set(p.cookies.map((c) => c.name)).size} | ${(p.durationMs / 1000).toFixed(1)} s |`);
  const list = (items) => items.map((f) => `| ${md(f.title)} | \`${md(f.subject)}\` | ${md(f.phase)}, ${md(f.step)} | ${md(f.evidence)} |`).join('\n');
  return `# Consent audit of ${r.url}

${r.findings.length ? `**${count(r.findings.length, 'finding')}**` : '**No finding**'}, ${count(r.warnings.length, 'warning')}, in ${(r.durationMs / 1000).toFixed(1)} s. ${r.consentGate ? 'The site uses consent-gate: its notice and its declaration drove the audit.' : 'The site does not use consent-gate.'} Pages: ${[r.url, ...r.pages].map((p) => `<${p}>`).join(', ')}.

| Phase | Requests | To trackers | Cookies | Time |
|---|---|---|---|---|
${rows.join('\n')}
${r.findings.length ? `\n## Findings\n\n| What | Subject | When | Evidence |\n|---|---|---|---|\n${list(r.findings)}\n` : ''}${r.warnings.length ? `\n## Warnings\n\n| What | Subject | When | Evidence |\n|---|---|---|---|\n${list(r.warnings)}\n` : ''}${r.notChecked.length ? `\n## Not checked\n\n${r.notChecked.map((n) => `- ${md(n)}`).join('\n')}\n` : ''}`;
};

/**
 * A draft declaration of every cookie seen after Accept all, classified, in the form consent-gate's
 * `cookies` option takes (`{ analytics: [{ name, provider, lifetime, purpose }] }`), for the site to
 * review: lifetimes as observed, in days; what is already declared, or necessary, left out; what nothing
 * classifies under `unclassified`.
 * @param {AuditResult} r
 */
export const declarationDraft = (r) => {
  /** @type {Record<string, { name: string, provider?: string, lifetime: number, purpose: string }[]>} */
  const draft = { analytics: [], marketing: [], functional: [], unclassified: [] };
  const now = Date.now() / 1000;
  const seen = new Set();
  for (const phase of r.phases.filter((p) => p.name == 'accept'))
    for (const c of phase.cookies.filter((x) => x.step != 'before a choice')) {
      const k = classifyCookie(c, r.declaration);
      if (seen.has(c.name) || k.declared || k.category == 'necessary') continue;
      seen.add(c.name);
      const entry = { name: c.name, ...(k.provider && { provider: k.provider }), lifetime: c.expires > 0 ? Math.round((c.expires - now) / 86400) : 0, purpose: k.purpose || 'To review: what is it for?' };
      draft[k.category == 'unknown' ? 'unclassified' : k.category].push(entry);
    }
  return JSON.stringify(draft, null, 2) + '\n';
};
