import type { ChallengeArtifact, TokenInfo } from '../artifacts/index.js';
import { findKnownAsset } from '../protocol/assets.js';
import { evmChainId } from '../protocol/networks.js';
import { atomicToDecimal, isAtomicString } from '../protocol/units.js';
import type { RequirementSummary } from '../report/types.js';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** The requirements as a buyer reads them, with decimal prices where the asset is known. */
export function summarizeRequirements(challenge: ChallengeArtifact | undefined, token?: TokenInfo): RequirementSummary[] {
  if (!challenge) return [];
  return challenge.requirements.map((r) => {
    const network = str(r.network);
    const asset = str(r.asset);
    const known = network && asset ? findKnownAsset(network, asset) : null;
    // A token read prices only the requirement on the chain it was read from.
    const tokenDecimals = token && asset && token.asset.toLowerCase() === asset.toLowerCase() && token.chainId === evmChainId(network) ? token.decimals : null;
    const decimals = known?.decimals ?? tokenDecimals;
    const amount = str(r.amount);
    return {
      index: r.index,
      scheme: str(r.scheme),
      network,
      amount,
      asset,
      payTo: str(r.payTo),
      price: decimals !== null && decimals !== undefined && isAtomicString(amount) ? atomicToDecimal(amount, decimals) : null,
      symbol: known?.symbol ?? null,
      maxTimeoutSeconds: typeof r.maxTimeoutSeconds === 'number' ? r.maxTimeoutSeconds : null,
    };
  });
}
