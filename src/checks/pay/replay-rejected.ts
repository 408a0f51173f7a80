import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';
import { attemptEvidence, cutByDeadline, refusalVerdict } from '../refusal.js';

export const meta = {
  id: 'pay.replay-rejected',
  title: 'A payment that was already used is refused',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Settle every payment before serving (or check the EIP-3009 nonce with authorizationState); never serve on verify alone.',
  requires: ['payment'],
  messages: {
    rejected: 'The replayed payment was refused with HTTP {status}.',
    notSent: 'No replay was sent: {reason}.',
    served: 'The same payment, sent again, was served with HTTP {status}: one payment buys unlimited requests (the legacy x402 verify does not check nonces).',
    charged: 'The replay was refused, but payTo\'s balance moved again by {delta}: the authorization settled twice.',
    crashed: 'The replayed payment got HTTP {status}: the seller crashes instead of answering 402.',
    noResponse: 'The replayed payment got no response ({code}).',
    deadline: 'The replayed payment was cut by the run deadline before the seller answered: whether a used payment is refused is unknown.',
    unexpected: 'The replayed payment got HTTP {status}; a used payment is answered with 402.',
  },
} as const satisfies CheckMeta;

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome {
  const paid = payment.paid?.exchange;
  if (!paid || paid.status === null || paid.status < 200 || paid.status >= 300) {
    return skip(meta, 'notSent', { reason: 'the paid request was not served, so there is nothing to replay' });
  }
  const replay = payment.replay;
  if (!replay?.exchange) return skip(meta, 'notSent', { reason: payment.error ?? 'not sent' });
  const evidence = attemptEvidence(replay);
  const status = replay.exchange.status;
  const verdict = refusalVerdict(status);
  if (verdict === 'served') return fail(meta, 'served', { status }, evidence);
  const b = payment.balances;
  if (b?.afterPaid && b.afterReplay) {
    const delta = BigInt(b.afterReplay.payTo) - BigInt(b.afterPaid.payTo);
    if (delta !== 0n) return fail(meta, 'charged', { delta: delta.toString() }, `${evidence}; payTo ${b.afterPaid.payTo} → ${b.afterReplay.payTo}`);
  }
  if (verdict === 'refused') return pass(meta, 'rejected', { status }, evidence);
  if (verdict === 'crashed') return warn(meta, 'crashed', { status }, evidence);
  if (verdict === 'no-response' && cutByDeadline(replay)) return warn(meta, 'deadline', {}, evidence);
  if (verdict === 'no-response') return warn(meta, 'noResponse', { code: replay.exchange.error?.code ?? 'unknown' }, evidence);
  return warn(meta, 'unexpected', { status }, evidence);
}
