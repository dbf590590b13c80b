// The benchmark's figures quoted in the README and in docs/size-and-benchmarks.md are those of the last
// `npm run bench`, as BENCHMARKS.md records them.
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module without types
import { read } from './markdown.mjs';

const bench: string = read('BENCHMARKS.md');
/** The lines of a Markdown table that starts with `head`. */
const table = (text: string, head: string) => {
  const start = text.indexOf(head);
  return start < 0 ? [] : text.slice(start, text.indexOf('\n\n', start)).split('\n');
};

describe('benchmark figures in the documentation', () => {
  it('docs/size-and-benchmarks.md shows the tables of BENCHMARKS.md as they are', () => {
    const doc: string = read('docs/size-and-benchmarks.md');
    for (const head of ['| Library |', '| What the visitor did first |']) {
      expect(table(bench, head).length).toBeGreaterThan(2);
      expect(table(doc, head)).toEqual(table(bench, head));
    }
  });

  it("the README's figures are consent-gate's in BENCHMARKS.md", () => {
    const row = table(bench, '| Library |').find((l) => l.startsWith('| consent-gate '))!.split('|').map((c) => c.trim());
    const brotli = /\/ ([\d.]+ KB) \(/.exec(row[2]!)![1];
    const notice = /^(\d+ ms)/.exec(row[4]!)![1];
    const ratio = /size ratio to it:\s*([\d.]+)/.exec(bench)![1];
    const readme: string = read('README.md').replace(/\s+/g, ' ');
    expect(readme).toContain(`(${notice}, median)`);
    expect(readme).toContain(`${brotli} brotli`);
    expect(readme).toContain(`(${ratio} of vanilla-cookieconsent`);
  });
});
