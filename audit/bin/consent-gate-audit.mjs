#!/usr/bin/env node
// @ts-check
// consent-gate-audit <url>: prove that a site keeps its consent promise. Exit 0: no finding; 1: findings;
// 2: the audit could not run (unreachable site, no notice found, no browser, bad arguments).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { allowList, audit, AuditError, declarationDraft, jsonReport, junitReport, markdownReport, NoBrowserError, textReport, withoutAllowed } from '../src/index.mjs';

const USAGE = `Usage: consent-gate-audit <url> [options]

Audits a site in four phases, each in a fresh Chromium: a first visit with nothing clicked; Reject all, a
reload and the other pages; Accept all and the other pages; Accept all, a withdrawal in the preferences and
a reload. On a site with consent-gate it drives the notice itself; on another, give the selectors.

  --pages <n>            same-site links of the start page to visit too (default 3)
  --accept <selector>    the notice's accept button (sites without consent-gate)
  --reject <selector>    the notice's reject button, also used in the preferences
  --preferences <sel>    what opens the preferences, for the withdrawal
  --json <file>          write everything recorded and found as JSON
  --junit <file>         write JUnit XML (one test case per kind of finding), for CI
  --markdown <file>      write a Markdown report
  --declaration <file>   write a draft declaration (consent-gate's cookies option) of every cookie seen after Accept all
  --allow <file>         a JSON list of accepted findings: [{ "type": "undeclared-cookie", "subject": "_hj*" }]
  --timeout <ms>         the longest a page may take to load (default 15000)
  --browser-arg <arg>    a Chromium flag (repeat it for more)
  -h, --help             this text

Exit status: 0 no finding, 1 findings, 2 the audit could not run.`;

const main = async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        pages: { type: 'string' },
        accept: { type: 'string' },
        reject: { type: 'string' },
        preferences: { type: 'string' },
        json: { type: 'string' },
        junit: { type: 'string' },
        markdown: { type: 'string' },
        declaration: { type: 'string' },
        allow: { type: 'string' },
        timeout: { type: 'string' },
        'browser-arg': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`${/** @type {Error} */ (e).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals.length != 1) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const pages = o.pages === undefined ? 3 : Number(o.pages);
  if (!(Number.isInteger(pages) && pages >= 0)) {
    process.stderr.write(`--pages takes a whole number, not ${o.pages}\n`);
    return 2;
  }
  let allowed = [];
  try {
    if (o.allow) allowed = allowList(JSON.parse(readFileSync(o.allow, 'utf8')));
  } catch (e) {
    process.stderr.write(`--allow ${o.allow}: ${/** @type {Error} */ (e).message}\n`);
    return 2;
  }
  try {
    const result = await audit(positionals[0], {
      pages,
      accept: o.accept,
      reject: o.reject,
      preferences: o.preferences,
      timeout: o.timeout ? Number(o.timeout) : undefined,
      browserArgs: o['browser-arg'],
      progress: (line) => process.stderr.write(line + '\n'),
    });
    result.findings = withoutAllowed(result.findings, allowed);
    if (o.json) writeFileSync(o.json, jsonReport(result));
    if (o.junit) writeFileSync(o.junit, junitReport(result));
    if (o.markdown) writeFileSync(o.markdown, markdownReport(result));
    if (o.declaration) writeFileSync(o.declaration, declarationDraft(result));
    process.stdout.write(textReport(result));
    return result.findings.length ? 1 : 0;
  } catch (e) {
    if (e instanceof AuditError || e instanceof NoBrowserError) {
      process.stderr.write(`consent-gate-audit: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`consent-gate-audit: ${/** @type {Error} */ (e).stack}\n`);
    return 2;
  }
};

process.exitCode = await main();
