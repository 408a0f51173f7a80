import { fail, pass, skip } from '../outcome.js';
import { ATTACK_MESSAGES, attemptEvidence, judgeRefusal, refusalVerdict } from '../refusal.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.replay-rejected',
  title: 'A payment that was already used is refused',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Settle every payment before serving (or check the EIP-3009 nonce with authorizationState); never serve on verify alone.',
  requires: ['payment'],
  messages: {
    ...ATTACK_MESSAGES,
    notSent: 'No replay was sent: {reason}.',
    served: 'The same payment, sent again, was served with HTTP {status}: one payment buys unlimited requests (the legacy x402 verify does not check nonces).',
    charged: 'The replay was refused, but payTo\'s balance moved again by {delta}: the authorization settled twice.',
    identified: 'The replay carried the payment identifier {id} and was answered from it (HTTP {status}), as the payment-identifier extension allows; pay.identifier-retry-cached judges it.',
  },
} as const satisfies CheckMeta;

export function check({ payment, followUp }: CheckInput<typeof meta>): CheckOutcome {
  const paid = payment.paid?.exchange;
  if (!paid || paid.status === null || paid.status < 200 || paid.status >= 300) {
    return skip(meta, 'notSent', { reason: 'the paid request was not served, so there is nothing to replay' });
  }
  const replay = payment.replay;
  const exchange = replay?.exchange;
  if (!replay || !exchange) return skip(meta, 'notSent', { reason: payment.error ?? 'not sent' });
  const b = payment.balances;
  // Refused or not, a second settlement is the worst the replay can show short of being served.
  if (refusalVerdict(exchange.status) !== 'served' && b?.afterPaid && b.afterReplay) {
    const delta = BigInt(b.afterReplay.payTo) - BigInt(b.afterPaid.payTo);
    if (delta !== 0n) return fail(meta, 'charged', { delta: delta.toString() }, `${attemptEvidence(replay)}; payTo ${b.afterPaid.payTo} → ${b.afterReplay.payTo}`);
  }
  // An identified payment repeated may get its stored answer: the nonce settled once, and the chain cannot settle it again.
  if (followUp?.paidPaymentId && refusalVerdict(exchange.status) === 'served') return pass(meta, 'identified', { id: followUp.paidPaymentId, status: exchange.status ?? '' }, attemptEvidence(replay));
  return judgeRefusal(meta, { ...replay, exchange });
}
