import type { PaymentAttempt, PaymentSession, SettlementReceipt } from '../artifacts/index.js';
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

/** The `payment` block of the JSON report: what was paid, to whom, and how the seller answered. */
export function summarizePayment(session: PaymentSession, receipt?: SettlementReceipt): Record<string, unknown> {
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
    // Permit2 payments: the buyer's allowance to Permit2 and the approval --approve-permit2 made, if any (never silent).
    ...(session.permit2Approval ? { permit2Approval: session.permit2Approval } : {}),
    attacks: {
      underpaid: statusOf(session.underpaid),
      wrongRecipient: statusOf(session.wrongRecipient),
      expired: statusOf(session.expired),
      replay: statusOf(session.replay),
    },
    balances: session.balances,
    error: session.error,
  };
}
