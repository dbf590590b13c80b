// The script tag's attribute table in docs/getting-started.md lists exactly the attributes the script reads.
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES } from '../../src/lib/dataset-options';
// @ts-expect-error a plain ES module without types
import { read } from './markdown.mjs';

/** `gaId` as `data-ga-id`, `dataLayer` as `data-data-layer`. */
const attribute = (name: string) => 'data-' + name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

describe('the script tag in the documentation', () => {
  it('docs/getting-started.md has a row for every attribute the script tag reads, and none it does not', () => {
    const doc: string = read('docs/getting-started.md');
    const table = doc.slice(doc.indexOf('## Every attribute'), doc.indexOf('\n## ', doc.indexOf('## Every attribute') + 1));
    const rows = [...table.matchAll(/^\| `(data-[a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(ATTRIBUTES.map(attribute).sort());
  });
});
