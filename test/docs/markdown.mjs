// The documentation as the checks in test/docs read it: its Markdown files, their fenced code blocks (with
// the info string's language and file path), their headings as GitHub anchors them, and their links.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slug } from './api-reference.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The README, every guide in docs/, and the audit's README: paths relative to the repository. */
export const docFiles = () => ['README.md', 'audit/README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => 'docs/' + f)];

/**
 * The fenced code blocks of `lines`: the fence's line, the lines of its code (`start` to `end`, exclusive,
 * the closing fence at `end`), its indent, and its info string.
 */
const fences = (lines) => {
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    let end = i + 1;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end++;
    out.push({ open: i, start: i + 1, end, indent, info });
    i = end;
  }
  return out;
};

/**
 * The fenced code blocks of `text`: ` ```lang path words `, each with the line its code starts on.
 * @returns {{ lang: string, path?: string, words: string[], code: string, line: number }[]}
 */
export const codeBlocks = (text) => {
  const lines = text.split('\n');
  return fences(lines).map(({ start, end, indent, info }) => {
    const [lang = '', ...words] = info.trim().split(/\s+/).filter(Boolean);
    const path = words[0] && /[./]/.test(words[0]) && words[0] != 'example' ? words[0] : undefined;
    return { lang, path, words, code: lines.slice(start, end).map((l) => l.slice(Math.min(indent.length, l.length - l.trimStart().length))).join('\n'), line: start + 1 };
  });
};

/** `text`'s lines with those of its fenced code blocks (fences included) left empty: its prose, line for line. */
const outsideFences = (text) => {
  const lines = text.split('\n');
  for (const { open, end } of fences(lines)) lines.fill('', open, end + 1);
  return lines;
};

/** `text` without its fenced code blocks and inline code spans (where a link is no link). */
const prose = (text) =>
  outsideFences(text)
    .join('\n')
    .replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));

/** The inline code spans of `text`'s prose (not of its code blocks). */
export const inlineCode = (text) => [...outsideFences(text).join('\n').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);

/** Every heading's anchor, as GitHub makes them (a repeated heading gets `-1`, `-2`…), and explicit ids. */
export const anchors = (text) => {
  const seen = new Map();
  const out = new Set();
  for (const line of outsideFences(text)) {
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(m[1]);
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    // The heading as it reads: a link's target does not count.
    const base = slug(h[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
    const n = seen.get(base) || 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
};

/**
 * Every link and image of `text`'s prose: `[label](target)`, `![alt](target)` and `<img src>`/`<a href>`,
 * with its line.
 * @returns {{ target: string, line: number, image: boolean }[]}
 */
export const links = (text) => {
  const out = [];
  prose(text)
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(/(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ target: m[2], line: i + 1, image: m[1] == '!' });
      for (const m of line.matchAll(/<(img|a)\s[^>]*(?:src|href)="([^"]+)"/g)) out.push({ target: m[2], line: i + 1, image: m[1] == 'img' });
    });
  return out;
};

export const read = (file) => readFileSync(join(root, file), 'utf8');
