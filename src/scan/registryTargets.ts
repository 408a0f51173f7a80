import type { Dispatcher } from 'undici';
import type { PublicClient } from 'viem';
import { NetworkPolicy, type NetworkPolicyOptions } from '../gather/network.js';
import { canonicalRegistry } from '../registry/agentRef.js';
import { hasAgentIdTemplate, normalizeEndpoint } from '../registry/endpoints.js';
import { enumerateAgents } from '../registry/enumerateAgents.js';
import { fetchRegistrationFile } from '../registry/fetchRegistrationFile.js';
import { mapLimit } from '../registry/market.js';
import { createRegistryClient } from '../registry/readAgent.js';
import { validateRegistrationFile } from '../registry/validateRegistrationFile.js';
import { inShard, type Shard } from './shard.js';
import type { ScanTarget } from './targets.js';

/** Service names that are identities, not HTTP endpoints (ERC-8004 registration files list both). */
const NOT_HTTP_SERVICES = new Set(['oasf', 'ens', 'did', 'email', 'agentwallet', 'a2a']);

/** NetworkPolicyOptions: registration files are data, fetched only at public addresses unless `allowPrivate`. */
export interface RegistryTargetsParameters extends NetworkPolicyOptions {
  rpcUrl: string;
  /** Default: the canonical IdentityRegistry of the RPC's chain. */
  registry?: `0x${string}`;
  /** At most this many agents (lowest ids first). */
  limit?: number;
  fromBlock?: bigint;
  timeoutMs?: number;
  /** Registration files fetched at once (default 8). */
  concurrency?: number;
  ipfsGateway?: string;
  dispatcher?: Dispatcher;
  client?: PublicClient;
  onProgress?: (progress: { phase: 'enumerate' | 'files'; done: number; total: number }) => void;
  /** Only the agents of this shard (by agent reference), chosen before any registration file is read. */
  shard?: Shard;
}

export interface RegistryTargetsReturnType {
  chainId: number;
  registry: string;
  /** Agents enumerated. */
  agents: number;
  /** Agents of the shard asked for (all of them without one). */
  agentsInShard: number;
  /** One target per (agent, x402 service endpoint), each carrying its `--agent` reference. */
  targets: ScanTarget[];
  /** Agents or services left out, counted by reason. */
  excluded: Record<string, number>;
}

/**
 * The scan list of a registry: every agent whose registration file declares x402 support and
 * is not inactive, one target per http(s) service endpoint, each probed with the ERC-8004
 * cross-check (`--agent eip155:<chain>:<registry>:<id>`) so registry.* checks run too.
 */
export async function registryTargets(params: RegistryTargetsParameters): Promise<RegistryTargetsReturnType> {
  const timeoutMs = params.timeoutMs ?? 10_000;
  const client = params.client ?? (await createRegistryClient(params.rpcUrl, timeoutMs));
  const chainId = await client.getChainId();
  const registry = params.registry ?? canonicalRegistry(chainId);
  params.onProgress?.({ phase: 'enumerate', done: 0, total: 0 });
  const { agents: enumerated } = await enumerateAgents({
    client,
    registry,
    limit: params.limit,
    fromBlock: params.fromBlock,
    onProgress: (p) => params.onProgress?.({ phase: 'enumerate', done: p.agents, total: 0 }),
  });
  const refOf = (agentId: bigint | number | string) => `eip155:${chainId}:${registry}:${agentId}`;
  const shard = params.shard;
  const agents = shard ? enumerated.filter((a) => inShard(refOf(a.agentId), shard)) : enumerated;
  const concurrency = params.concurrency ?? 8;
  const network = new NetworkPolicy({ allowPrivate: params.allowPrivate, lookup: params.lookup, classifyAddress: params.classifyAddress, connections: concurrency, connectTimeoutMs: timeoutMs });
  const files = await mapLimit(
    agents,
    concurrency,
    (a) => fetchRegistrationFile({ uri: a.uri, ipfsGateway: params.ipfsGateway, timeoutMs, dispatcher: params.dispatcher, source: 'data', network }),
    (done) => params.onProgress?.({ phase: 'files', done, total: agents.length }),
  ).finally(() => network.close());
  const excluded: Record<string, number> = {};
  const exclude = (reason: string) => void (excluded[reason] = (excluded[reason] ?? 0) + 1);
  const targets: ScanTarget[] = [];
  const seen = new Set<string>();
  agents.forEach((agent, i) => {
    const file = files[i];
    if (file.error?.code === 'forbidden-address') return exclude('registration file not at a public address');
    if (!file.json?.ok || (file.exchange && file.exchange.status !== 200)) return exclude('registration file unreadable');
    const v = validateRegistrationFile(file.json.value);
    if (!v.document) return exclude('registration file unreadable');
    if (v.x402Support !== true) return exclude('not declared x402');
    if (v.active === false) return exclude('inactive');
    const ref = refOf(agent.agentId);
    for (const service of v.services) {
      if (typeof service.endpoint !== 'string' || NOT_HTTP_SERVICES.has(String(service.name).toLowerCase())) continue;
      const normal = normalizeEndpoint(service.endpoint);
      if (!normal) {
        exclude('endpoint not http(s)');
        continue;
      }
      if (hasAgentIdTemplate(service.endpoint)) {
        exclude('endpoint has an {agentId} template');
        continue;
      }
      // Two agents may list one endpoint: each is its own registry cross-check.
      if (seen.has(`${ref} ${normal}`)) continue;
      seen.add(`${ref} ${normal}`);
      const method = typeof service.raw.method === 'string' && service.raw.method.toUpperCase() === 'POST' ? 'POST' : undefined;
      // The endpoint is data too: the scan probes it at public addresses only, unless allowPrivate.
      targets.push({ url: new URL(service.endpoint.trim()).toString(), line: targets.length + 1, agent: ref, source: 'data', ...(method ? { method } : {}) });
    }
  });
  return { chainId, registry, agents: enumerated.length, agentsInShard: agents.length, targets, excluded };
}
