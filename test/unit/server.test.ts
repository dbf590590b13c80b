// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Runs in a plain Node process, exactly as a server-side renderer imports the published files.
const SCRIPT = `
  const before = Object.getOwnPropertyNames(globalThis).join();
  const { createConsentGate, clearAnalyticsCookies } = MOD;
  const gate = createConsentGate({ gaId: 'G-ABC123', policyUrl: '/privacy' });
  const out = {
    consent: gate.getConsent(),
    accepted: gate.acceptAll(),
    cleared: clearAnalyticsCookies(),
    unsubscribe: typeof gate.onChange(() => {}),
    globalsTouched: Object.getOwnPropertyNames(globalThis).join() !== before,
  };
  gate.reset(); gate.destroy();
  let error = '';
  try { createConsentGate({ gaId: 'UA-1' }); } catch (e) { error = e.constructor.name + ': ' + e.message; }
  console.log(JSON.stringify({ ...out, error }));
`;

const run = (flags: string[], code: string) =>
  JSON.parse(execFileSync(process.execPath, [...flags, '-e', code], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }));

const expected = {
  consent: null,
  accepted: null,
  cleared: { removed: [], remaining: [], unreachable: ['FPID'] },
  unsubscribe: 'function',
  globalsTouched: false,
  error: 'TypeError: consent-gate: invalid gaId: UA-1',
};

describe('server-side import of the built package', () => {
  it('works from ESM (import) without window, inert and undecided', () => {
    expect(run(['--input-type=module'], `import * as MOD from 'consent-gate';` + SCRIPT)).toEqual(expected);
  });

  it('works from CommonJS (require) without window, inert and undecided', () => {
    expect(run([], `const MOD = require('consent-gate');` + SCRIPT)).toEqual(expected);
  });
});
