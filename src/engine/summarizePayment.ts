import type { FollowUpAttempt, FollowUpSession, PaymentAttempt, PaymentSession, SettlementReceipt } from '../artifacts/index.js';
import { decodeSettlement } from '../protocol/settlement.js';

function pickScalars(value: Record<string, unknown>, keys: string[]): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const key of keys) {
    const v = value[key];
    if (v === null || typeof v === 'boolean' || typeof v === 'number') out[key] = v;
    else if (typeof v === 'string') out[key] = v.length > 200 ? `${v.slice(0, 200)}…` : v;
  }
  return out;
}

const statusOf = (a: PaymentAttempt | null): number | null => a?.exchange?.status ?? null;

/** One follow-up in the report: sent or why not, its answer, and whether the chain settled it. */
function summarizeFollowUp(a: FollowUpAttempt): Record<string, unknown> {
  return { sent: a.notSent === null, notSent: a.notSent, status: a.exchange?.status ?? null, nonce: a.nonce, value: a.value, paymentId: a.paymentId, settled: a.authorizationUsed };
}

/** The `payment.followUps` block: the run budget and the follow-up payments (gather/pay/followUp.ts). */
function summarizeFollowUps(f: FollowUpSession): Record<string, unknown> {
  return {
    budget: f.budget,
    paymentId: f.paidPaymentId,
    identifierRetry: summarizeFollowUp(f.identifierRetry),
    identifierFresh: summarizeFollowUp(f.identifierFresh),
    payFailure: f.payFailure ? summarizeFollowUp(f.payFailure) : null,
    siwx: { sent: f.siwx.notSent === null, notSent: f.siwx.notSent, status: f.siwx.exchange?.status ?? null },
    balances: f.balances,
    error: f.error,
  };
}

/** The `payment` block of the JSON report: what was paid, to whom, and how the seller answered. */
export function summarizePayment(session: PaymentSession, receipt?: SettlementReceipt, followUp?: FollowUpSession): Record<string, unknown> {
  const settlement = session.paid?.exchange ? decodeSettlement(session.paid.exchange) : null;
  return {
    payer: session.payer,
    signer: session.signerKind,
    plan: session.plan,
    nonce: session.nonce,
    paidStatus: statusOf(session.paid),
    // Only the receipt's scalar fields: the rest is the seller's JSON, of any shape and depth.
    settlement: settlement?.value ? pickScalars(settlement.value, ['success', 'transaction', 'network', 'payer', 'errorReason', 'amount']) : null,
    transaction: typeof settlement?.transaction === 'string' ? settlement.transaction : null,
    // Where the receipt came: the headers, or the trailers after a streamed answer (obol's proxy).
    receiptIn: settlement?.carrier ?? null,
    onchain: receipt
      ? {
          found: receipt.found, status: receipt.status, blockNumber: receipt.blockNumber, chainId: receipt.chainId, authorizations: receipt.authorizations, transfers: receipt.transfers, error: receipt.error,
          ...(receipt.permit2Nonce !== undefined ? { to: receipt.to ?? null, permit2Nonce: receipt.permit2Nonce } : {}),
        }
      : null,
    attacks: {
      underpaid: statusOf(session.underpaid),
      wrongRecipient: statusOf(session.wrongRecipient),
      expired: statusOf(session.expired),
      replay: statusOf(session.replay),
      // --replay-concurrency: every copy's answer, the served one first; --also: each route's answer.
      concurrentCopies: session.paid ? [session.paid, ...(session.paidCopies ?? [])].map(statusOf) : [],
      crossRoute: (session.crossRoute ?? []).map((a) => ({ url: a.url ?? null, status: statusOf(a) })),
    },
    nonceUsedUnserved: session.nonceUsedUnserved ?? null,
    balances: session.balances,
    // --approve-permit2 sends a transaction from the buyer's key: the report shows it (nothing approved silently).
    permit2Approval: session.permit2Approval ?? null,
    followUps: followUp ? summarizeFollowUps(followUp) : null,
    error: session.error,
  };
}
