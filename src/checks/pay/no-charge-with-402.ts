import type { Artifacts, PaymentAttempt } from '../../artifacts/index.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.no-charge-with-402',
  title: 'A paid request answered 402 was not charged',
  severity: 'error',
  specRef: 'https://github.com/aws-samples/sample-agentcore-cloudfront-x402-payments/issues/40',
  fix: 'Answer a payment you settled with the resource (or an error that carries its receipt), never a fresh 402: when settlement times out, find out whether it went through before you ask for another payment.',
  requires: ['payment'],
  messages: {
    ok: 'The paid request was answered 402 and the chain shows nothing taken: the authorization is unused.',
    charged: 'The paid request was answered 402, yet {how}: the seller settled and then asked for payment again, so a conforming buyer pays twice.',
    served: 'The paid request was served: no 402 to judge.',
    not402: 'The paid request was answered {status}, not 402; pay.unserved-not-charged judges a failure that was charged.',
    noChainRead: 'Nothing was read on chain (give --rpc), so whether the 402 came after a settlement is unknown.',
    notSent: 'No paid request got an answer to judge.',
  },
} as const satisfies CheckMeta;

const statusOf = (a: PaymentAttempt): number | null => a.exchange?.status ?? null;

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome {
  const all = payment.paid ? [payment.paid, ...(payment.paidCopies ?? [])] : [];
  const statuses = all.map(statusOf);
  if (statuses.every((s) => s === null)) return skip(meta, 'notSent');
  if (statuses.some((s) => s !== null && s >= 200 && s < 300)) return pass(meta, 'served');
  if (!statuses.includes(402)) return skip(meta, 'not402', { status: statuses.find((s) => s !== null)! });
  const b = payment.balances;
  const fell = b?.before && b.afterPaid ? BigInt(b.before.payer) - BigInt(b.afterPaid.payer) : null;
  const used = payment.nonceUsedUnserved ?? null;
  const evidence = [
    `answers: ${statuses.map((s) => s ?? 'none').join(', ')}`,
    used !== null ? `authorizationState(${payment.payer}, ${payment.nonce}) = ${used}` : null,
    b?.before && b.afterPaid ? `payer ${b.before.payer} → ${b.afterPaid.payer}` : null,
  ].filter((part) => part !== null).join('; ');
  if (used === true || (fell !== null && fell > 0n)) {
    const how = fell !== null && fell > 0n ? `the buyer's balance fell by ${fell} atomic units` : 'the token reports this run\'s authorization used';
    return fail(meta, 'charged', { how }, evidence);
  }
  if (used === null && fell === null) return skip(meta, 'noChainRead');
  return pass(meta, 'ok', {}, evidence);
}
