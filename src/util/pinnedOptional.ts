import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './packageRoot.js';

/** Optional packages as name@version, pinned as x402-probe's package.json pins them (the name alone when it does not). */
export function pinnedOptional(names: readonly string[]): string[] {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
  const versions = manifest.optionalDependencies ?? {};
  return names.map((name) => (versions[name] ? `${name}@${versions[name]}` : name));
}

/** name@version when `error` is Node failing to find the optional package `name` (a core install), else null. */
export function missingOptional(error: unknown, name: string): string | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' || typeof message !== 'string' || !message.includes(`'${name}'`)) return null;
  return pinnedOptional([name])[0];
}
