import type { ChallengeArtifact, RegistryAgentArtifact } from '../artifacts/index.js';
import type { ProbeOptions } from './options.js';
import { defineGatherer } from './defineGatherer.js';
import { DEFAULT_RPC_URLS, WELL_KNOWN_REGISTRATION_PATH } from '../registry/abi.js';
import { parseAgentRef, parseAgentRegistry, registrationAgentId, type AgentLocator } from '../registry/agentRef.js';
import { fetchRegistrationFile } from '../registry/fetchRegistrationFile.js';
import { readAgent } from '../registry/readAgent.js';
import { resolveNetwork } from '../protocol/networks.js';

/** The well-known registration URL on the probed URL's origin. */
export function wellKnownUrl(url: string): string {
  return new URL(WELL_KNOWN_REGISTRATION_PATH, new URL(url).origin).toString();
}

const noAgent = (options: ProbeOptions): string | null => (options.agent ? null : 'no --agent given');

/** The probed origin's /.well-known/agent-registration.json: domain verification and `--agent auto`. */
export const registryWellKnownGatherer = defineGatherer({
  meta: { artifact: 'registryWellKnown', dependencies: [] },
  notRequested: noAgent,
  // On the target's own origin: as much the user's (or the data's) as the target itself.
  gather: (ctx) =>
    fetchRegistrationFile({ uri: wellKnownUrl(ctx.options.url), timeoutMs: ctx.timeoutMs, dispatcher: ctx.dispatcher, deadline: ctx.deadline, source: ctx.options.targetSource ?? 'user', network: ctx.network }),
  exchanges: (fetched) => [['registryWellKnown', fetched.exchange]],
});

/** Chains the challenge charges on, so `auto` prefers a registration on the payment chain. */
function paymentChainIds(challenge: ChallengeArtifact | undefined): number[] {
  return (challenge?.requirements ?? [])
    .map((r) => (typeof r.network === 'string' ? resolveNetwork(r.network)?.chainId ?? null : null))
    .filter((id): id is number => id !== null);
}

/**
 * `auto`: take the well-known file's registrations[] entry on the payment chain (else the first
 * readable one). Which entry was taken, or why none could be, goes into the artifact.
 */
export function pickRegistration(document: unknown, preferredChains: readonly number[]): { locator: AgentLocator; index: number } | { error: string } {
  const entries = (document as { registrations?: unknown } | null)?.registrations;
  if (!Array.isArray(entries) || entries.length === 0) return { error: 'it has no registrations[]' };
  const readable = entries
    .map((entry, index) => {
      const e = (entry ?? {}) as Record<string, unknown>;
      const registry = parseAgentRegistry(e.agentRegistry);
      const agentId = registrationAgentId(e.agentId);
      return registry && agentId !== null ? { index, locator: { chainId: registry.chainId, registry: registry.registry as `0x${string}`, agentId } } : null;
    })
    .filter((x): x is { index: number; locator: AgentLocator } => x !== null);
  if (readable.length === 0) return { error: 'no registrations[] entry has an agentId and an eip155:<chainId>:<address> agentRegistry' };
  return readable.find((r) => preferredChains.includes(r.locator.chainId)) ?? readable[0];
}

function blank(ref: string, source: RegistryAgentArtifact['source']): RegistryAgentArtifact {
  return {
    ref, source, autoEntry: null, autoError: null, chainId: null, registry: null, agentId: null, rpcOrigin: null, rpcChainId: null,
    hasCode: null, owner: null, ownerError: null, tokenURI: null, tokenURIError: null, agentWallet: null, agentWalletError: null, metadata: {}, rpcError: null,
  };
}

/**
 * The agent named by --agent, and the IdentityRegistry's answers about it. `auto` reads the
 * well-known file (an optional dependency: an explicit reference needs none, and `auto` without
 * it records why in autoError) and prefers a registration on a chain the challenge charges on.
 */
export const registryAgentGatherer = defineGatherer({
  meta: { artifact: 'registryAgent', dependencies: [], optionalDependencies: ['registryWellKnown', 'challenge'] },
  notRequested: noAgent,
  async gather({ options, artifacts, timeoutMs, deadline }) {
    const ref = parseAgentRef(options.agent!);
    let out: RegistryAgentArtifact;
    let locator: AgentLocator;
    if (ref.kind === 'auto') {
      out = blank(options.agent!, 'auto');
      const wk = artifacts.registryWellKnown;
      const status = wk?.exchange?.status ?? null;
      if (!wk || status !== 200 || !wk.json?.ok) {
        out.autoError = `${wk?.fetchedUrl ?? 'the well-known file'} gave ${status === null ? `no response${wk?.error ? ` (${wk.error.message})` : ''}` : status !== 200 ? `HTTP ${status}` : 'no JSON document'}`;
        return out;
      }
      const picked = pickRegistration(wk.json.value, paymentChainIds(artifacts.challenge));
      if ('error' in picked) {
        out.autoError = picked.error;
        return out;
      }
      out.autoEntry = picked.index;
      locator = picked.locator;
    } else {
      out = blank(options.agent!, ref.defaulted ? 'default' : 'explicit');
      locator = ref;
    }
    out.chainId = locator.chainId;
    out.registry = locator.registry;
    out.agentId = locator.agentId.toString();
    const rpcUrl = options.rpc ?? DEFAULT_RPC_URLS[locator.chainId];
    if (!rpcUrl) {
      out.rpcError = `no RPC is known for chain ${locator.chainId}; pass --rpc`;
      return out;
    }
    return { ...out, ...(await readAgent({ rpcUrl, registry: locator.registry, agentId: locator.agentId, timeoutMs, signal: deadline.signal })) };
  },
});

/** The registration file the agentURI points to (https, http, ipfs:// through the gateway, data:). */
export const registryFileGatherer = defineGatherer({
  meta: { artifact: 'registryFile', dependencies: ['registryAgent'] },
  notRequested: noAgent,
  skipReason: ({ artifacts }) => (typeof artifacts.registryAgent.tokenURI === 'string' ? null : 'the registry gave no agentURI'),
  gather: async ({ options, artifacts, timeoutMs, dispatcher, deadline, network }) => {
    const uri = artifacts.registryAgent.tokenURI;
    // skipReason lets no agent without an agentURI through.
    if (typeof uri !== 'string') throw new Error('the registry gave no agentURI');
    return fetchRegistrationFile({ uri, ipfsGateway: options.ipfsGateway, timeoutMs, dispatcher, deadline, source: 'data', network });
  },
  exchanges: (fetched) => [['registryFile', fetched.exchange]],
});
