/**
 * ESLint's checkRuleFiles as a test: every file under src/checks/<area>/ is a check whose meta
 * matches its path, is indexed exactly once and has a test beside it: a checkTester table with
 * valid and invalid cases that together exercise every messageId of meta.messages.
 * The list of checks is discovered on disk, never written down here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../src/checks/index.js';
import type { Check, CheckMeta } from '../src/checks/types.js';
import { collectSuites, exercisedMessageIds, type CollectedSuite } from './helpers/checkTester.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHECKS_DIR = join(ROOT, 'src', 'checks');
const NOT_CHECKS = new Set(['index.ts', 'types.ts', 'outcome.ts']);
const SEVERITIES = ['error', 'warning', 'info'];

interface CheckFile {
  area: string;
  name: string;
  /** Absolute path of the check module. */
  path: string;
  /** Path relative to the project root, for messages. */
  rel: string;
}

/** Every src/checks/<area>/<name>.ts that is a check (helpers and tests excluded). */
function checkFiles(): CheckFile[] {
  const files: CheckFile[] = [];
  for (const area of readdirSync(CHECKS_DIR).sort()) {
    const dir = join(CHECKS_DIR, area);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.endsWith('.d.ts') || NOT_CHECKS.has(file)) continue;
      const path = join(dir, file);
      files.push({ area, name: file.slice(0, -3), path, rel: relative(ROOT, path) });
    }
  }
  return files;
}

/**
 * The keys of `interface Artifacts` read from src/artifacts/index.ts, so the list follows the
 * file as gatherers are added (a type cannot be enumerated at run time).
 */
function artifactNames(): string[] {
  const text = readFileSync(join(ROOT, 'src', 'artifacts', 'index.ts'), 'utf8');
  const match = /export\s+interface\s+Artifacts\s*\{([^}]*)\}/.exec(text);
  if (!match) throw new Error('src/artifacts/index.ts has no `export interface Artifacts { ... }`');
  const members = match[1].replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return [...members.matchAll(/^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*:/gm)].map((m) => m[1]);
}

const isSentence = (text: string): boolean => /^\S[\s\S]*\.$/.test(text.trim()) && !/[.!?]\s+[A-Z]/.test(text.trim());

const files = checkFiles();
const ARTIFACTS = artifactNames();

/** Each test module is imported once (its top level runs once per worker), so its tables are kept. */
const collected = new Map<string, Promise<CollectedSuite[]>>();
function suitesOf(testPath: string): Promise<CollectedSuite[]> {
  if (!collected.has(testPath)) collected.set(testPath, collectSuites(() => import(pathToFileURL(testPath).href)));
  return collected.get(testPath)!;
}

describe('artifact names', () => {
  it('are read from the Artifacts interface', () => {
    expect(ARTIFACTS).toEqual(expect.arrayContaining(['target', 'unpaid', 'challenge']));
    expect(new Set(ARTIFACTS).size).toBe(ARTIFACTS.length);
  });
});

describe('check files (src/checks/<area>/<name>.ts)', () => {
  it('there is at least one check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('ids are unique across all checks', () => {
    const ids = allChecks.map((c) => c.meta.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes, `duplicate check ids: ${dupes.join(', ')}`).toEqual([]);
  });

  it('every check in allChecks has its own file', () => {
    const fileIds = new Set(files.map((f) => `${f.area}.${f.name}`));
    const orphans = allChecks.map((c) => c.meta.id).filter((id) => !fileIds.has(id));
    expect(orphans, `checks in allChecks with no src/checks/<area>/<name>.ts: ${orphans.join(', ')}`).toEqual([]);
  });

  describe.each(files)('$rel', (file) => {
    const id = `${file.area}.${file.name}`;
    const load = async (): Promise<Check> => (await import(pathToFileURL(file.path).href)) as Check;

    it('exports meta and check()', async () => {
      const mod = await load();
      expect(typeof mod.meta, `${file.rel} must export meta`).toBe('object');
      expect(typeof mod.check, `${file.rel} must export check(artifacts)`).toBe('function');
    });

    it(`meta.id is "${id}" (kebab-case, matching the path)`, async () => {
      const { meta } = await load();
      expect(meta.id).toBe(id);
      expect(file.area).toMatch(/^[a-z][a-z0-9]*$/);
      expect(file.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it('has a valid severity and non-empty title, specRef and fix', async () => {
      const meta: CheckMeta = (await load()).meta;
      expect(SEVERITIES).toContain(meta.severity);
      for (const key of ['title', 'specRef', 'fix'] as const) {
        expect(typeof meta[key], `meta.${key} must be a string`).toBe('string');
        expect(meta[key].trim().length, `meta.${key} must not be empty`).toBeGreaterThan(0);
      }
      expect(meta.specRef, 'meta.specRef must be a link').toMatch(/^https?:\/\/\S+$/);
    });

    it('fix is one sentence ending with a period', async () => {
      const { meta } = await load();
      expect(isSentence(meta.fix), `meta.fix must be one sentence ending with ".": ${JSON.stringify(meta.fix)}`).toBe(true);
    });

    it('has messages, each a non-empty template', async () => {
      const { meta } = await load();
      const entries = Object.entries(meta.messages ?? {});
      expect(entries.length, 'meta.messages must not be empty').toBeGreaterThan(0);
      for (const [messageId, template] of entries) {
        expect(messageId).toMatch(/^[A-Za-z][\w-]*$/);
        expect(typeof template === 'string' && template.trim().length > 0, `message "${messageId}" must be a non-empty string`).toBe(true);
      }
    });

    it('requires at least one artifact, each a key of Artifacts', async () => {
      const { meta } = await load();
      expect(Array.isArray(meta.requires) && meta.requires.length > 0, 'meta.requires must name at least one artifact').toBe(true);
      for (const name of meta.requires) expect(ARTIFACTS, `unknown artifact "${name}"`).toContain(name);
      expect(new Set(meta.requires).size).toBe(meta.requires.length);
    });

    it('is listed in allChecks (src/checks/index.ts) exactly once', async () => {
      const { meta } = await load();
      const listed = allChecks.filter((c) => c.meta === meta).length;
      expect(listed, `${id} must appear once in its area's index (src/checks/${file.area}/index.ts)`).toBe(1);
    });

    it('has a test beside it: one checkTester table for this check and nothing else', async () => {
      const testPath = file.path.replace(/\.ts$/, '.test.ts');
      expect(existsSync(testPath), `missing ${relative(ROOT, testPath)}`).toBe(true);
      const text = readFileSync(testPath, 'utf8');
      // Tests of their own would run again here, where the table is read back.
      expect(/(?<![.\w])(describe|it|test)(\.\w+)*\(/.test(text), `${relative(ROOT, testPath)} declares tests of its own; put every case in the checkTester table`).toBe(false);
      const suites = await suitesOf(testPath);
      const { meta } = await load();
      expect(suites.map((s) => s.meta.id), `${relative(ROOT, testPath)} must call checkTester once, for ${id}`).toEqual([id]);
      expect(suites[0].meta, 'the table is for the check module itself').toBe(meta);
    });

    it('exercises every messageId of meta.messages in some case', async () => {
      const [suite] = await suitesOf(file.path.replace(/\.ts$/, '.test.ts'));
      const { meta } = await load();
      const exercised = exercisedMessageIds(suite);
      const unused = Object.keys(meta.messages).filter((messageId) => !exercised.has(messageId));
      expect(unused, `messageIds no case of ${file.name}.test.ts exercises: add a case, or drop the message if nothing reports it`).toEqual([]);
    });
  });
});
