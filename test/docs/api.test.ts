// docs/api.md is what the generator makes of the TSDoc in the built types: a change to the code's
// documentation (or to an export) without `npm run docs:api` fails here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error a plain ES module without types
import { API_FILE, apiReference } from './api-reference.mjs';

describe('the API reference', () => {
  it('docs/api.md is up to date with the TSDoc (run `npm run docs:api`)', () => {
    const written = readFileSync(API_FILE, 'utf8').split('\n');
    const generated = (apiReference() + '\n').split('\n');
    const line = generated.findIndex((l, i) => l !== written[i]);
    // The first line that differs, so the message says what changed.
    expect(line < 0 && written.length == generated.length ? null : { line: line + 1, written: written[line], generated: generated[line] }, 'docs/api.md is stale: run `npm run docs:api`').toBeNull();
  }, 60000);

  it('documents every export of every entry, and every option', () => {
    const text: string = apiReference();
    for (const name of ['createConsentGate', 'renderDeclaration', 'readConsent', 'parseConsentLog', 'declaration', 'createConsentLog', 'ConsentGateProvider', 'useConsent', 'consentGate', 'ConsentStore'])
      expect(text).toMatch(new RegExp(`^### ${name}\\b`, 'm'));
    for (const option of ['gtmId', 'cookies', 'logEndpoint', 'retentionDays']) expect(text).toContain(`| \`${option}`);
  }, 60000);
});
