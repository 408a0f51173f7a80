import type { Artifacts } from '../../artifacts/index.js';
import { decodeSettlement } from '../../protocol/settlement.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.unserved-not-charged',
  title: 'A paid request the seller fails to serve costs the buyer nothing',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification-v2.md',
  fix: 'Settle only after the service has answered below 400 (obol-stack: route the offer through the verifier\'s proxy, which does, never settle in a ForwardAuth hop before the upstream runs).',
  requires: ['payment'],
  messages: {
    ok: 'The paid request got HTTP {status} and the buyer\'s balance did not move: a request the seller fails costs nothing.',
    charged: 'The paid request got HTTP {status}, yet the buyer\'s balance fell by {delta} atomic units{receipt}: the seller settled before its service answered, so a buyer pays for a failure.',
    served: 'The paid request was served, so no failure was charged for; pay.balance-delta judges what it cost.',
    noBalances: 'Balances were not read (give --rpc), so what a failed request cost is unknown.',
    notSent: 'No paid request got an answer to judge.',
  },
} as const satisfies CheckMeta;

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome {
  const ex = payment.paid?.exchange;
  if (!ex || ex.status === null) return skip(meta, 'notSent');
  if (ex.status >= 200 && ex.status < 300) return pass(meta, 'served', { status: ex.status });
  const b = payment.balances;
  if (!b?.before || !b.afterPaid) return skip(meta, 'noBalances');
  const delta = BigInt(b.before.payer) - BigInt(b.afterPaid.payer);
  const evidence = `HTTP ${ex.status}; payer ${b.before.payer} → ${b.afterPaid.payer}; payTo ${b.before.payTo} → ${b.afterPaid.payTo}`;
  if (delta <= 0n) return pass(meta, 'ok', { status: ex.status }, evidence);
  const settlement = decodeSettlement(ex);
  const receipt = typeof settlement.transaction === 'string' ? ` (its receipt names transaction ${settlement.transaction})` : '';
  return fail(meta, 'charged', { status: ex.status, delta: delta.toString(), receipt }, evidence);
}
