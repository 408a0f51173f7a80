import { ConfigError } from '../errors.js';
import { DEFAULT_RPC_URLS } from './abi.js';
import { rpcOrigin } from './readAgent.js';
import { errorLine } from '../util/errorLine.js';

export interface ResolveRegistryRpcParameters {
  /** --rpc, when given. */
  rpc?: string;
  /** The chain the agent lives on (picks the default RPC). */
  chainId: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

async function chainIdOf(url: string, timeoutMs: number, fetchImpl: typeof fetch): Promise<number> {
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { result?: string };
  if (typeof body.result !== 'string') throw new Error(`HTTP ${response.status}, no eth_chainId result`);
  return Number(BigInt(body.result));
}

/** Why an RPC did not answer, in one short line (never its path or credentials). */
function silence(error: unknown, timeoutMs: number): string {
  return (error as Error)?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : errorLine(error);
}

export interface ResolveChainReadParameters {
  /** --rpc, when given. */
  rpc?: string;
  /** --pay: a chain read is required, so a default is used when --rpc is absent. */
  pay: boolean;
  /** --expect-network (picks the default RPC; Base Sepolia when absent). */
  expectNetwork?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Public RPCs by chain id (tests replace them; never contacted in tests). */
  defaults?: Readonly<Record<number, string>>;
}

/**
 * The RPC a check reads the chain through, asked for eth_chainId before any request to the target:
 * --rpc, which must answer; or, for --pay without --rpc, the public RPC of the expected network
 * (Base Sepolia by default), since a paid probe must verify its settlement on chain. Anything else
 * is a configuration error (exit 2), named with the RPC's origin only. Undefined: no chain read.
 */
export async function resolveChainRead(params: ResolveChainReadParameters): Promise<string | undefined> {
  const timeoutMs = params.timeoutMs ?? 5_000;
  const fetchImpl = params.fetchImpl ?? fetch;
  if (params.rpc) {
    try {
      await chainIdOf(params.rpc, timeoutMs, fetchImpl);
    } catch (error) {
      throw new ConfigError(`--rpc: the RPC at ${rpcOrigin(params.rpc)} did not answer eth_chainId (${silence(error, timeoutMs)})`);
    }
    return params.rpc;
  }
  if (!params.pay) return undefined;
  const { resolveNetwork } = await import('../protocol/networks.js');
  const network = resolveNetwork(params.expectNetwork ?? 'eip155:84532');
  const url = network?.chainId ? (params.defaults ?? DEFAULT_RPC_URLS)[network.chainId] : undefined;
  if (!url) throw new ConfigError(`--pay needs a chain read to verify the settlement, and no public RPC is known for ${params.expectNetwork}: pass --rpc <url>`);
  try {
    await chainIdOf(url, timeoutMs, fetchImpl);
  } catch (error) {
    throw new ConfigError(`--pay needs a chain read to verify the settlement: the public RPC for ${network!.label} (${rpcOrigin(url)}) did not answer (${silence(error, timeoutMs)}); pass --rpc <url>`);
  }
  return url;
}

/**
 * The RPC to read the registry through: --rpc, or the chain's public RPC when it answers. A
 * missing or silent RPC is a configuration error (exit 2), named with its origin only.
 */
export async function resolveRegistryRpc(params: ResolveRegistryRpcParameters): Promise<string> {
  const timeoutMs = params.timeoutMs ?? 5_000;
  const fetchImpl = params.fetchImpl ?? fetch;
  const url = params.rpc ?? DEFAULT_RPC_URLS[params.chainId];
  if (!url) throw new ConfigError(`no default RPC is known for chain ${params.chainId}: pass --rpc <url>`);
  try {
    await chainIdOf(url, timeoutMs, fetchImpl);
  } catch (error) {
    const why = silence(error, timeoutMs);
    throw params.rpc
      ? new ConfigError(`the RPC at ${rpcOrigin(url)} did not answer eth_chainId (${why})`)
      : new ConfigError(`--rpc is required: the default RPC for chain ${params.chainId} (${rpcOrigin(url)}) is not reachable (${why})`);
  }
  return url;
}

/**
 * `check --agent` without --rpc: the registry is read through the chain's public RPC, so make
 * sure it answers before probing (a configuration error, exit 2, otherwise). `auto` learns its
 * chain only from the target, so it is left to the gatherer.
 */
export async function requireRegistryRpc(agent: string, timeoutMs = 5_000): Promise<void> {
  const { parseAgentRef } = await import('./agentRef.js');
  const ref = parseAgentRef(agent);
  if (ref.kind === 'agent') await resolveRegistryRpc({ chainId: ref.chainId, timeoutMs });
}
