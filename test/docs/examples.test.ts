// Every TypeScript, TSX and JavaScript example of the README and the guides type-checks, strictly, against the
// built package as an app's `node_modules/consent-gate` gives it; every Vue single-file component compiles;
// and the TSDoc examples of the API reference type-check with their entry's exports in scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { compileScript, compileTemplate, parse } from 'vue/compiler-sfc';
// @ts-expect-error a plain ES module without types
import { codeBlocks, docFiles, read, root } from './markdown.mjs';

type Block = { lang: string; path?: string; words: string[]; code: string; line: number };

/** Inside test/bundlers, whose node_modules hold Next.js; React, Vue, Express, pg and their types are the repository's. */
const dir = join(root, 'test/bundlers/.apps/docs-check');
const SCRIPT = ['ts', 'tsx', 'js', 'mjs'];

/** Where each checked file came from: its Markdown file and the line its code starts on, after `skip` lines of our own. */
type Origin = { doc: string; line: number; skip: number };

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  typeRoots: [join(root, 'node_modules/@types')],
  allowJs: true,
  checkJs: true,
  esModuleInterop: true,
  skipLibCheck: true,
};

/** The diagnostics of `files` (written under `dir`), as `doc:line: message`. */
export const typeErrors = (files: Map<string, Origin>): string[] => {
  const program = ts.createProgram([...files.keys()], OPTIONS);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || files.has(d.file.fileName))
    .map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!d.file) return text;
      const origin = files.get(d.file.fileName)!;
      const { line } = d.file.getLineAndCharacterOfPosition(d.start!);
      return `${origin.doc}:${origin.line + line - origin.skip}: ${text}`;
    });
};

/** Write `code` at `path` under `dir`, remembering where it came from. */
const write = (files: Map<string, Origin>, path: string, code: string, origin: Origin) => {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  files.set(file, origin);
};

/** A folder name for each Markdown file. */
const folder = (doc: string) => doc.replace(/\.md$/, '').replace(/\//g, '_');

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  // The package as an app installs it: its package.json's exports, its built files and types.
  symlinkSync(root, join(dir, 'node_modules/consent-gate'), 'dir');
});

describe('examples in the documentation', () => {
  it('every TypeScript, TSX and JavaScript example type-checks against the built package', () => {
    const files = new Map<string, Origin>();
    for (const doc of (docFiles() as string[]).filter((f) => f != 'docs/api.md'))
      for (const b of codeBlocks(read(doc)) as Block[]) {
        if (!SCRIPT.includes(b.lang)) continue;
        const path = b.path || `block-${b.line}.${b.lang}`;
        if (!/\.(m?[jt]sx?)$/.test(path)) throw new Error(`${doc}:${b.line}: ${path} is no script's file name`);
        write(files, join(folder(doc), path), b.code, { doc, line: b.line, skip: 0 });
      }
    expect(files.size).toBeGreaterThan(20);
    expect(typeErrors(files)).toEqual([]);
  }, 120000);

  it('every Vue single-file component compiles', () => {
    const errors: string[] = [];
    let n = 0;
    for (const doc of docFiles() as string[])
      for (const b of codeBlocks(read(doc)) as Block[]) {
        if (b.lang != 'vue') continue;
        n++;
        const { descriptor, errors: parsed } = parse(b.code, { filename: b.path || 'App.vue' });
        errors.push(...parsed.map((e) => `${doc}:${b.line}: ${e.message}`));
        try {
          const script = compileScript(descriptor, { id: 'doc' + b.line, inlineTemplate: true });
          if (!script.content.includes('export default')) errors.push(`${doc}:${b.line}: no component`);
          if (descriptor.template)
            errors.push(...compileTemplate({ source: descriptor.template.content, filename: 'App.vue', id: 'doc' + b.line }).errors.map((e) => `${doc}:${b.line}: ${e}`));
        } catch (e) {
          errors.push(`${doc}:${b.line}: ${(e as Error).message}`);
        }
      }
    expect(n).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it("the API reference's TSDoc examples type-check, with their entry's exports in scope", async () => {
    const files = new Map<string, Origin>();
    // The names the examples take as given: a gate, a request, an element of the page.
    write(
      files,
      'api/given.d.ts',
      [
        "declare const gate: import('consent-gate').ConsentGate;",
        'declare const request: Request;',
        "declare const req: import('node:http').IncomingMessage;",
        'declare const acceptButton: HTMLButtonElement;',
        "declare const App: import('vue').Component;",
        "declare const initialConsent: import('consent-gate').Consent | null;",
        "declare function serveSite(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void;",
      ].join('\n'),
      { doc: 'test/docs/examples.test.ts', line: 0, skip: 0 },
    );
    const blocks = (codeBlocks(read('docs/api.md')) as Block[]).filter((b) => b.lang == 'ts' && b.words[0] == 'example');
    for (const b of blocks) {
      const entry = b.words[1]!;
      const built = pathToFileURL(join(root, 'dist', (entry.slice('consent-gate/'.length) || 'index') + '.mjs')).href;
      const names = Object.keys(await import(built)).filter((n) => n != 'default');
      const given = [`import { ${names.join(', ')} } from '${entry}';`, "import { createServer } from 'node:http';", "import { createSSRApp } from 'vue';"];
      write(files, `api/example-${b.line}.ts`, given.join('\n') + '\n' + b.code + '\nexport {};\n', { doc: 'docs/api.md', line: b.line, skip: given.length });
    }
    expect(blocks.length).toBeGreaterThan(5);
    expect(typeErrors(files)).toEqual([]);
  }, 120000);

  it('finds what it is for: a misspelt option, a wrong import, a hook outside its package', () => {
    const files = new Map<string, Origin>();
    write(files, 'self-test/a.ts', "import { createConsentGate } from 'consent-gate';\ncreateConsentGate({ gaID: 'G-ABC123' });\n", { doc: 'a.md', line: 10, skip: 0 });
    write(files, 'self-test/b.ts', "import { useConsent } from 'consent-gate';\n", { doc: 'b.md', line: 20, skip: 0 });
    const errors = typeErrors(files);
    expect(errors.find((e) => e.startsWith('a.md:11:'))).toMatch(/gaID/);
    expect(errors.find((e) => e.startsWith('b.md:20:'))).toMatch(/useConsent/);
  }, 60000);
});
