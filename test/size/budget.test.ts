import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error a plain ES module without types
import { measureAll, row, SIZE_DOC } from './measure.mjs';

type Row = { name: string; min: number; gzip: number; brotli: number; budget: number };
const rows: Row[] = await measureAll();
const doc = readFileSync(SIZE_DOC, 'utf8');

describe('size budgets (brotli)', () => {
  for (const r of rows)
    it(`${r.name}: ${r.brotli} B of ${r.budget} B`, () => {
      console.log(row(r));
      expect(r.brotli).toBeLessThanOrEqual(r.budget);
    });

  // The hint has V8 compile every function of these files at once, off the main thread, instead of each at its first
  // call (their script time on a first visit); a minifier setting that dropped it would cost that silently.
  it("the two files a first visit runs open with V8's compile hint; the files loaded on intent do not", () => {
    const file = (name: string) => readFileSync(new URL('../../dist/' + name, import.meta.url), 'utf8');
    for (const name of ['consent-gate.min.js', 'consent-gate.notice.min.js']) expect(file(name).startsWith('//# allFunctionsCalledOnLoad\n'), name).toBe(true);
    for (const name of ['consent-gate.preferences.min.js', 'consent-gate.declaration.min.js']) expect(file(name), name).not.toContain('allFunctionsCalledOnLoad');
  });

  it('docs/size-and-benchmarks.md states the measured figures', () => {
    for (const r of rows) expect(doc, 'update it with `npm run size -- --write`').toContain(row(r));
  });
});
