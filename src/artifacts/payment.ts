/** The paying side: attack payments, the token, the paid session's plan, balances and the settlement receipt. */
import type { HttpExchange } from './http.js';

/** A payment the probe sent to see whether the seller refuses it. */
export interface PaymentAttempt {
  /** What kind of payment this was. */
  kind: 'forged' | 'malformed' | 'garbage' | 'paid' | 'paid-copy' | 'replay' | 'cross-route' | 'underpaid' | 'wrong-recipient' | 'expired';
  /** Index of the requirement the payment was built for (null for malformed). */
  requirementIndex: number | null;
  /** The header the payment went in (`PAYMENT-SIGNATURE` or `X-PAYMENT`). */
  headerName: string;
  /** The header value sent (base64; it holds a signature, never a key). */
  headerValue: string;
  /** The address that signed (a fresh, unfunded key for forged payments). */
  payer: string | null;
  /** The signed authorization value (atomic, decimal string), when one was signed. */
  value: string | null;
  /** Why no payment was sent, when none was (e.g. no signable requirement). */
  notSent?: string;
  /** The exchange, when a payment was sent. */
  exchange: HttpExchange | null;
  /** Where it went when not to the probed URL (a cross-route replay: the --also URL). */
  url?: string;
}

/** The malformed encodings the `garbage` gatherer sends in the payment header. */
export type GarbageEncoding = 'bad-base64' | 'not-json' | 'wrong-shape' | 'oversized' | 'version-mismatch';

/** One malformed payment header sent to see whether the seller refuses it (with 402). */
export interface GarbageAttempt {
  encoding: GarbageEncoding;
  /** Length of the header value sent, in bytes (the value itself is not kept: `oversized` is over 16 KiB). */
  bytes: number;
  /** Why it was not sent, when it was not (an earlier encoding got no answer). */
  notSent?: string;
  exchange: HttpExchange | null;
}

/** Malformed payment headers beyond `malformed`'s text that is neither base64 nor JSON. */
export interface GarbageArtifact {
  /** The header they went in (`PAYMENT-SIGNATURE` or `X-PAYMENT`, after the challenge version). */
  headerName: string;
  attempts: GarbageAttempt[];
}

/** The token's own answer about itself, read with --rpc. */
export interface TokenInfo {
  /** The asset address read. */
  asset: string;
  /** The chain id the RPC reported. */
  chainId: number | null;
  /** The requirement index the asset came from. */
  requirementIndex: number;
  /** The token's `name()`, or null when the call failed. */
  name: string | null;
  /** The token's `version()` (EIP-712 version), or null when the call failed. */
  version: string | null;
  /** The token's `decimals()`, or null when the call failed. */
  decimals: number | null;
  /** Bytecode present at the address. */
  hasCode: boolean;
  /** Why the read failed, when it did. */
  error: string | null;
}

/** A facilitator's `GET /supported`, read when the probe knows its URL (`--facilitator`, or a challenge's `facilitator` field). */
export interface FacilitatorSupported {
  /** The facilitator's base URL. */
  url: string;
  /** Where the URL came from: the user's --facilitator, or the seller's challenge. */
  source: 'option' | 'challenge';
  /** The kinds it lists (`kinds[]{x402Version, scheme, network, extra}`), or null when /supported could not be read. */
  kinds: { x402Version: unknown; scheme: unknown; network: unknown; extra: unknown }[] | null;
  /** Why it could not be read, when it could not. */
  error: string | null;
}

/** Where the decimals behind the cap came from. */
export type DecimalsSource = 'known-asset' | 'token' | 'expect-asset';

/** What the probe decided to pay, or why it refused. JSON-serialisable. */
export interface PaymentPlan {
  requirementIndex: number | null;
  network: string | null;
  chainId: number | null;
  asset: string | null;
  payTo: string | null;
  /** Atomic amount the paid request signs. */
  amount: string | null;
  decimals: number | null;
  /** The known-assets table, the token read on the payment's own chain, or --expect-asset. */
  decimalsSource: DecimalsSource | null;
  symbol: string | null;
  /** --max-amount as given, and in atomic units of the chosen asset. */
  maxAmount: string;
  capAtomic: string | null;
  /**
   * --max-total as given (null: the default, one price), and the run budget in atomic units: the
   * most every authorization of the run could settle together (one per nonce).
   */
  maxTotal: string | null;
  totalCapAtomic: string | null;
  /** The requirement's maxTimeoutSeconds (the validity window the client signs), when an integer. */
  validitySeconds: number | null;
  /** --max-validity: the longest validity window signed. */
  maxValiditySeconds: number;
  /** The chain id the probe reads (null: none). */
  chainRead: number | null;
  mainnet: boolean;
  mainnetAllowed: boolean;
  expectPayTo: string | null;
  /** Why nothing is signed; null when the plan may be executed. */
  refused: string | null;
  /** How the payment is signed when it goes through Permit2 (exact via Permit2, or upto); absent or null: EIP-3009. */
  permit2?: Permit2Plan | null;
}

/** A Permit2 payment's fixed parts: what the capped signer holds the PermitWitnessTransferFrom to. */
export interface Permit2Plan {
  scheme: 'exact' | 'upto';
  /** The canonical Permit2 contract (the typed data's verifyingContract, the ERC-20 allowance's spender). */
  permit2: string;
  /** The x402 proxy of the scheme: the permit's spender. */
  spender: string;
  /** upto: the facilitator the witness binds (extra.facilitatorAddress); null for exact. */
  facilitator: string | null;
}

/** The buyer's ERC-20 allowance to Permit2 for the planned asset, and the approval the probe made (`--approve-permit2`). */
export interface Permit2Approval {
  token: string;
  owner: string;
  /** Permit2's address: the spender of the allowance. */
  spender: string;
  /** allowance(owner, Permit2) before the run (atomic). */
  allowanceBefore: string;
  /** What the probe approved (exactly the cap), or null when it approved nothing. */
  approved: string | null;
  /** The approve transaction's hash and status, when one was sent. */
  transaction: string | null;
  status: 'success' | 'reverted' | null;
}

/** USDC balances (atomic, decimal strings) of the buyer and the payee, read with --rpc. */
export interface BalanceReading {
  payer: string;
  payTo: string;
}

/** The paid probe: the plan, the attack payments, the paid request and its replay. */
export interface PaymentSession {
  /** What the probe chose to pay and the limits it applied (refused when a limit would break). */
  plan: PaymentPlan;
  /** The funded buyer's address. */
  payer: string;
  /** How the buyer signs. */
  signerKind: 'key-env' | 'remote-signer';
  /**
   * Attack payments signed by the funded key, sent before the paid request. They reuse the
   * paid request's nonce, so at most one authorization of the run can ever settle.
   */
  underpaid: PaymentAttempt | null;
  wrongRecipient: PaymentAttempt | null;
  expired: PaymentAttempt | null;
  /** The real payment. */
  paid: PaymentAttempt | null;
  /**
   * The other copies of the paid request, sent at the same time as `paid` (--replay-concurrency
   * N: N − 1 copies; absent or empty with 1). `paid` is the first copy served, else the first sent.
   */
  paidCopies?: PaymentAttempt[];
  /** The paid request's header sent again after it was served. */
  replay: PaymentAttempt | null;
  /** The paid request's header presented at each --also URL after the replay (kind `cross-route`, `url` set). */
  crossRoute?: PaymentAttempt[];
  /**
   * With --rpc, when no copy of the paid request was served: whether the token reports this run's
   * nonce used (EIP-3009 authorizationState) after them; null when it could not be read.
   */
  nonceUsedUnserved?: boolean | null;
  /** The nonce every authorization of this run shares. */
  nonce: string | null;
  /** Balances before the paid request, after it (every copy), after the replay and after the cross-route replays (with --rpc). */
  balances: { before: BalanceReading | null; afterPaid: BalanceReading | null; afterReplay: BalanceReading | null; afterCrossRoute?: BalanceReading | null; error: string | null } | null;
  /** Why the session stopped early (signing failed, RPC failed), if it did. */
  error: string | null;
  /** Permit2 payments: the nonce as a decimal uint256 (Permit2's unordered nonce) and the buyer's allowance, and any approval made. */
  permit2Approval?: Permit2Approval | null;
}

/** One EIP-3009 AuthorizationUsed log of the settlement transaction: which authorization it consumed. */
export interface AuthorizationUsedLog {
  /** The token contract that emitted it. */
  token: string;
  authorizer: string;
  /** The authorization's nonce (bytes32 hex). */
  nonce: string;
}

/** One ERC-20 Transfer log of the settlement transaction. */
export interface TransferLog {
  token: string;
  from: string;
  to: string;
  value: string;
}

/** The settlement transaction as the chain reports it (gathered on every served paid probe; read with --rpc). */
export interface SettlementReceipt {
  /** The transaction hash from the settlement header. */
  transaction: string;
  /** Receipt found and its status. */
  found: boolean;
  status: 'success' | 'reverted' | null;
  blockNumber: string | null;
  chainId: number | null;
  /** ERC-20 Transfer logs in the receipt. */
  transfers: TransferLog[];
  /** EIP-3009 AuthorizationUsed logs in the receipt (decoded with viem). */
  authorizations: AuthorizationUsedLog[];
  /** Why the receipt could not be read (no RPC, RPC error), when it could not. */
  error: string | null;
  /** Permit2 payments: the transaction's `to` (the x402 proxy, when it settled through one). */
  to?: string | null;
  /**
   * Permit2 payments: this run's nonce in Permit2's nonceBitmap just before the receipt's block and
   * at it (used then, not before: this transaction consumed it); null when not read.
   */
  permit2Nonce?: { usedBefore: boolean; usedAt: boolean } | null;
}
