/**
 * checkRuleFiles for gatherers: every gatherer exported under src/gather/ is listed once in
 * gather/index.ts, declares meta naming real artifacts (src/artifacts/index.ts), and has a test
 * beside its module that names it. Gatherers are discovered from the modules, never listed here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planGathering } from '../src/engine/gatherArtifacts.js';
import { gatherers } from '../src/gather/index.js';
import type { Gatherer } from '../src/gather/types.js';
import { artifactNames } from './helpers/artifactNames.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GATHER_DIR = join(ROOT, 'src', 'gather');
const ARTIFACTS = artifactNames();
/** Recorded by the engine: `target` before any gatherer (readable by all), `deadline` after them. */
const ENGINE_ARTIFACTS = ['target', 'deadline'];

interface Exported {
  gatherer: Gatherer;
  exportName: string;
  /** Path of its module relative to the project root. */
  rel: string;
  path: string;
}

function modules(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return modules(path);
      return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
    });
}

const isGatherer = (value: unknown): value is Gatherer => {
  const v = value as Partial<Gatherer> | null;
  return typeof v === 'object' && v !== null && typeof v.gather === 'function' && typeof v.meta === 'object' && typeof v.meta?.artifact === 'string';
};

const exported: Exported[] = [];

beforeAll(async () => {
  for (const path of modules(GATHER_DIR)) {
    const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    if (path === join(GATHER_DIR, 'index.ts')) continue;
    for (const [exportName, value] of Object.entries(mod)) if (isGatherer(value)) exported.push({ gatherer: value, exportName, path, rel: relative(ROOT, path) });
  }
});

const exportOf = (g: Gatherer): Exported | undefined => exported.find((e) => e.gatherer === g);

describe('gatherers (src/gather/index.ts)', () => {
  it('there are gatherers, and the artifact names are read from the Artifacts interface', () => {
    expect(gatherers.length).toBeGreaterThan(0);
    expect(ARTIFACTS).toEqual(expect.arrayContaining(['target', 'unpaid', 'challenge', 'deadline']));
  });

  it('every gatherer exported under src/gather/ is listed exactly once, and every listed one is exported by a module', () => {
    expect(exported.length).toBeGreaterThan(0);
    for (const e of exported) expect(gatherers.filter((g) => g === e.gatherer).length, `${e.exportName} (${e.rel}) must appear once in src/gather/index.ts`).toBe(1);
    for (const g of gatherers) expect(exportOf(g), `gatherer "${g.meta.artifact}" is not exported by a module under src/gather/`).toBeDefined();
  });

  it('each produces a different artifact, none of those the engine records', () => {
    const produced = gatherers.map((g) => g.meta.artifact);
    expect(new Set(produced).size).toBe(produced.length);
    for (const name of produced) {
      expect(ARTIFACTS, `unknown artifact "${name}"`).toContain(name);
      expect(ENGINE_ARTIFACTS).not.toContain(name);
    }
  });

  it('the engine can order them (no cycle, every dependency produced)', () => {
    expect(() => planGathering(gatherers)).not.toThrow();
  });

  describe.each(gatherers.map((g) => ({ name: g.meta.artifact, gatherer: g })))('$name', ({ name, gatherer }) => {
    it('declares dependencies naming real artifacts, each produced by a listed gatherer (or the engine\'s target)', () => {
      const { dependencies, optionalDependencies = [] } = gatherer.meta;
      expect(Array.isArray(dependencies), 'meta.dependencies must be an array (empty when it reads nothing)').toBe(true);
      expect(Array.isArray(optionalDependencies)).toBe(true);
      const all = [...dependencies, ...optionalDependencies];
      expect(new Set(all).size, 'a dependency is listed twice (or both required and optional)').toBe(all.length);
      expect(all).not.toContain(name);
      for (const dep of all) {
        expect(ARTIFACTS, `unknown artifact "${dep}"`).toContain(dep);
        expect(dep === 'target' || gatherers.some((g) => g.meta.artifact === dep), `nothing in src/gather/index.ts produces "${dep}"`).toBe(true);
      }
    });

    it('says whether it is offline or concurrent with booleans, if at all', () => {
      for (const key of ['offline', 'concurrent'] as const) expect(['undefined', 'boolean']).toContain(typeof gatherer.meta[key]);
    });

    it('has a test beside its module that names it', () => {
      const e = exportOf(gatherer);
      expect(e).toBeDefined();
      if (!e) return;
      const testPath = e.path.replace(/\.ts$/, '.test.ts');
      expect(existsSync(testPath), `missing ${relative(ROOT, testPath)}`).toBe(true);
      expect(readFileSync(testPath, 'utf8'), `${relative(ROOT, testPath)} never mentions ${e.exportName}`).toContain(e.exportName);
    });
  });
});
