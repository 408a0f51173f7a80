import type { Artifacts, PaymentAttempt, PaymentSession } from '../../gather/artifacts.js';
import { fail, pass, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';
import { attemptEvidence, refusalVerdict } from './refusal.js';

/** The messages every attack check declares (placeholders: status, reason, code). */
export const ATTACK_MESSAGES = {
  rejected: 'Refused with HTTP {status}.',
  notSent: 'Not sent: {reason}.',
  crashed: 'Answered HTTP {status}: the seller crashes instead of answering 402.',
  unexpected: 'Answered HTTP {status}; a failed payment is answered with 402.',
  noResponse: 'No response ({code}): the seller hangs or drops the connection on a bad payment.',
} as const;

/**
 * Judge one attack payment of the paid session: a 2xx is the defect the check names
 * (`served` message), a 402/4xx passes, anything else is a lesser finding.
 */
export function judgeAttack<M extends CheckMeta & { messages: typeof ATTACK_MESSAGES & { served: string } }>(
  meta: M,
  payment: PaymentSession,
  pick: (p: PaymentSession) => PaymentAttempt | null,
): CheckOutcome {
  if (payment.plan.refused !== null) return skip(meta, 'notSent', { reason: 'the paid probe was refused by the spend limits' });
  const attempt = pick(payment);
  if (!attempt?.exchange) return skip(meta, 'notSent', { reason: payment.error ?? 'the attack does not apply to this requirement' });
  const evidence = attemptEvidence(attempt);
  const status = attempt.exchange.status;
  switch (refusalVerdict(status)) {
    case 'served':
      return fail(meta, 'served', { status }, evidence);
    case 'refused':
      return pass(meta, 'rejected', { status }, evidence);
    case 'crashed':
      return warn(meta, 'crashed', { status }, evidence);
    case 'no-response':
      return warn(meta, 'noResponse', { code: attempt.exchange.error?.code ?? 'unknown' }, evidence);
    default:
      return warn(meta, 'unexpected', { status }, evidence);
  }
}

export type PaymentInput = Pick<Artifacts, 'payment'>;
