/**
 * The CLI's one pattern, held by its import graph (parsed with the TypeScript compiler, type
 * imports included): `<cmd>.ts` registers a command and lazily imports `run<Cmd>.ts`, which does
 * the work; no two files import each other; and what loads before an action runs (`--help`)
 * reaches no package but commander and picocolors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CLI = dirname(fileURLToPath(import.meta.url));
const SRC = resolve(CLI, '..');
/** What may load at startup: the command tree's own parser and the pretty reporter's colours. */
const STARTUP_PACKAGES = new Set(['commander', 'picocolors']);

interface Edge {
  to: string;
  kind: 'static' | 'type' | 'dynamic';
}

const cache = new Map<string, Edge[]>();

/** A file's imports: relative ones resolved to absolute .ts paths, packages by specifier. */
function importsOf(file: string): Edge[] {
  const known = cache.get(file);
  if (known) return known;
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edges: Edge[] = [];
  const add = (specifier: string, kind: Edge['kind']) => edges.push({ to: specifier.startsWith('.') ? resolve(dirname(file), specifier).replace(/\.js$/, '.ts') : specifier, kind });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly = Boolean(clause && (clause.isTypeOnly || (!clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly))));
      add(node.moduleSpecifier.text, typeOnly ? 'type' : 'static');
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly ? 'type' : 'static');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text, 'dynamic');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  cache.set(file, edges);
  return edges;
}

const cliFiles = readdirSync(CLI)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => join(CLI, f));
const name = (file: string) => relative(SRC, file);

/** The register files main.ts builds the tree from: `registerX` from `./x.js`. */
function commandFiles(): string[] {
  return importsOf(join(CLI, 'main.ts'))
    .filter((e) => e.to.startsWith(CLI) && /register[A-Z]/.test(readFileSync(e.to, 'utf8')))
    .map((e) => e.to);
}

describe('the CLI pattern', () => {
  it('has no import cycle in src/cli, type imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map(name).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const edge of importsOf(file)) if (edge.to.startsWith(CLI)) walk(edge.to, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of cliFiles) walk(file, []);
    expect(cycles).toEqual([]);
  });

  it('registers every command in <cmd>.ts, which lazily imports its run<Cmd>.ts and nothing else heavy', () => {
    const commands = commandFiles();
    expect(commands.length).toBeGreaterThanOrEqual(9);
    for (const file of commands) {
      const edges = importsOf(file);
      const lazy = edges.filter((e) => e.kind === 'dynamic').map((e) => name(e.to));
      expect(lazy.length, `${name(file)} lazily imports one run module`).toBe(1);
      expect(lazy[0], name(file)).toMatch(/^cli\/run[A-Z][A-Za-z]*\.ts$/);
      const eager = edges.filter((e) => e.kind === 'static' && /\/run[A-Z][^/]*$/.test(e.to));
      expect(eager.map((e) => name(e.to)), `${name(file)} imports a run module eagerly`).toEqual([]);
    }
  });

  it('loads no package but commander and picocolors before an action runs (--help stays fast)', () => {
    const seen = new Set<string>();
    const packages = new Map<string, string>();
    const walk = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const edge of importsOf(file)) {
        if (edge.kind !== 'static') continue;
        if (edge.to.startsWith('/')) walk(edge.to);
        else if (!isBuiltin(edge.to)) packages.set(edge.to, name(file));
      }
    };
    walk(join(CLI, 'main.ts'));
    const heavy = [...packages].filter(([pkg]) => !STARTUP_PACKAGES.has(pkg.startsWith('@') ? pkg.split('/').slice(0, 2).join('/') : pkg.split('/')[0]));
    expect(heavy.map(([pkg, from]) => `${pkg} (from ${from})`)).toEqual([]);
  });
});
