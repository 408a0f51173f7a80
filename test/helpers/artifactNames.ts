import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The keys of `interface Artifacts` read from src/artifacts/index.ts, so the list follows the
 * file as artifacts are added (a type cannot be enumerated at run time).
 */
export function artifactNames(): string[] {
  const text = readFileSync(join(ROOT, 'src', 'artifacts', 'index.ts'), 'utf8');
  const match = /export\s+interface\s+Artifacts\s*\{([^}]*)\}/.exec(text);
  if (!match) throw new Error('src/artifacts/index.ts has no `export interface Artifacts { ... }`');
  const members = match[1].replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return [...members.matchAll(/^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*:/gm)].map((m) => m[1]);
}
