import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error a plain ES module without types
import { measureAll, row } from './measure.mjs';

type Row = { name: string; min: number; gzip: number; brotli: number; budget: number };
const rows: Row[] = await measureAll();
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('size budgets (brotli)', () => {
  for (const r of rows)
    it(`${r.name}: ${r.brotli} B of ${r.budget} B`, () => {
      console.log(row(r));
      expect(r.brotli).toBeLessThanOrEqual(r.budget);
    });

  it('the README states the measured figures', () => {
    for (const r of rows) expect(readme, 'update the README with `npm run size`').toContain(row(r));
  });
});
