import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeDeployData, type Abi, type Hex } from 'viem';
import { SandboxError } from '../errors.js';
import { packageRoot } from '../util/packageRoot.js';
import { IDENTITY_REGISTRY_ADDRESS, REPUTATION_REGISTRY_ADDRESS, VALIDATION_REGISTRY_ADDRESS } from './addresses.js';
import { placeCode, runtimeCodeOf, type SandboxChain } from './chain.js';

export { REPUTATION_REGISTRY_ADDRESS, VALIDATION_REGISTRY_ADDRESS } from './addresses.js';

export type TrustRegistryName = 'ReputationRegistry' | 'ValidationRegistry';

export interface TrustRegistryArtifact {
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
}

const cache = new Map<TrustRegistryName, TrustRegistryArtifact>();

/** The committed artifact (contracts/artifacts, made by contracts/scripts/compile-registry.mjs). */
export function trustRegistryArtifact(name: TrustRegistryName): TrustRegistryArtifact {
  const known = cache.get(name);
  if (known) return known;
  const path = join(packageRoot(), 'contracts', 'artifacts', `${name}.json`);
  try {
    const artifact = JSON.parse(readFileSync(path, 'utf8')) as TrustRegistryArtifact;
    cache.set(name, artifact);
    return artifact;
  } catch (error) {
    throw new SandboxError(`${name} artifact missing`, { cause: error, details: path, hints: ['run node contracts/scripts/compile-registry.mjs'] });
  }
}

/**
 * Both registries keep the Identity registry's address in an immutable: running the creation
 * code (with that address as its constructor argument) writes it into the runtime code that
 * anvil_setCode then places.
 */
async function placeTrustRegistry(sandbox: SandboxChain, name: TrustRegistryName, address: Hex): Promise<void> {
  const { abi, bytecode } = trustRegistryArtifact(name);
  const creation = encodeDeployData({ abi, bytecode, args: [IDENTITY_REGISTRY_ADDRESS] });
  await placeCode(sandbox, address, await runtimeCodeOf(sandbox.publicClient, creation, name), name);
}

/** Place the Reputation and Validation registries at their Base Sepolia addresses. */
export async function placeTrustRegistries(sandbox: SandboxChain): Promise<void> {
  await Promise.all([
    placeTrustRegistry(sandbox, 'ReputationRegistry', REPUTATION_REGISTRY_ADDRESS),
    placeTrustRegistry(sandbox, 'ValidationRegistry', VALIDATION_REGISTRY_ADDRESS),
  ]);
}
