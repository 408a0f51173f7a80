import type { Artifacts } from '../../artifacts/index.js';
import { fail, skip } from '../outcome.js';
import { ATTACK_MESSAGES, attemptEvidence, judgeRefusal, refusalVerdict } from '../refusal.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

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
  },
} as const satisfies CheckMeta;

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome {
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
  return judgeRefusal(meta, { ...replay, exchange });
}
