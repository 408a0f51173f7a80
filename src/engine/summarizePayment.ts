import type { PaymentAttempt, PaymentSession, SettlementReceipt } from '../gather/artifacts.js';
import { decodeSettlement } from '../protocol/settlement.js';

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
    settlement: settlement?.value ?? null,
    transaction: typeof settlement?.transaction === 'string' ? settlement.transaction : null,
    onchain: receipt ? { found: receipt.found, status: receipt.status, blockNumber: receipt.blockNumber, transfers: receipt.transfers } : null,
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
