// Every relative link and image of the README and the guides resolves: the file exists in the repository,
// and an anchor (`#…`, `file.md#…`) is a heading of its page as GitHub anchors it.
import { describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
// @ts-expect-error a plain ES module without types
import { anchors, docFiles, links, read, root } from './markdown.mjs';

type Link = { target: string; line: number; image: boolean };

/** What is wrong with `link` in `file`, or nothing. */
export const brokenLink = (file: string, link: Link): string | undefined => {
  const { target } = link;
  if (/^(https?:|mailto:)/.test(target)) return /^http:\/\/(?!localhost[:/])/.test(target) ? `${target}: use https` : undefined;
  if (/^[a-z]+:/i.test(target)) return `${target}: not a link a reader can follow`;
  const [path, anchor] = target.split('#') as [string, string | undefined];
  const resolved = path ? normalize(join(dirname(join(root, file)), decodeURIComponent(path))) : join(root, file);
  if (!resolved.startsWith(root)) return `${target}: outside the repository`;
  if (!existsSync(resolved)) return `${target}: no such file`;
  if (link.image && statSync(resolved).isDirectory()) return `${target}: a folder, not an image`;
  if (anchor !== undefined) {
    if (!resolved.endsWith('.md')) return `${target}: an anchor in a file that has no headings`;
    if (!anchors(read(resolved.slice(root.length))).has(anchor)) return `${target}: no heading #${anchor} in ${resolved.slice(root.length)}`;
  }
  return undefined;
};

describe('links and images in the documentation', () => {
  for (const file of docFiles() as string[])
    it(`${file}: every relative link, image and anchor resolves`, () => {
      const broken = (links(read(file)) as Link[]).map((l) => [l, brokenLink(file, l)] as const).filter(([, why]) => why).map(([l, why]) => `${file}:${l.line}: ${why}`);
      expect(broken).toEqual([]);
    });

  it('every guide in docs/ is linked from the README', () => {
    const readme = (links(read('README.md')) as Link[]).map((l) => l.target.split('#')[0]);
    const guides = (docFiles() as string[]).filter((f) => f.startsWith('docs/'));
    expect(guides.filter((g) => !readme.includes(g))).toEqual([]);
  });

  it('finds what it is for: a missing file, a missing heading, a plain http link, on its line', () => {
    expect(brokenLink('README.md', { target: 'docs/no-such-guide.md', line: 1, image: false })).toMatch(/no such file/);
    expect(brokenLink('README.md', { target: 'docs/regions.md#no-such-heading', line: 1, image: false })).toMatch(/no heading #no-such-heading/);
    expect(brokenLink('docs/regions.md', { target: '#choosing-the-mode-on-your-server', line: 1, image: false })).toBeUndefined();
    expect(brokenLink('README.md', { target: 'http://example.com/', line: 1, image: false })).toMatch(/https/);
    // A link is reported on its own line, code blocks above it counted.
    expect(links('Intro\n\n```sh\nnpm test\n```\n\nSee [the guide](docs/no-such-guide.md).\n')).toEqual([{ target: 'docs/no-such-guide.md', line: 7, image: false }]);
  });
});
