import type { Artifacts } from '../../artifacts/index.js';
import { OBSOLETE_IDENTITY_REGISTRIES } from '../../registry/abi.js';
import { fail, pass } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.agent-exists',
  title: 'The ERC-8004 agent is registered in the IdentityRegistry',
  severity: 'error',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#identity-registry',
  fix: 'Register the agent with register(agentURI) on the IdentityRegistry of the payment chain, or pass --agent with the id it was given.',
  requires: ['registryAgent'],
  messages: {
    exists: 'Agent {agentId} is registered to {owner} in {registry}.',
    autoNotFound: 'No agent could be taken from the target\'s /.well-known/agent-registration.json: {reason}.',
    rpcError: 'The registry could not be read over {rpc}: {error}.',
    wrongChain: 'The RPC serves chain {rpcChainId}, but the agent is named on chain {chainId}.',
    obsoleteRegistry: '{registry} is a pre-2026 ERC-8004 registry with another ABI; the current one is at 0x8004A818…BD9e (testnets).',
    noRegistry: 'There is no contract at {registry} on chain {chainId}: no IdentityRegistry is deployed there.',
    notRegistered: 'Agent {agentId} does not exist in {registry} (ownerOf reverted: {error}).',
  },
} as const satisfies CheckMeta;

export function check({ registryAgent: a }: Pick<Artifacts, 'registryAgent'>): CheckOutcome {
  if (a.autoError !== null || a.agentId === null) return fail(meta, 'autoNotFound', { reason: a.autoError ?? 'no registrations entry' });
  if (a.rpcError !== null) return fail(meta, 'rpcError', { rpc: a.rpcOrigin ?? 'the RPC', error: a.rpcError }, a.rpcError);
  if (a.rpcChainId !== null && a.chainId !== null && a.rpcChainId !== a.chainId) {
    return fail(meta, 'wrongChain', { rpcChainId: a.rpcChainId, chainId: a.chainId }, `eth_chainId = ${a.rpcChainId}`);
  }
  const registry = a.registry ?? '?';
  if (a.hasCode === false) {
    const obsolete = OBSOLETE_IDENTITY_REGISTRIES.some((r) => r.toLowerCase() === registry.toLowerCase());
    return fail(meta, obsolete ? 'obsoleteRegistry' : 'noRegistry', { registry, chainId: a.chainId }, `eth_getCode(${registry}) = 0x`);
  }
  if (a.owner === null) return fail(meta, 'notRegistered', { agentId: a.agentId, registry, error: a.ownerError ?? 'no owner' }, a.ownerError ?? undefined);
  return pass(meta, 'exists', { agentId: a.agentId, owner: a.owner, registry });
}
