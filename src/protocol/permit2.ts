import type { RequirementView } from '../artifacts/index.js';

/**
 * Permit2 as x402 uses it (specs/schemes/exact/scheme_exact_evm.md §Permit2 and
 * specs/schemes/upto/scheme_upto_evm.md): the buyer signs a Permit2 PermitWitnessTransferFrom
 * whose spender is the x402 proxy of the scheme and whose witness binds the recipient (and, for
 * `upto`, the facilitator). The addresses are the ones @x402/evm 2.27 hard-codes; a test holds
 * them equal to its exports, so protocol/ need not load the client to know them.
 */
export const PERMIT2_ADDRESS = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
export const EXACT_PERMIT2_PROXY = '0x402085c248EeA27D92E8b30b2C58ed07f9E20001';
export const UPTO_PERMIT2_PROXY = '0x4020A4f3b7b90ccA423B9fabCc0CE57C6C240002';

export type Permit2Scheme = 'exact' | 'upto';

/** The proxy a Permit2 payment of `scheme` names as spender: only it can move the buyer's tokens. */
export const PERMIT2_SPENDER: Record<Permit2Scheme, string> = { exact: EXACT_PERMIT2_PROXY, upto: UPTO_PERMIT2_PROXY };

const TOKEN_PERMISSIONS = [
  { name: 'token', type: 'address' },
  { name: 'amount', type: 'uint256' },
] as const;

const PERMIT_WITNESS_TRANSFER_FROM = [
  { name: 'permitted', type: 'TokenPermissions' },
  { name: 'spender', type: 'address' },
  { name: 'nonce', type: 'uint256' },
  { name: 'deadline', type: 'uint256' },
  { name: 'witness', type: 'Witness' },
] as const;

/** The typed-data types each scheme's payment signs (exactly; any other witness is refused). */
export const PERMIT2_WITNESS_TYPES: Record<Permit2Scheme, Record<string, readonly { name: string; type: string }[]>> = {
  exact: {
    PermitWitnessTransferFrom: PERMIT_WITNESS_TRANSFER_FROM,
    TokenPermissions: TOKEN_PERMISSIONS,
    Witness: [
      { name: 'to', type: 'address' },
      { name: 'validAfter', type: 'uint256' },
    ],
  },
  upto: {
    PermitWitnessTransferFrom: PERMIT_WITNESS_TRANSFER_FROM,
    TokenPermissions: TOKEN_PERMISSIONS,
    Witness: [
      { name: 'to', type: 'address' },
      { name: 'facilitator', type: 'address' },
      { name: 'validAfter', type: 'uint256' },
    ],
  },
};

/** The transfer methods @x402/evm's exact client knows (extra.assetTransferMethod; absent means eip3009). */
export const EXACT_TRANSFER_METHODS: readonly string[] = ['eip3009', 'permit2', 'erc7710'];

const extraOf = (r: Pick<RequirementView, 'extra'>): Record<string, unknown> =>
  r.extra && typeof r.extra === 'object' && !Array.isArray(r.extra) ? (r.extra as Record<string, unknown>) : {};

/**
 * How the official client would move the buyer's tokens for `r`: `exact` reads
 * extra.assetTransferMethod (absent: eip3009), `upto` is Permit2 whatever extra says. Null for
 * the other schemes. The value is as written (a seller's typo stays a typo, for the checks to name).
 */
export function transferMethodOf(r: Pick<RequirementView, 'scheme' | 'extra'>): unknown {
  if (r.scheme === 'upto') return 'permit2';
  if (r.scheme !== 'exact') return null;
  return extraOf(r).assetTransferMethod ?? 'eip3009';
}

/** The Permit2 scheme `r` is paid in (exact via Permit2, or upto), or null when it is not paid by Permit2. */
export function permit2SchemeOf(r: Pick<RequirementView, 'scheme' | 'extra'>): Permit2Scheme | null {
  if (transferMethodOf(r) !== 'permit2') return null;
  return r.scheme as Permit2Scheme;
}

/** extra.facilitatorAddress, the facilitator an `upto` witness binds, as the seller wrote it. */
export function uptoFacilitatorOf(r: Pick<RequirementView, 'extra'>): unknown {
  return extraOf(r).facilitatorAddress;
}

/** The slot of Permit2's unordered-nonce bitmap a nonce lives in: word nonce >> 8, bit nonce & 0xff. */
export function nonceBitmapPosition(nonce: bigint): { word: bigint; bit: bigint } {
  return { word: nonce >> 8n, bit: nonce & 0xffn };
}

/** A Permit2 authorization as it travels in an x402 payload (`payload.permit2Authorization`): every number a decimal string. */
export interface WirePermit2Authorization {
  from: string;
  permitted: { token: string; amount: string };
  spender: string;
  nonce: string;
  deadline: string;
  witness: { to: string; validAfter: string; facilitator?: string };
}

/** The typed data a Permit2 authorization of `scheme` signs, exactly as @x402/evm's client builds it. */
export function permit2TypedData(scheme: Permit2Scheme, chainId: number, a: WirePermit2Authorization) {
  const witness =
    scheme === 'upto'
      ? { to: a.witness.to, facilitator: String(a.witness.facilitator), validAfter: BigInt(a.witness.validAfter) }
      : { to: a.witness.to, validAfter: BigInt(a.witness.validAfter) };
  return {
    domain: { name: 'Permit2', chainId, verifyingContract: PERMIT2_ADDRESS },
    types: PERMIT2_WITNESS_TYPES[scheme],
    primaryType: 'PermitWitnessTransferFrom' as const,
    message: {
      permitted: { token: a.permitted.token, amount: BigInt(a.permitted.amount) },
      spender: a.spender,
      nonce: BigInt(a.nonce),
      deadline: BigInt(a.deadline),
      witness,
    },
  };
}
