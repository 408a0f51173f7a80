/**
 * Lazily loaded packages go through named re-exports (util/lazyViem.ts, gather/paymentClient.ts,
 * sandbox/*Parts.ts), never `import()` of a bundled package's barrel: that makes every export of
 * the barrel live, and esbuild's code splitting then moves what it reaches into the chunks static
 * users load, which a cold `check` parses (all of viem's actions, bip39's wordlists). Packages the
 * bundle keeps external (scripts/bundle-cli.mjs) load from node_modules and may be imported so.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The bundle's `external` list, read from the script (globs as prefixes). */
function externals(): string[] {
  const script = readFileSync(join(ROOT, 'scripts', 'bundle-cli.mjs'), 'utf8');
  const list = /external:\s*\[([^\]]*)\]/.exec(script)?.[1] ?? '';
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

const isExternal = (specifier: string, list: readonly string[]): boolean =>
  list.some((e) => (e.endsWith('/*') ? specifier.startsWith(e.slice(0, -1)) : specifier === e || specifier.startsWith(`${e}/`)));

describe('lazy imports', () => {
  it('the bundle keeps the optional packages external', () => {
    for (const name of ['@kubernetes/client-node', 'piscina', 'prom-client', '@x402/extensions/bazaar', 'express']) expect(isExternal(name, externals()), name).toBe(true);
  });

  it('no import() of a bundled package: named re-exports from a module of ours instead', () => {
    const list = externals();
    const offenders: string[] = [];
    for (const path of sources(join(ROOT, 'src'))) {
      const text = readFileSync(path, 'utf8');
      // A value import, not a type position such as `import('viem').LocalAccount`.
      for (const m of text.matchAll(/\bimport\(\s*'([^'.][^']*)'\s*\)(?!\s*\.)/g)) {
        const specifier = m[1];
        if (!specifier.startsWith('node:') && !isExternal(specifier, list)) offenders.push(`${relative(ROOT, path)}: import('${specifier}')`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
