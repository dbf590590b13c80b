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

  it('docs/size-and-benchmarks.md states the measured figures', () => {
    for (const r of rows) expect(doc, 'update it with `npm run size -- --write`').toContain(row(r));
  });
});
