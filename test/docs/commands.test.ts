// Every command the documentation tells a reader to run exists: `npm run X`, `npm start`, `npm test` name a
// script of package.json (the repository's, or the audit's for `npm --prefix audit …`), `npx X` a bin of
// this repository or of a package the page installs; and the audit's options block is its --help.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
// @ts-expect-error a plain ES module without types
import { codeBlocks, docFiles, inlineCode, read, root } from './markdown.mjs';

type Block = { lang: string; code: string; line: number };
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
const audit = JSON.parse(read('audit/package.json')) as { scripts?: Record<string, string>; bin: Record<string, string> };
/** What `npx` may run: the bins of this repository and of what its own packages depend on. */
const NPX = new Set([...Object.keys(audit.bin), 'vitest', 'playwright', 'tsc', 'rollup']);

/** Every command line of `text`: shell blocks' lines, YAML `run:` lines, and inline code that starts with npm or npx. */
export const commandsOf = (text: string): { command: string; line: number }[] => {
  const out: { command: string; line: number }[] = [];
  for (const block of codeBlocks(text) as Block[]) {
    const lines = block.code.split('\n');
    lines.forEach((l, i) => {
      const line = block.lang == 'yaml' ? /^\s*-?\s*run:\s*(.*)$/.exec(l)?.[1] : ['sh', 'bash', 'shell', 'console'].includes(block.lang) ? l : undefined;
      if (line?.trim()) for (const part of line.replace(/#.*$/, '').split(/&&|;/)) if (part.trim()) out.push({ command: part.trim(), line: block.line + i });
    });
  }
  // (`npm …` in prose speaks of commands in general.)
  for (const code of inlineCode(text) as string[]) if (/^(npm|npx)\s/.test(code) && !code.includes('…')) out.push({ command: code, line: 0 });
  return out;
};

/** What is wrong with `command`, or nothing. */
export const wrongCommand = (command: string): string | undefined => {
  const words = command.replace(/^(\w+=\S+\s+)+/, '').split(/\s+/);
  if (words[0] == 'npx') {
    const bin = words.slice(1).find((w) => !w.startsWith('-'));
    return bin && NPX.has(bin) ? undefined : `npx ${bin}: no such command here`;
  }
  if (words[0] != 'npm') return undefined;
  const prefix = words.indexOf('--prefix');
  const scripts = prefix > 0 && words[prefix + 1] == 'audit' ? audit.scripts || {} : pkg.scripts;
  const rest = words.filter((_, i) => i > 0 && !(prefix > 0 && (i == prefix || i == prefix + 1)));
  const [verb, name] = rest;
  if (verb == 'run' || verb == 'run-script') return name && name in scripts ? undefined : `npm run ${name}: no such script`;
  if (verb == 'start' || verb == 'test') return verb in scripts ? undefined : `npm ${verb}: no such script`;
  return ['install', 'i', 'ci', 'pack', 'view'].includes(verb!) ? undefined : `npm ${verb}: not a command the docs should give`;
};

describe('commands in the documentation', () => {
  for (const file of docFiles() as string[])
    it(`${file}: every npm and npx command exists`, () => {
      const wrong = commandsOf(read(file))
        .map((c) => [c, wrongCommand(c.command)] as const)
        .filter(([, why]) => why)
        .map(([c, why]) => `${file}:${c.line}: ${c.command}: ${why}`);
      expect(wrong).toEqual([]);
    });

  it("the audit's options, as docs/auditing.md lists them, are its --help", () => {
    const help = execFileSync(process.execPath, [join(root, 'audit/bin/consent-gate-audit.mjs'), '--help'], { encoding: 'utf8' });
    const options = (text: string) => text.split('\n').filter((l) => /^\s*(-\w, )?--\w/.test(l)).map((l) => l.trim());
    const block = (codeBlocks(read('docs/auditing.md')) as Block[]).find((b) => b.lang == 'text' && b.code.includes('--pages'))!;
    expect(options(block.code)).toEqual(options(help).filter((l) => !l.startsWith('-h')));
  });

  it('finds what it is for: a script that does not exist, a bin that does not exist', () => {
    expect(wrongCommand('npm run no-such-script')).toMatch(/no such script/);
    expect(wrongCommand('npm run e2e -- engines/firefox')).toBeUndefined();
    expect(wrongCommand('PORT=9000 npm start')).toBeUndefined();
    expect(wrongCommand('npx no-such-bin https://example.com/')).toMatch(/no such command/);
    expect(wrongCommand('npx --yes consent-gate-audit https://example.com/')).toBeUndefined();
  });
});
