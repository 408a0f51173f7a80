import type { RequirementView } from '../artifacts/index.js';
import { isKnownV1Name, resolveNetwork } from './networks.js';
import { isAtomicString } from './units.js';
import { safeStringify } from '../util/safeJson.js';
import { isWellFormedAddress } from './addresses.js';
import { permit2SchemeOf, uptoFacilitatorOf } from './permit2.js';

/**
 * Why a buyer holding an EVM key cannot sign for this requirement, or null when it can: exact by
 * EIP-3009 (v1 and v2), exact by Permit2 and upto (Permit2 only, v2 only: @x402/evm has no v1 path for them).
 */
export function unsignableReason(req: RequirementView): string | null {
  if (req.scheme !== 'exact' && req.scheme !== 'upto') return `scheme ${safeStringify(req.scheme)} is not "exact" or "upto"`;
  if (typeof req.network !== 'string') return 'network is missing';
  const network = resolveNetwork(req.network);
  if (!network || network.chainId === null) return `network ${safeStringify(req.network)} is not a known EVM network`;
  // @x402/evm's v1 signer knows a fixed list of names; obol-only names such as arbitrum-one are not in it.
  if (req.x402Version === 1 && !isKnownV1Name(req.network)) return `network ${req.network} is not a v1 name the x402 client can sign for`;
  if (!isAtomicString(req.amount)) return 'amount is not an atomic integer string';
  if (!isWellFormedAddress(req.asset)) return 'asset is not an address';
  if (!isWellFormedAddress(req.payTo)) return 'payTo is not an address';
  const extra = req.extra as Record<string, unknown> | null | undefined;
  const permit2 = permit2SchemeOf(req);
  if (permit2 !== null) {
    if (req.x402Version !== 2) return `${permit2 === 'upto' ? 'upto' : 'Permit2'} is paid only in x402 v2`;
    // The upto client throws without it: the witness must name the facilitator that will settle.
    if (permit2 === 'upto' && !isWellFormedAddress(uptoFacilitatorOf(req))) return 'extra.facilitatorAddress (the facilitator the upto witness binds) is missing or not an address';
    return null;
  }
  if (extra?.assetTransferMethod !== undefined && extra.assetTransferMethod !== 'eip3009') return `transfer method ${String(extra.assetTransferMethod)} is not supported by the probe`;
  if (typeof extra?.name !== 'string' || typeof extra?.version !== 'string') return 'extra.name / extra.version (the EIP-712 domain) are missing';
  return null;
}

/** The first requirement a buyer with an EVM key could pay, preferring `network` when given. */
export function firstSignable(requirements: RequirementView[], preferNetwork?: string): RequirementView | null {
  const signable = requirements.filter((r) => unsignableReason(r) === null);
  if (preferNetwork) {
    const want = resolveNetwork(preferNetwork)?.caip2;
    const preferred = signable.find((r) => resolveNetwork(r.network as string)?.caip2 === want);
    if (preferred) return preferred;
  }
  return signable[0] ?? null;
}
