import { redactSecrets } from '../util/redact.js';
import { firstSignable } from '../protocol/signable.js';
import type { TokenInfo } from './artifacts.js';
import type { Gatherer } from './types.js';

const TOKEN_ABI = [
  { type: 'function', name: 'name', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  { type: 'function', name: 'version', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  { type: 'function', name: 'decimals', stateMutability: 'view', inputs: [], outputs: [{ type: 'uint8' }] },
] as const;

function short(error: unknown): string {
  const e = error as { shortMessage?: string; message?: string };
  return redactSecrets((e.shortMessage ?? e.message ?? String(error)).split('\n')[0]).slice(0, 300);
}

/** With --rpc: the token's own EIP-712 name and version and its decimals. */
export const tokenInfoGatherer: Gatherer<'tokenInfo'> = {
  artifact: 'tokenInfo',
  skipReason: ({ options, artifacts }) => {
    if (!options.rpc) return 'no --rpc given';
    const requirements = artifacts.challenge?.requirements ?? [];
    return firstSignable(requirements, options.expect?.network) ? null : 'no EVM requirement to read a token for';
  },
  async gather({ options, artifacts, timeoutMs, deadline }) {
    const requirement = firstSignable(artifacts.challenge!.requirements, options.expect?.network)!;
    const asset = requirement.asset as `0x${string}`;
    const info: TokenInfo = { asset, chainId: null, requirementIndex: requirement.index, name: null, version: null, decimals: null, hasCode: false, error: null };
    const { createPublicClient, http } = await import('viem');
    // The reads run one after another: each ends at its timeout, all of them at the run deadline.
    const client = createPublicClient({ transport: http(options.rpc, { timeout: timeoutMs, retryCount: 0, fetchOptions: { signal: deadline.signal } }) });
    try {
      info.chainId = await client.getChainId();
      const code = await client.getCode({ address: asset });
      info.hasCode = code !== undefined && code !== '0x';
      if (!info.hasCode) return info;
      const [name, version, decimals] = await Promise.allSettled(
        (['name', 'version', 'decimals'] as const).map((functionName) => client.readContract({ address: asset, abi: TOKEN_ABI, functionName })),
      );
      if (name.status === 'fulfilled') info.name = name.value as string;
      if (version.status === 'fulfilled') info.version = version.value as string;
      if (decimals.status === 'fulfilled') info.decimals = Number(decimals.value);
    } catch (error) {
      info.error = short(error);
    }
    return info;
  },
};
