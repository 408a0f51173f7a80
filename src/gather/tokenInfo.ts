import { errorLine } from '../util/errorLine.js';
import { sameAddress } from '../protocol/addresses.js';
import { evmChainId } from '../protocol/networks.js';
import { firstSignable, unsignableReason } from '../protocol/signable.js';
import type { RequirementView, TokenInfo } from '../artifacts/index.js';
import { defineGatherer } from './defineGatherer.js';

/** EIP-712's `version()`, which erc20Abi lacks; FiatToken and other EIP-3009 tokens have it. */
const VERSION_ABI = [{ type: 'function', name: 'version', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] }] as const;

/**
 * The requirement whose token to read: one on the chain the RPC reads (preferring the expected
 * asset, then the expected network), else the first signable one (its checks then see the chain
 * differ). A token read is only ever used on the chain it was read from.
 */
function requirementToRead(requirements: RequirementView[], chainId: number | null, expect: { network?: string; asset?: string } | undefined): RequirementView | null {
  const onChain = requirements.filter((r) => chainId !== null && evmChainId(r.network) === chainId);
  const expectedAsset = expect?.asset ? onChain.find((r) => unsignableReason(r) === null && sameAddress(r.asset, expect.asset)) : undefined;
  return expectedAsset ?? firstSignable(onChain, expect?.network) ?? firstSignable(requirements, expect?.network);
}

/** With --rpc: the token's own EIP-712 name and version and its decimals, on the chain the RPC reads. */
export const tokenInfoGatherer = defineGatherer({
  meta: { artifact: 'tokenInfo', dependencies: ['challenge'] },
  notRequested: (options) => (options.rpc ? null : 'no --rpc given'),
  skipReason: ({ options, artifacts }) => (firstSignable(artifacts.challenge.requirements, options.expect?.network) ? null : 'no EVM requirement to read a token for'),
  async gather({ options, artifacts, timeoutMs, deadline }) {
    const { requirements } = artifacts.challenge;
    const { createPublicClient, erc20Abi, http } = await import('../util/lazyViem.js');
    // The reads run one after another: each ends at its timeout, all of them at the run deadline.
    const client = createPublicClient({ transport: http(options.rpc, { timeout: timeoutMs, retryCount: 0, fetchOptions: { signal: deadline.signal } }) });
    let chainId: number | null = null;
    let chainError: string | null = null;
    try {
      chainId = await client.getChainId();
    } catch (error) {
      chainError = errorLine(error);
    }
    const requirement = requirementToRead(requirements, chainId, options.expect);
    // skipReason rules this out: the same search ends in the first signable requirement.
    if (!requirement) throw new Error('no EVM requirement to read a token for');
    const asset = requirement.asset as `0x${string}`;
    const info: TokenInfo = { asset, chainId, requirementIndex: requirement.index, name: null, version: null, decimals: null, hasCode: false, error: chainError };
    if (chainError !== null) return info;
    try {
      const code = await client.getCode({ address: asset });
      info.hasCode = code !== undefined && code !== '0x';
      if (!info.hasCode) return info;
      const [name, version, decimals] = await Promise.allSettled([
        client.readContract({ address: asset, abi: erc20Abi, functionName: 'name' }),
        client.readContract({ address: asset, abi: VERSION_ABI, functionName: 'version' }),
        client.readContract({ address: asset, abi: erc20Abi, functionName: 'decimals' }),
      ]);
      if (name.status === 'fulfilled') info.name = name.value;
      if (version.status === 'fulfilled') info.version = version.value;
      if (decimals.status === 'fulfilled') info.decimals = Number(decimals.value);
    } catch (error) {
      info.error = errorLine(error);
    }
    return info;
  },
});
