import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/packageRoot.js';
import { decodeEventLog, type Abi, type Hex } from 'viem';
import { SandboxError } from '../errors.js';
import { IDENTITY_REGISTRY_ADDRESS } from './addresses.js';
import { placeCode, runtimeCodeOf, type SandboxChain } from './chain.js';
import type { SandboxAccount } from './types.js';

export { IDENTITY_REGISTRY_ADDRESS } from './addresses.js';
/** `agentRegistry` of a registration file pointing at this registry on chain 84532. */
export const AGENT_REGISTRY_REF = `eip155:84532:${IDENTITY_REGISTRY_ADDRESS}` as const;

interface RegistryArtifact {
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
}

let cached: RegistryArtifact | null = null;

/** The committed artifact (contracts/artifacts, shipped in the package; made by contracts/scripts/compile-registry.mjs). */
export function identityRegistryArtifact(): RegistryArtifact {
  if (cached) return cached;
  const path = join(packageRoot(), 'contracts', 'artifacts', 'IdentityRegistry.json');
  try {
    cached = JSON.parse(readFileSync(path, 'utf8')) as RegistryArtifact;
  } catch (error) {
    throw new SandboxError('IdentityRegistry artifact missing', { cause: error, details: path, hints: ['run node contracts/scripts/compile-registry.mjs'] });
  }
  return cached;
}

export function compiledRegistryAbi(): Abi {
  return identityRegistryArtifact().abi;
}

/**
 * Place the registry. The creation code is run with eth_call rather than taking the artifact's
 * deployedBytecode, because EIP712 keeps its hashed name and version in immutables that only the
 * constructor fills in.
 */
export async function placeIdentityRegistry(sandbox: SandboxChain): Promise<void> {
  const code = await runtimeCodeOf(sandbox.publicClient, identityRegistryArtifact().bytecode, 'IdentityRegistry');
  await placeCode(sandbox, IDENTITY_REGISTRY_ADDRESS, code, 'IdentityRegistry');
}

/**
 * Register an agent the way sellers do when the file must name its own id: register() first,
 * read the id from the Registered event, then setAgentURI with the URI built for that id.
 */
export async function registerAgent(sandbox: SandboxChain, owner: SandboxAccount, agentURIFor: (agentId: bigint) => string): Promise<{ agentId: bigint; agentURI: string }> {
  const abi = compiledRegistryAbi();
  const wallet = sandbox.walletFor(owner);
  const write = (functionName: string, args: readonly unknown[]) =>
    wallet.writeContract({ address: IDENTITY_REGISTRY_ADDRESS, abi, functionName, args } as Parameters<typeof wallet.writeContract>[0]);
  const receipt = await sandbox.confirm(await write('register', []), 'IdentityRegistry register()');
  let agentId: bigint | null = null;
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== IDENTITY_REGISTRY_ADDRESS.toLowerCase()) continue;
    try {
      const event = decodeEventLog({ abi, data: log.data, topics: log.topics });
      if (event.eventName === 'Registered') agentId = (event.args as unknown as { agentId: bigint }).agentId;
    } catch {
      // Transfer and MetadataSet share the receipt
    }
  }
  if (agentId === null) throw new SandboxError('IdentityRegistry register() emitted no Registered event');
  const agentURI = agentURIFor(agentId);
  await sandbox.confirm(await write('setAgentURI', [agentId, agentURI]), 'IdentityRegistry setAgentURI');
  return { agentId, agentURI };
}
