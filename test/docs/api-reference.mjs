// docs/api.md, generated from the TSDoc of the built type declarations (dist/*.d.mts), so the reference
// cannot drift from the code. `npm run docs:api` writes it; test/docs/api.test.ts fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const API_FILE = root + 'docs/api.md';

/** Each entry: its import name, its declaration file, and what it is for. */
const ENTRIES = [
  ['consent-gate', 'dist/index.d.mts', 'The gate with the built-in notice and preferences, for an app built with a bundler.'],
  ['consent-gate/headless', 'dist/headless.d.mts', 'The same gate with no UI and no dynamic import, for an app that draws its own notice.'],
  ['consent-gate/server', 'dist/server.d.mts', 'No DOM, no globals: reading the decision from a request, checking a proof-of-consent beacon, the declaration. Node, edge runtimes, workers, and the browser too.'],
  ['consent-gate/log', 'dist/log.d.mts', 'The proof-of-consent log, for Node (libSQL or PostgreSQL).'],
  ['consent-gate/react', 'dist/react.d.mts', "React 18 and 19: a provider, hooks and `<Consented>`; marked `'use client'`."],
  ['consent-gate/vue', 'dist/vue.d.mts', 'Vue 3: a plugin, composables and `<Consented>`.'],
  ['consent-gate/consent-gate.min.js', 'dist/consent-gate.min.d.ts', "The script tag's globals, for a site that writes TypeScript: `import type {} from 'consent-gate/consent-gate.min.js'` once, anywhere."],
];

/** GitHub's anchor for a heading's text. */
export const slug = (text) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const oneLine = (text) => text.replace(/\s*\n\s*/g, ' ').trim();
const cell = (text) => oneLine(text).replace(/\|/g, '\\|');
/** A `@default` tag's text as code, unless it holds code already. */
const asCode = (text) => (text.includes('`') ? text : '`' + text + '`');

/** The generated reference, as Markdown. */
export const apiReference = () => {
  const files = ENTRIES.map(([, file]) => root + file);
  const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] });
  const checker = program.getTypeChecker();
  /** name → the text it was documented with first, and its heading. */
  const documented = new Map();
  /** name → its heading, from the first pass, so a link may point forward. */
  const known = new Map();
  /** `name`, declared as `text`, gets its section under `heading`. */
  const register = (name, text, heading) => {
    documented.set(name, { text, heading });
    if (!known.has(name)) known.set(name, heading);
  };
  /** `{@link X}` as a link to X's section where it has one. */
  const links = (text) =>
    text.replace(/\{@link\s+([^}\s|]+)(?:\s*\|?\s*([^}]*))?\}/g, (_, target, label) => {
      const name = target.split('.')[0];
      const shown = '`' + (label || target) + '`';
      return known.has(name) ? `[${shown}](#${slug(known.get(name))})` : shown;
    });
  const docOf = (symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker));
  const tagsOf = (symbol) => symbol.getJsDocTags(checker).map((tag) => ({ name: tag.name, text: ts.displayPartsToString(tag.text || []) }));

  const sections = [];
  const toc = [];
  // Two passes: the first finds every heading, so a link may point forward.
  for (const pass of [0, 1]) {
    documented.clear();
    sections.length = 0;
    toc.length = 0;
    for (const [entry, file, about] of ENTRIES) {
      const source = program.getSourceFile(root + file);
      const module = checker.getSymbolAtLocation(source);
      const exports = (module ? checker.getExportsOfModule(module) : []).map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol));
      const declarationOf = (symbol) => symbol.declarations?.[0];
      const kind = (node) => (ts.isInterfaceDeclaration(node) ? 2 : ts.isTypeAliasDeclaration(node) ? 3 : 1);
      const items = exports
        .map((symbol) => ({ symbol, node: declarationOf(symbol) }))
        .filter(({ node }) => node)
        .sort((a, b) => kind(a.node) - kind(b.node) || a.node.pos - b.node.pos);
      const out = [`## ${entry}`, '', about, ''];
      const also = [];
      const global = file.endsWith('.d.ts') ? source.statements.find((s) => ts.isModuleDeclaration(s) && s.name.text == 'global') : undefined;
      for (const { symbol, node } of items) {
        const name = symbol.getName();
        const text = node.getText(source);
        const same = documented.get(name);
        if (same && same.text == text) {
          also.push(`[${name}](#${slug(same.heading)})`);
          continue;
        }
        const heading = same ? `${name} (${entry})` : name;
        register(name, text, heading);
        out.push(`### ${heading}`, '');
        out.push(...describe(symbol, node, source, entry));
      }
      if (global) out.push(...describeGlobal(global, source));
      if (also.length) out.push(`Also exported here: ${also.join(', ')}.`, '');
      sections.push(out.join('\n'));
      toc.push(`- [${entry}](#${slug(entry)})`);
    }
  }
  return [
    '# API reference',
    '',
    '<!-- Generated by `npm run docs:api` from the TSDoc in src/ (through the built dist/*.d.mts); `npm test` fails when it is stale. Edit the TSDoc, not this file. -->',
    '',
    'Every export of every entry, with the documentation its code carries. Guides: [Getting started](getting-started.md), [the README](../README.md).',
    '',
    ...toc,
    '',
    ...sections,
  ].join('\n');

  /** A heading's body: the declaration, its description, its tags, and an interface's members as a table. */
  function describe(symbol, node, source, entry) {
    const out = [];
    const doc = docOf(symbol);
    const tags = tagsOf(symbol);
    if (ts.isInterfaceDeclaration(node)) {
      const heritage = node.heritageClauses ? ' ' + node.heritageClauses.map((h) => h.getText(source)).join(' ') : '';
      out.push('```ts', `interface ${node.name.text}${node.typeParameters ? '<' + node.typeParameters.map((p) => p.getText(source)).join(', ') + '>' : ''}${heritage}`, '```', '');
      if (doc) out.push(links(doc), '');
      out.push(...exampleBlocks(tags, entry));
      out.push(...memberTable(node, source, entry));
    } else {
      // The declaration without `declare` and without its comments.
      const text = (ts.isVariableDeclaration(node) ? 'const ' + node.getText(source) : node.getText(source)).replace(/^declare /, '');
      out.push('```ts', text.replace(/\{\s*$/, '').trim() + (ts.isFunctionDeclaration(node) || /;$/.test(text) ? '' : ';'), '```', '');
      if (doc) out.push(links(doc), '');
      for (const tag of tags.filter((t) => t.name == 'default')) out.push(`Default: ${asCode(tag.text)}.`, '');
      out.push(...exampleBlocks(tags, entry));
    }
    return out;
  }

  /** `@example` tags as TypeScript blocks, each checked with the entry's exports in scope (test/docs/examples.test.ts). */
  function exampleBlocks(tags, entry) {
    return tags.filter((t) => t.name == 'example').flatMap((t) => ['```ts example ' + entry, t.text.trim(), '```', '']);
  }

  /** An interface's members: name, type, default, description. */
  function memberTable(node, source, entry) {
    const rows = [];
    const examples = [];
    for (const member of node.members) {
      const symbol = member.name && checker.getSymbolAtLocation(member.name);
      if (!symbol) continue;
      const name = symbol.getName() + (member.questionToken ? '?' : '');
      let type;
      if (ts.isMethodSignature(member)) type = `(${member.parameters.map((p) => p.getText(source)).join(', ')}) => ${member.type ? member.type.getText(source) : 'void'}`;
      else type = member.type ? member.type.getText(source) : '';
      const tags = tagsOf(symbol);
      const defaults = tags.filter((t) => t.name == 'default').map((t) => asCode(t.text));
      rows.push(`| \`${name}\` | \`${cell(type).replace(/`/g, "'")}\` | ${defaults.map(cell).join(' ')} | ${cell(links(docOf(symbol)))} |`);
      for (const t of tags.filter((t) => t.name == 'example')) examples.push(`\`${symbol.getName()}\`:`, '', '```ts example ' + entry, t.text.trim(), '```', '');
    }
    if (!rows.length) return [];
    return ['| Member | Type | Default | |', '|---|---|---|---|', ...rows, '', ...examples];
  }

  /** The script tag's `declare global`: what it adds to `Window` and to `WindowEventMap`. */
  function describeGlobal(global, source) {
    const out = [];
    for (const statement of global.body.statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      const heading = `${statement.name.text} (global)`;
      register(statement.name.text, statement.getText(source), heading);
      out.push(`### ${heading}`, '', statement.name.text == 'Window' ? 'What the script tag puts on `window`.' : "The script tag's events, dispatched on `window` (the npm entry dispatches them too).", '');
      out.push(...memberTable(statement, source, 'consent-gate/consent-gate.min.js'));
    }
    return out;
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = apiReference() + '\n';
  if (process.argv.includes('--write')) {
    writeFileSync(API_FILE, text);
    console.log('wrote docs/api.md');
  } else if (readFileSync(API_FILE, 'utf8') != text) {
    console.error('docs/api.md is stale: run npm run docs:api');
    process.exitCode = 1;
  }
}
