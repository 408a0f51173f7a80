/**
 * docs/ARCHITECTURE.md describes the layout as built; this test fails when a path it names does
 * not exist. It reads the layout tree (the first code block) and every `code span` that looks like
 * a path, resolved against the project root or src/ (the page names src/ modules without it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEXT = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');

/** Paths of the layout tree: top-level entries at column 0, src/'s children indented under it. */
export function treePaths(markdown: string): string[] {
  const block = /```\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
  const paths: string[] = [];
  let parents: string[] = [];
  for (const line of block.split('\n')) {
    const m = /^( *)(\S+?)(?: {2,}|$)/.exec(line);
    if (!m || m[2].length === 0) continue;
    const depth = m[1].length / 2;
    const name = m[2];
    // A continuation line of a description is indented deep and has no path-like first word.
    if (depth > parents.length || !/^[\w.-]+(\/[\w.<>-]*)*\/?$/.test(name)) continue;
    parents = parents.slice(0, depth);
    const path = [...parents, name].join('');
    paths.push(path);
    if (name.endsWith('/')) parents.push(name);
  }
  return paths;
}

/** `a/b.ts`-like code spans outside code blocks, without placeholders, globs or URLs. */
export function spanPaths(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/`([^`\s]+)`/g)]
    .map((m) => m[1])
    .filter((s) => s.includes('/') && !/[<>*:]|^\.|^\/|\(|@/.test(s) && /^[\w.-]+(\/[\w.-]+)*\/?$/.test(s));
}

/** A `<placeholder>` segment (src/checks/<area>/) stands for any entry: its parent must exist. */
const exists = (path: string): boolean => {
  const concrete = path.split(/<[^>]+>/)[0];
  return existsSync(join(ROOT, concrete)) || existsSync(join(ROOT, 'src', concrete));
};

describe('docs/ARCHITECTURE.md names only paths that exist', () => {
  const tree = treePaths(TEXT);
  const spans = spanPaths(TEXT);

  it('reads the layout tree and the path spans', () => {
    expect(tree).toEqual(expect.arrayContaining(['src/', 'src/gather/', 'src/artifacts/', 'bin/x402-probe']));
    expect(spans.length).toBeGreaterThan(10);
  });

  it('every path of the layout tree exists', () => {
    expect(tree.filter((p) => !exists(p))).toEqual([]);
  });

  it('every path named in the prose exists', () => {
    expect(spans.filter((p) => !exists(p))).toEqual([]);
  });

  it('catches a path that does not exist', () => {
    const page = '```\nsrc/\n  nowhere/         gone\n```\nSee `gather/artifacts.ts`.';
    expect(treePaths(page).filter((p) => !exists(p))).toEqual(['src/nowhere/']);
    expect(spanPaths(page).filter((p) => !exists(p))).toEqual(['gather/artifacts.ts']);
  });
});
