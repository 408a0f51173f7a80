import type { RequirementView } from '../artifacts/index.js';
import { findKnownAsset } from './assets.js';
import { caip2Knowledge, evmChainId, isCaip2, isKnownV1Name, isLegacyV1Name, resolveNetwork } from './networks.js';
import { transferMethodOf } from './permit2.js';
import { isKnownScheme } from './schemes.js';
import { unsignableReason } from './signable.js';
import { isAtomicString } from './units.js';
import { safeStringify } from '../util/safeJson.js';

/**
 * Who can pay a requirement:
 * - `probe`: the probe's own buyer (exact by EIP-3009 or Permit2, upto; EVM) can sign it;
 * - `others`: it names a scheme and network family x402 defines, but one the probe does not
 *   implement (Solana, `batch-settlement`, ERC-7710, …), so only buyers that implement it can pay;
 * - `nobody`: no x402 buyer can pay it (a scheme or namespace nobody defines, no amount, …).
 */
export type Payability =
  | { payer: 'probe' }
  | { payer: 'others'; reason: string }
  | { payer: 'nobody'; reason: string };

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : safeStringify(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Why no buyer of this protocol version can pay on `network`, or null when some can. */
function networkUnpayable(req: RequirementView, network: string): string | null {
  if (req.x402Version === 1) {
    // v1 buyers (legacy x402 1.x and @x402/core's v1 path) match networks by their short names.
    if (isLegacyV1Name(network) || isKnownV1Name(network)) return null;
    const v1Name = resolveNetwork(network)?.v1Name;
    return `network ${quote(network)} is not a v1 network name${v1Name ? ` (v1 calls it "${v1Name}")` : ''}`;
  }
  // v2 buyers register CAIP-2 patterns ("eip155:*"), which a v1 name never matches.
  if (!isCaip2(network)) return `network ${quote(network)} is not a CAIP-2 id, which v2 buyers match on`;
  if (caip2Knowledge(network) === 'unknown-namespace') return `network ${quote(network)} is in a CAIP-2 namespace no x402 implementation supports`;
  return null;
}

/** No x402 amount is wider than this: EVM schemes carry a uint256 (and Solana a u64). */
const MAX_AMOUNT = 2n ** 256n - 1n;
const ZERO_ADDRESS = /^0x0{40}$/i;

/** Over 78 significant digits is over 2^256 without parsing a seller's megabyte of digits. */
function wider256(atomic: string): boolean {
  const digits = atomic.replace(/^0+/, '');
  return digits.length > 78 || (digits.length === 78 && BigInt(digits) > MAX_AMOUNT);
}

/**
 * Why no buyer can pay on an EVM network, whatever the scheme: the eip155 reference names no
 * chain (0, a leading zero, not decimal), or the asset is the zero address, where no token lives.
 */
function evmUnpayable(req: RequirementView, network: string): string | null {
  if (!network.startsWith('eip155:')) return null;
  if (evmChainId(network) === null) return `network ${quote(network)} names no EVM chain id (a positive decimal integer)`;
  if (typeof req.asset === 'string' && ZERO_ADDRESS.test(req.asset)) return 'asset is the zero address, where no token contract lives';
  return null;
}

/** Why the probe's buyer (exact by EIP-3009 or Permit2, upto; EVM) does not implement what `req` asks for, or null. */
function notImplemented(req: RequirementView): string | null {
  if (req.scheme !== 'exact' && req.scheme !== 'upto') return `scheme ${quote(req.scheme)}: the probe pays only "exact" and "upto"`;
  if (evmChainId(req.network) === null) return `network ${quote(req.network)}: the probe pays only on EVM networks`;
  const method = transferMethodOf(req);
  if (method === 'permit2') return null;
  if (method !== 'eip3009') return `transfer method ${quote(method)}: the probe pays only by EIP-3009 and Permit2`;
  const known = typeof req.asset === 'string' ? findKnownAsset(req.network as string, req.asset) : null;
  // Named nothing, the client signs EIP-3009, which a Permit2-only token cannot settle.
  if (known?.transferMethod === 'permit2') return `asset ${known.symbol} is paid by Permit2 (it has no EIP-3009), but the requirement names no extra.assetTransferMethod "permit2"`;
  return null;
}

/**
 * Who can pay `req`. The fields every scheme needs are judged first; a requirement of the kind
 * the probe implements is then unpayable exactly when the official EVM client cannot sign it.
 */
export function payability(req: RequirementView): Payability {
  if (typeof req.scheme !== 'string' || !isKnownScheme(req.scheme)) {
    return { payer: 'nobody', reason: `scheme ${quote(req.scheme)} is not one any x402 implementation defines` };
  }
  if (!nonEmptyString(req.network)) return { payer: 'nobody', reason: 'network is missing' };
  const network = networkUnpayable(req, req.network);
  if (network) return { payer: 'nobody', reason: network };
  if (!isAtomicString(req.amount)) return { payer: 'nobody', reason: `amount ${quote(req.amount)} is not an atomic integer string` };
  if (wider256(req.amount)) return { payer: 'nobody', reason: `amount ${req.amount.slice(0, 24)}… is wider than 256 bits, more than any token amount can be` };
  if (!nonEmptyString(req.asset)) return { payer: 'nobody', reason: 'asset is missing' };
  if (!nonEmptyString(req.payTo)) return { payer: 'nobody', reason: 'payTo is missing' };
  const evm = evmUnpayable(req, req.network);
  if (evm) return { payer: 'nobody', reason: evm };
  const other = notImplemented(req);
  if (other) return { payer: 'others', reason: other };
  const unsignable = unsignableReason(req);
  return unsignable === null ? { payer: 'probe' } : { payer: 'nobody', reason: unsignable };
}
