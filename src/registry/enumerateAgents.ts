import type { BaseError, Hex, PublicClient } from 'viem';
import { decodeEventLog } from 'viem/utils';
import { isViemError } from '../util/viemError.js';
import { identityRegistryAbi, REGISTERED_TOPIC, REGISTRY_START_BLOCKS, URI_UPDATED_TOPIC } from './abi.js';

/** Multicall3's address on every chain; where it has no code, reads go through viem's deployless multicall. */
const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11';

export interface EnumeratedAgent {
  agentId: bigint;
  /** The agentURI: the latest of Registered and URIUpdated (logs), or tokenURI (ownerOf probing). */
  uri: string;
  /** The owner at registration (logs) or now (ownerOf probing). */
  owner: `0x${string}` | null;
}

export interface EnumerateAgentsParameters {
  client: PublicClient;
  registry: `0x${string}`;
  /** `logs` (default): Registered and URIUpdated logs in block chunks. `ownerOf`: probe ids 0, 1, 2, … */
  method?: 'logs' | 'ownerOf';
  /** First block to scan; default the registry's known start block when the chain is past it, else 0. */
  fromBlock?: bigint;
  toBlock?: bigint;
  /** Blocks per getLogs request at first (default 100 000); halved whenever the RPC objects to the range. */
  chunkSize?: bigint;
  /** Stop after this many agents (lowest ids first). */
  limit?: number;
  /** ownerOf probing: ids per multicall (default 500). */
  batchSize?: number;
  onProgress?: (progress: { agents: number; block?: bigint; toBlock?: bigint }) => void;
}

export interface EnumerateAgentsReturnType {
  agents: EnumeratedAgent[];
  method: 'logs' | 'ownerOf';
  /** JSON-RPC calls made for the scan (getLogs or multicalls). */
  requests: number;
  /** How many times a range was halved because the RPC refused it. */
  rangeSplits: number;
  fromBlock: bigint;
  toBlock: bigint;
}

/** Errors RPC providers give for a getLogs range or result that is too large. */
const RANGE_LIMIT = /range|too many|limit|exceed|larger than|10000 results|10,000|response size|query returned more than|block range/i;

export function isRangeLimitError(error: unknown): boolean {
  const e = error as { code?: number; details?: string; shortMessage?: string; message?: string };
  const texts = [e?.details, e?.shortMessage, e?.message];
  if (isViemError(error)) {
    error.walk((inner) => {
      texts.push((inner as { details?: string }).details, (inner as Error).message);
      return false;
    });
  }
  const code = e?.code ?? ((isViemError(error) ? (error.walk((x) => typeof (x as { code?: unknown }).code === 'number') as { code?: number } | null) : null)?.code);
  return code === -32005 || code === -32614 || texts.some((t) => typeof t === 'string' && RANGE_LIMIT.test(t));
}

const registeredEvent = identityRegistryAbi.find((i) => i.type === 'event' && i.name === 'Registered')!;
const uriUpdatedEvent = identityRegistryAbi.find((i) => i.type === 'event' && i.name === 'URIUpdated')!;

async function defaultFromBlock(client: PublicClient, registry: string, head: bigint): Promise<bigint> {
  const chainId = await client.getChainId();
  const start = REGISTRY_START_BLOCKS[`${chainId}:${registry.toLowerCase()}`];
  return start !== undefined && start <= head ? start : 0n;
}

async function byLogs(params: EnumerateAgentsParameters, out: EnumerateAgentsReturnType): Promise<void> {
  const { client, registry } = params;
  const byId = new Map<bigint, EnumeratedAgent>();
  const initial = params.chunkSize ?? 100_000n;
  let chunk = initial;
  let streak = 0;
  let from = out.fromBlock;
  while (from <= out.toBlock) {
    const to = from + chunk - 1n < out.toBlock ? from + chunk - 1n : out.toBlock;
    let logs: { topics: readonly Hex[]; data: Hex }[];
    try {
      out.requests += 1;
      logs = (await client.getLogs({ address: registry, events: [registeredEvent, uriUpdatedEvent], fromBlock: from, toBlock: to, strict: false })) as unknown as { topics: Hex[]; data: Hex }[];
    } catch (error) {
      const span = to - from + 1n;
      if (span > 1n && isRangeLimitError(error)) {
        // Halve what was asked, not the nominal chunk: near the head the request may be far smaller.
        chunk = span / 2n;
        streak = 0;
        out.rangeSplits += 1;
        continue;
      }
      throw error;
    }
    for (const log of logs) {
      const topic = log.topics[0];
      if (topic !== REGISTERED_TOPIC && topic !== URI_UPDATED_TOPIC) continue;
      const event = decodeEventLog({ abi: identityRegistryAbi, data: log.data, topics: log.topics as [Hex, ...Hex[]], strict: false }) as unknown as {
        eventName: 'Registered' | 'URIUpdated';
        args: { agentId: bigint; agentURI?: string; newURI?: string; owner?: `0x${string}` };
      };
      const { agentId } = event.args;
      if (event.eventName === 'Registered') byId.set(agentId, { agentId, uri: event.args.agentURI ?? '', owner: event.args.owner ?? null });
      else {
        const known = byId.get(agentId);
        if (known) known.uri = event.args.newURI ?? '';
      }
    }
    params.onProgress?.({ agents: byId.size, block: to, toBlock: out.toBlock });
    from = to + 1n;
    // Providers limit by range or by result size; after a run of successes, try a larger range again.
    if (++streak >= 4 && chunk < initial) {
      chunk = chunk * 2n > initial ? initial : chunk * 2n;
      streak = 0;
    }
    if (params.limit !== undefined && byId.size >= params.limit) break;
  }
  out.agents = [...byId.values()].sort((a, b) => (a.agentId < b.agentId ? -1 : 1));
}

async function byOwnerOf(params: EnumerateAgentsParameters, out: EnumerateAgentsReturnType): Promise<void> {
  const { client, registry } = params;
  const batch = params.batchSize ?? 500;
  const code = await client.getCode({ address: MULTICALL3 });
  const multicall = code && code !== '0x' ? { multicallAddress: MULTICALL3 as `0x${string}` } : { deployless: true };
  for (let start = 0n; ; start += BigInt(batch)) {
    const ids = Array.from({ length: batch }, (_, i) => start + BigInt(i));
    out.requests += 1;
    const results = await client.multicall({
      ...multicall,
      allowFailure: true,
      batchSize: 0,
      contracts: ids.flatMap((id) => [
        { address: registry, abi: identityRegistryAbi, functionName: 'ownerOf', args: [id] } as const,
        { address: registry, abi: identityRegistryAbi, functionName: 'tokenURI', args: [id] } as const,
      ]),
    });
    for (let i = 0; i < ids.length; i++) {
      const owner = results[2 * i];
      const uri = results[2 * i + 1];
      // Ids are contiguous and never burnt: the first unowned id ends the list.
      if (owner.status !== 'success' || (params.limit !== undefined && out.agents.length >= params.limit)) return;
      out.agents.push({ agentId: ids[i], owner: owner.result as `0x${string}`, uri: uri.status === 'success' ? (uri.result as string) : '' });
    }
    params.onProgress?.({ agents: out.agents.length });
  }
}

/**
 * Every agent of an IdentityRegistry, lowest id first. The registry is not enumerable, so it
 * reads `Registered` and `URIUpdated` logs in block chunks, halving a chunk whenever the RPC
 * refuses its range; or, with `method: 'ownerOf'`, probes ids from 0 in multicall batches.
 */
export async function enumerateAgents(params: EnumerateAgentsParameters): Promise<EnumerateAgentsReturnType> {
  const method = params.method ?? 'logs';
  const head = params.toBlock ?? (await params.client.getBlockNumber());
  const fromBlock = params.fromBlock ?? (method === 'logs' ? await defaultFromBlock(params.client, params.registry, head) : 0n);
  const out: EnumerateAgentsReturnType = { agents: [], method, requests: 0, rangeSplits: 0, fromBlock, toBlock: head };
  if (method === 'logs') await byLogs(params, out);
  else await byOwnerOf(params, out);
  if (params.limit !== undefined) out.agents = out.agents.slice(0, params.limit);
  return out;
}
