import type { Artifacts } from '../../artifacts/index.js';
import { decodeSettlement, settledAmountOf } from '../../protocol/settlement.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.balance-delta',
  title: 'The buyer paid exactly the price and payTo received it',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Settle the buyer\'s authorization once, for the advertised amount, to the advertised payTo.',
  requires: ['payment'],
  messages: {
    ok: 'The buyer\'s balance fell by {amount} and payTo\'s rose by {amount} atomic units.',
    noRpc: 'Balances were not read (give --rpc).',
    notServed: 'No balance change to judge: the paid request was not served.',
    readFailed: 'Balances could not be read: {error}.',
    payToDelta: 'payTo\'s balance changed by {delta} atomic units; the price is {amount}.',
    payerDelta: 'The buyer\'s balance changed by {delta} atomic units; the price is {amount}.',
    uptoOverMax: 'payTo\'s balance rose by {delta} atomic units, more than the {max} the buyer signed as its upto maximum.',
  },
} as const satisfies CheckMeta;

export function check({ payment, target }: Pick<Artifacts, 'payment'> & Partial<Artifacts>): CheckOutcome {
  const b = payment.balances;
  const paid = payment.paid?.exchange;
  if (!b) return skip(meta, target?.rpc === false ? 'noRpc' : 'notServed');
  if (!paid || paid.status === null || paid.status < 200 || paid.status >= 300) return skip(meta, 'notServed');
  if (!b.before || !b.afterPaid) return fail(meta, 'readFailed', { error: b.error ?? 'unknown' });
  const payToDelta0 = BigInt(b.afterPaid.payTo) - BigInt(b.before.payTo);
  const isUpto = payment.plan.permit2?.scheme === 'upto';
  if (isUpto && payToDelta0 > BigInt(payment.plan.amount!)) return fail(meta, 'uptoOverMax', { delta: payToDelta0.toString(), max: payment.plan.amount });
  // upto settles what the receipt claims, at most the signed maximum (pay.settlement-onchain holds the receipt to the chain).
  const claimed = isUpto ? settledAmountOf(decodeSettlement(paid)) : null;
  const amount = BigInt(claimed ?? payment.plan.amount!);
  const payToDelta = BigInt(b.afterPaid.payTo) - BigInt(b.before.payTo);
  const payerDelta = BigInt(b.before.payer) - BigInt(b.afterPaid.payer);
  const evidence = `payer ${b.before.payer} → ${b.afterPaid.payer}; payTo ${b.before.payTo} → ${b.afterPaid.payTo}`;
  // The payer may also be paid elsewhere only on a busy real chain; on a quiet one these are exact.
  if (payToDelta !== amount) return fail(meta, 'payToDelta', { delta: payToDelta.toString(), amount: amount.toString() }, evidence);
  if (payerDelta !== amount) return fail(meta, 'payerDelta', { delta: (-payerDelta).toString(), amount: amount.toString() }, evidence);
  return pass(meta, 'ok', { amount: amount.toString() }, evidence);
}
