import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli-bundle');

/** Every module the bundle's entry loads before any command runs: its static import graph. */
function helpPathSources(): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(BUNDLE, file), 'utf8');
    for (const m of text.matchAll(/^(?:import|\} from)[^\n]*?"\.\/([^"]+)"/gm)) visit(m[1]);
  };
  visit('main.js');
  // esbuild heads each bundled file with a `// <path>` comment.
  return [...seen].flatMap((file) => [...readFileSync(join(BUNDLE, file), 'utf8').matchAll(/^\/\/ (\S+\.m?[jt]s)$/gm)].map((m) => m[1]));
}

describe('the --help path of the CLI bundle', () => {
  const built = existsSync(join(BUNDLE, 'main.js'));
  it.skipIf(!built)('loads no viem, no @x402 package and no Kubernetes client (they load inside actions)', () => {
    const sources = helpPathSources();
    expect(sources).toContain('src/cli/main.ts');
    expect(sources.filter((s) => /node_modules\/(viem|ox|@noble|@x402|@kubernetes)\//.test(s))).toEqual([]);
  });
});
