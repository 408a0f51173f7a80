/**
 * The lint rule STYLE.md asks for on src/checks/**: checks are pure. The source is parsed with
 * the TypeScript compiler, so words in strings and comments ("the seller's process") never
 * trip it; only real imports, calls and references do.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PURE_DOMAIN_MODULES } from './helpers/layers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHECKS_DIR = join(ROOT, 'src', 'checks');
const GATHER_DIR = join(ROOT, 'src', 'gather');

/** Modules that do I/O. Matched with and without the node: prefix, and their subpaths. */
const IO_MODULES = ['fs', 'net', 'http', 'https', 'http2', 'dns', 'tls', 'dgram', 'child_process', 'worker_threads', 'cluster', 'process', 'readline'];
const FORBIDDEN_PACKAGES = ['undici', 'node-fetch', 'axios', 'viem/actions', '@kubernetes/client-node'];
/** viem exports that make a client or a transport (I/O); viem's pure helpers stay allowed. */
const VIEM_CLIENT_NAMES = new Set(['createPublicClient', 'createWalletClient', 'createTestClient', 'createClient', 'http', 'webSocket', 'fallback', 'custom', 'ipc']);
/** Globals that read the clock, draw randomness or do I/O. */
const FORBIDDEN_MEMBERS = new Set(['Date.now', 'Math.random', 'performance.now', 'crypto.getRandomValues', 'crypto.randomUUID', 'crypto.randomBytes', 'process.hrtime']);
const FORBIDDEN_CALLS = new Set(['fetch', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'require', 'randomBytes', 'randomUUID', 'getRandomValues']);
const FORBIDDEN_IDENTIFIERS = new Set(['createPublicClient', 'createWalletClient', 'createTestClient', 'process', 'performance']);

interface Violation {
  line: number;
  rule: string;
}

function moduleViolation(specifier: string, fromFile: string, typeOnly: boolean): string | null {
  const bare = specifier.replace(/^node:/, '');
  const root = bare.split('/')[0];
  if (IO_MODULES.includes(root) && !specifier.startsWith('.')) return `imports ${specifier} (I/O)`;
  if (FORBIDDEN_PACKAGES.some((p) => specifier === p || specifier.startsWith(`${p}/`))) return `imports ${specifier} (I/O)`;
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(fromFile), specifier).replace(/\.(js|ts|mjs)$/, '');
    if (target === GATHER_DIR || target.startsWith(GATHER_DIR + sep)) {
      return `imports ${specifier} from gather/${typeOnly ? ' (types too: artifact types live in artifacts/)' : ''}`;
    }
  }
  return null;
}

/** Every impurity in one source text: imports, clock, randomness, process, viem clients. */
function findImpurities(source: string, fileName: string): Violation[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Violation[] = [];
  const report = (node: ts.Node, rule: string) => found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, rule });

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const typeOnly = ts.isImportDeclaration(node) ? Boolean(node.importClause?.isTypeOnly) : node.isTypeOnly;
      const bad = moduleViolation(specifier, fileName, typeOnly);
      if (bad) report(node, bad);
      if (ts.isImportDeclaration(node) && /^viem(\/|$)/.test(specifier) && !typeOnly) {
        const bindings = node.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) {
          for (const el of bindings.elements) {
            const name = (el.propertyName ?? el.name).text;
            if (!el.isTypeOnly && VIEM_CLIENT_NAMES.has(name)) report(el, `imports ${name} from ${specifier} (a viem client or transport)`);
          }
        }
      }
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      const bad = moduleViolation(node.moduleReference.expression.text, fileName, node.isTypeOnly);
      if (bad) report(node, bad);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const bad = moduleViolation(node.argument.literal.text, fileName, true);
      if (bad) report(node, bad);
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) {
          const bad = moduleViolation(arg.text, fileName, false);
          if (bad) report(node, `dynamically ${bad}`);
        } else {
          report(node, 'uses a dynamic import with a computed specifier');
        }
      } else if (ts.isIdentifier(node.expression) && FORBIDDEN_CALLS.has(node.expression.text)) {
        report(node, `calls ${node.expression.text}()`);
      } else if (ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
        report(node, 'calls Date() (the clock)');
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && (node.arguments?.length ?? 0) === 0) {
      report(node, 'uses new Date() (the clock; times arrive in artifacts)');
    } else if (ts.isPropertyAccessExpression(node)) {
      const text = `${node.expression.getText(sf).replace(/^globalThis\./, '')}.${node.name.text}`;
      if (FORBIDDEN_MEMBERS.has(text)) report(node, `uses ${text}`);
      if (node.expression.getText(sf) === 'globalThis' && FORBIDDEN_IDENTIFIERS.has(node.name.text)) report(node, `uses globalThis.${node.name.text}`);
    } else if (ts.isIdentifier(node) && FORBIDDEN_IDENTIFIERS.has(node.text) && isReference(node)) {
      report(node, `uses ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** True when the identifier names a value in scope (not a property name, key or member). */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  return true;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|js|mjs)$/.test(entry) && !/\.test\.(ts|mts|js|mjs)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const SAMPLE = join(CHECKS_DIR, 'area', 'sample.ts');
const rules = (source: string) => findImpurities(source, SAMPLE).map((v) => v.rule);

describe('purity scanner', () => {
  it('accepts a pure check: type import of artifacts, protocol/ helpers, words in strings and comments', () => {
    const pure = `
      import type { Artifacts } from '../../artifacts/index.js';
      import { getAddress, isAddress } from 'viem';
      import { resolveNetwork } from '../../protocol/networks.js';
      // never Date.now() or Math.random() or process.env here
      const text = 'the seller process stopped; new Date( fetch( http(';
      const when = new Date(artifacts.target.startedAt).getTime();
      const o = { process: 1, performance: 2 };
      const p = o.process + Date.parse('2020-01-01');
    `;
    expect(rules(pure)).toEqual([]);
  });

  it('flags gather/ imports, I/O modules, viem clients, the clock, randomness and process', () => {
    const impure = `
      import { exchange } from '../../gather/http.js';
      import type { GatherContext } from '../../gather/types.js';
      import { readFileSync } from 'node:fs';
      import { connect } from 'net';
      import { request } from 'undici';
      import { spawn } from 'node:child_process';
      import { get } from 'node:http';
      import { createPublicClient, http } from 'viem';
      const a = Date.now();
      const b = new Date();
      const c = Math.random();
      const d = performance.now();
      const e = process.env.KEY;
      const f = globalThis.process;
      const g = await import('undici');
      const h = createPublicClient({ transport: http() });
    `;
    const found = rules(impure);
    for (const expected of ['gather/http.js', 'gather/types.js', 'node:fs', 'imports net', 'undici', 'node:child_process', 'node:http', 'createPublicClient from viem', 'http from viem', 'Date.now', 'new Date()', 'Math.random', 'performance.now', 'uses process', 'globalThis.process', 'dynamically imports undici']) {
      expect(found.some((r) => r.includes(expected)), `expected a violation mentioning ${expected}; got ${found.join(' | ')}`).toBe(true);
    }
  });

  it('forbids even `import type` from gather/, and allows the artifacts module', () => {
    expect(rules(`import type { GatherContext } from '../../gather/types.js';`)).toHaveLength(1);
    expect(rules(`import type { Artifacts } from '../../artifacts/index.js';`)).toEqual([]);
    expect(rules(`import { type Artifacts } from '../../artifacts/index.js';`)).toEqual([]);
  });
});

describe('checks are pure (src/checks/**)', () => {
  const files = sourceFiles(CHECKS_DIR);

  it('finds the check sources', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((path) => [relative(ROOT, path), path]))('%s does no I/O and reads no clock or randomness', (rel, path) => {
    const violations = findImpurities(readFileSync(path, 'utf8'), path);
    expect(violations.map((v) => `${rel}:${v.line}: ${v.rule}`), 'checks must be pure (STYLE.md, "Checks are pure")').toEqual([]);
  });
});

describe('the pure domain modules checks judge with are pure too (test/helpers/layers.ts)', () => {
  it.each(PURE_DOMAIN_MODULES.map((m) => [m, join(ROOT, 'src', `${m}.ts`)]))('src/%s.ts does no I/O and reads no clock or randomness', (_m, path) => {
    const violations = findImpurities(readFileSync(path, 'utf8'), path);
    expect(violations.map((v) => `${v.line}: ${v.rule}`)).toEqual([]);
  });
});
