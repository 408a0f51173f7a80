import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The directory of x402-probe's own package.json. Code runs from src/ (tests), dist/ (the
 * library) and dist/cli/ bundle chunks, at different depths, so files shipped with the package
 * are found from here rather than by a fixed relative path.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'x402-probe') {
      cached = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the x402-probe package.json above this module');
    dir = up;
  }
}
