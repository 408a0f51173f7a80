/**
 * The layering docs/ARCHITECTURE.md states ("Layers"), enforced over the import graph of src/:
 * static imports, `import type`, re-exports and dynamic `import()` alike, read with the
 * TypeScript parser. A folder may import only the folders its row allows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PURE_DOMAIN_MODULES } from './helpers/layers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');


const PURE = ['artifacts', 'protocol', 'util'];
/** The HTTP layer of gather/: what registry/ and obol/ fetch through. */
const HTTP_LAYER = ['gather/http', 'gather/network', 'gather/deadline', 'gather/dispatcher'];

/** folder (or top-level module) -> what it may import besides itself. */
const ALLOWED: Record<string, string[]> = {
  artifacts: [],
  util: [],
  version: ['util'],
  errors: ['util'],
  protocol: ['artifacts', 'util'],
  checks: [...PURE, ...PURE_DOMAIN_MODULES],
  report: [...PURE, 'checks/types', 'version'],
  kube: ['artifacts', 'errors', 'util'],
  registry: [...PURE, 'errors', 'version', 'obol/pricing', ...HTTP_LAYER],
  obol: [...PURE, 'errors', 'version', 'kube', 'registry', 'gather'],
  gather: [...PURE, 'errors', 'version', 'registry', 'kube', 'obol'],
  engine: [...PURE, 'errors', 'version', 'checks', 'gather', 'registry', 'obol', 'kube', 'report'],
  scan: [...PURE, 'errors', 'version', 'checks', 'gather', 'registry', 'engine', 'report'],
  sandbox: [...PURE, 'errors', 'version', 'registry'],
  watch: [...PURE, 'errors', 'checks', 'gather', 'report'],
  cli: ['*'],
  index: ['*', '!cli'],
};

interface Edge {
  from: string;
  to: string;
  specifier: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `gather/http` for src/gather/http.ts; `index` for src/index.ts. */
const moduleOf = (path: string): string => relative(SRC, path).replace(/\.(ts|js)$/, '').replace(/\\/g, '/');
const layerOf = (module: string): string => module.split('/')[0];

function importsOf(path: string): Edge[] {
  const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edges: Edge[] = [];
  const add = (node: ts.Node, specifier: string) => {
    if (!specifier.startsWith('.')) return;
    const target = resolve(dirname(path), specifier);
    if (!target.startsWith(SRC)) return;
    edges.push({ from: moduleOf(path), to: moduleOf(target), specifier, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) add(node, node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) add(node, node.arguments[0].text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) add(node, node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edges;
}

/** Why an edge breaks the layering, or null. */
export function violation(edge: Pick<Edge, 'from' | 'to'>): string | null {
  const from = layerOf(edge.from);
  const to = layerOf(edge.to);
  if (from === to) return null;
  const fromRule = PURE_DOMAIN_MODULES.includes(edge.from) ? [...PURE, 'errors', ...PURE_DOMAIN_MODULES] : ALLOWED[from];
  if (!fromRule) return `${from} has no row in the layering table`;
  if (to === 'cli') return 'nothing outside cli/ imports cli/';
  if (fromRule.includes('*') && !fromRule.includes(`!${to}`)) return null;
  const allowed = fromRule.some((rule) => rule === to || rule === edge.to);
  return allowed ? null : `${from}/ may import only ${fromRule.join(', ') || 'itself'}`;
}

const edges = sourceFiles(SRC).flatMap(importsOf);

describe('layering (docs/ARCHITECTURE.md, "Layers")', () => {
  it('reads the import graph, type imports included', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges.some((e) => e.from.startsWith('checks/') && e.to === 'artifacts/index')).toBe(true);
  });

  it('every folder of src/ has a row', () => {
    const layers = new Set(sourceFiles(SRC).map((p) => layerOf(moduleOf(p))));
    expect([...layers].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  it('no import crosses a layer it may not', () => {
    const broken = edges.flatMap((e) => {
      const why = violation(e);
      return why ? [`src/${e.from}.ts:${e.line} imports ${e.specifier}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('the pure domain modules exist', () => {
    const modules = new Set(sourceFiles(SRC).map(moduleOf));
    expect(PURE_DOMAIN_MODULES.filter((m) => !modules.has(m))).toEqual([]);
  });

  it('judges edges as the table says (a back-edge fails, a forward edge passes)', () => {
    expect(violation({ from: 'checks/req/scheme', to: 'gather/types' })).toMatch(/checks\/ may import only/);
    expect(violation({ from: 'protocol/networks', to: 'gather/artifacts' })).not.toBeNull();
    expect(violation({ from: 'report/pretty', to: 'cli/options' })).toBe('nothing outside cli/ imports cli/');
    expect(violation({ from: 'registry/prices', to: 'gather/http' })).not.toBeNull();
    expect(violation({ from: 'checks/req/scheme', to: 'artifacts/index' })).toBeNull();
    expect(violation({ from: 'engine/run', to: 'gather/index' })).toBeNull();
    expect(violation({ from: 'index', to: 'cli/main' })).not.toBeNull();
  });
});
