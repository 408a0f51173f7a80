import type { BaseError, PublicClient } from 'viem';
import { isViemError } from '../util/viemError.js';
import type { RegistryAgentArtifact } from '../artifacts/index.js';
import { errorLine } from '../util/errorLine.js';
import { identityRegistryAbi } from './abi.js';

/** Metadata keys obol-stack writes beside the registration (reference/obol-serviceoffer.md §5.1). */
const DEFAULT_METADATA_KEYS: readonly string[] = ['x402.supported', 'x402', 'service.type'];

export interface ReadAgentParameters {
  rpcUrl: string;
  registry: `0x${string}`;
  agentId: bigint;
  metadataKeys?: readonly string[];
  /** Deadline for each JSON-RPC request (default 10 000 ms). */
  timeoutMs?: number;
  /** A client to reuse (the market scan shares one); made from rpcUrl otherwise. */
  client?: PublicClient;
  /** Ends every read when it aborts (a probe's run deadline): the reads run in two rounds. */
  signal?: AbortSignal;
}

export type ReadAgentReturnType = Pick<
  RegistryAgentArtifact,
  'rpcOrigin' | 'rpcChainId' | 'hasCode' | 'owner' | 'ownerError' | 'tokenURI' | 'tokenURIError' | 'agentWallet' | 'agentWalletError' | 'metadata' | 'rpcError'
>;

/** The URL's origin only: an RPC path often carries an API key. */
export function rpcOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}

/** One line for an error: the revert (name and args) when the call reverted, else viem's short message. */
function describe(error: unknown): { reverted: boolean; text: string } {
  if (isViemError(error)) {
    const reverted = error.walk((e) => (e as { name?: string }).name === 'ContractFunctionRevertedError') as
      | (BaseError & { data?: { errorName?: string; args?: readonly unknown[] }; reason?: string })
      | null;
    if (reverted) {
      const data = reverted.data;
      const text = data?.errorName ? `${data.errorName}(${(data.args ?? []).map(String).join(', ')})` : reverted.reason ? `reverted: ${reverted.reason}` : 'reverted';
      return { reverted: true, text };
    }
    const zero = error.walk((e) => (e as { name?: string }).name === 'ContractFunctionZeroDataError');
    if (zero) return { reverted: true, text: 'the call returned no data' };
  }
  return { reverted: false, text: errorLine(error) };
}

export async function createRegistryClient(rpcUrl: string, timeoutMs: number, signal?: AbortSignal): Promise<PublicClient> {
  const { createPublicClient, http } = await import('../util/lazyViem.js');
  return createPublicClient({ transport: http(rpcUrl, { timeout: timeoutMs, retryCount: 0, batch: true, ...(signal ? { fetchOptions: { signal } } : {}) }) }) as PublicClient;
}

/**
 * Read what the IdentityRegistry says about one agent: ownerOf, tokenURI, getAgentWallet and
 * selected metadata keys. A revert is a fact about the agent (recorded per call); an RPC failure
 * stops the reads and is recorded in `rpcError`. Never throws.
 */
export async function readAgent(params: ReadAgentParameters): Promise<ReadAgentReturnType> {
  const keys = params.metadataKeys ?? DEFAULT_METADATA_KEYS;
  const out: ReadAgentReturnType = {
    rpcOrigin: rpcOrigin(params.rpcUrl),
    rpcChainId: null,
    hasCode: null,
    owner: null,
    ownerError: null,
    tokenURI: null,
    tokenURIError: null,
    agentWallet: null,
    agentWalletError: null,
    metadata: {},
    rpcError: null,
  };
  const client = params.client ?? (await createRegistryClient(params.rpcUrl, params.timeoutMs ?? 10_000, params.signal));
  try {
    const [chainId, code] = await Promise.all([client.getChainId(), client.getCode({ address: params.registry })]);
    out.rpcChainId = chainId;
    out.hasCode = code !== undefined && code !== '0x';
  } catch (error) {
    out.rpcError = describe(error).text;
    return out;
  }
  if (!out.hasCode) return out;
  const read = <T>(functionName: 'ownerOf' | 'tokenURI' | 'getAgentWallet') =>
    client.readContract({ address: params.registry, abi: identityRegistryAbi, functionName, args: [params.agentId] }) as Promise<T>;
  const [owner, uri, wallet, ...metadata] = await Promise.allSettled([
    read<string>('ownerOf'),
    read<string>('tokenURI'),
    read<string>('getAgentWallet'),
    ...keys.map((key) => client.readContract({ address: params.registry, abi: identityRegistryAbi, functionName: 'getMetadata', args: [params.agentId, key] })),
  ]);
  const settled = [owner, uri, wallet, ...metadata];
  const rpcFailure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !describe(s.reason).reverted);
  if (rpcFailure) {
    out.rpcError = describe(rpcFailure.reason).text;
    return out;
  }
  if (owner.status === 'fulfilled') out.owner = owner.value;
  else out.ownerError = describe(owner.reason).text;
  if (uri.status === 'fulfilled') out.tokenURI = uri.value;
  else out.tokenURIError = describe(uri.reason).text;
  if (wallet.status === 'fulfilled') out.agentWallet = wallet.value;
  else out.agentWalletError = describe(wallet.reason).text;
  keys.forEach((key, i) => {
    const m = metadata[i];
    out.metadata[key] = m.status === 'fulfilled' ? (m.value as string) : null;
  });
  return out;
}
