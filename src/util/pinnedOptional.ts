import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './packageRoot.js';

/** Optional packages as name@version, pinned as x402-probe's package.json pins them (the name alone when it does not). */
export function pinnedOptional(names: readonly string[]): string[] {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
  const versions = manifest.optionalDependencies ?? {};
  return names.map((name) => (versions[name] ? `${name}@${versions[name]}` : name));
}
