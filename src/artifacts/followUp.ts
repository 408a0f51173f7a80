/** The paid follow-ups: attacks sent after the paid request, some of them needing a second price of the run budget. */
import type { HttpExchange } from './http.js';
import type { BalanceReading } from './payment.js';

/** One follow-up payment: what was sent (or why nothing was), what came back, and what the chain says of it. */
export interface FollowUpAttempt {
  /**
   * `identifier-retry`: the paid payment sent again unchanged (same payment identifier);
   * `identifier-fresh`: a fresh authorization (new nonce) carrying the paid payment's identifier;
   * `pay-failure`: a fresh authorization sent with the --pay-failure body.
   */
  kind: 'identifier-retry' | 'identifier-fresh' | 'pay-failure';
  /** Why nothing was sent (no identifier declared, the budget allows no second price), or null when it was. */
  notSent: string | null;
  headerName: string | null;
  /** The header value sent (base64; a signature, never a key). */
  headerValue: string | null;
  /** The authorization's nonce (bytes32 hex). */
  nonce: string | null;
  /** The authorization's value (atomic, decimal string). */
  value: string | null;
  /** The payment-identifier the payload carried, or null. */
  paymentId: string | null;
  /** Bytes of the request body sent (the --pay-failure body), or null when the probed body was sent. */
  bodyBytes: number | null;
  exchange: HttpExchange | null;
  /**
   * The token's `authorizationState(payer, nonce)` read after every follow-up was answered:
   * true when this authorization was settled, null when not read.
   */
  authorizationUsed: boolean | null;
}

/** `--pay` follow-ups (gather/pay/followUp.ts): run after the paid session, within the run budget. */
export interface FollowUpSession {
  /** The run budget and the price (atomic), and how many prices it holds beyond the paid request's. */
  budget: { totalCapAtomic: string; priceAtomic: string; extraPrices: number };
  /** The payment identifier the paid payment carried (when the 402 declared the extension), or null. */
  paidPaymentId: string | null;
  /** The settlement transaction the paid request's receipt named, or null. */
  paidTransaction: string | null;
  identifierRetry: FollowUpAttempt;
  identifierFresh: FollowUpAttempt;
  /** The --pay-failure request, or null when none was asked for. */
  payFailure: FollowUpAttempt | null;
  /** The sign-in-with-x retry after the paid request: the probed request with a SIWX header and no payment. */
  siwx: { notSent: string | null; exchange: HttpExchange | null };
  /** Balances before the follow-ups and after them (and the settle grace). */
  balances: { before: BalanceReading | null; after: BalanceReading | null; error: string | null };
  /** Why the follow-ups stopped early (signing or a chain read failed), if they did. */
  error: string | null;
}
