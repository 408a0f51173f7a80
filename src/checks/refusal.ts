/** Judging a payment the seller must refuse: shared by the pay.* attack checks. */
import type { Artifacts, PaymentAttempt, PaymentSession } from '../artifacts/index.js';
import { clip, fail, pass, skip, warn } from './outcome.js';
import type { CheckMeta, CheckOutcome } from './types.js';

/** How a seller answered a payment it must refuse. */
export type RefusalVerdict = 'refused' | 'served' | 'crashed' | 'redirected' | 'unexpected' | 'no-response';

/** Classify the answer to a payment that must not be served: 2xx is the defect. */
export function refusalVerdict(status: number | null): RefusalVerdict {
  if (status === null) return 'no-response';
  if (status >= 200 && status < 300) return 'served';
  if ([400, 401, 402, 403, 422].includes(status)) return 'refused';
  if (status >= 500) return 'crashed';
  if (status >= 300 && status < 400) return 'redirected';
  return 'unexpected';
}

/** What the probe sent and got; the header value itself is left out (long, and useless to a reader). */
export function attemptEvidence(attempt: PaymentAttempt): string {
  const ex = attempt.exchange;
  const value = attempt.value !== null ? `, value ${attempt.value}` : '';
  const sent = `${attempt.headerName} sent${attempt.payer ? ` (payer ${attempt.payer}${value})` : ''}`;
  if (!ex) return sent;
  if (ex.status === null) return `${sent}; ${ex.error ? `${ex.error.code}: ${ex.error.message}` : 'no response'}`;
  const body = ex.body.trim() ? `; body: ${clip(ex.body.trim().replace(/\s+/g, ' '), 200)}` : '';
  return `${sent}; HTTP ${ex.status}${body}`;
}


/** The messages every attack check declares (placeholders: status, reason, code). */
export const ATTACK_MESSAGES = {
  rejected: 'Refused with HTTP {status}.',
  notSent: 'Not sent: {reason}.',
  crashed: 'Answered HTTP {status}: the seller crashes instead of answering 402.',
  unexpected: 'Answered HTTP {status}; a failed payment is answered with 402.',
  noResponse: 'No response ({code}): the seller hangs or drops the connection on a bad payment.',
  deadline: 'Cut by the run deadline before the seller answered: whether it refuses this payment is unknown.',
} as const;

/** True when the run deadline, not the seller's answer or the exchange's own timeout, ended the exchange. */
export function cutByDeadline(attempt: PaymentAttempt | null): boolean {
  return attempt?.exchange?.error?.code === 'deadline';
}

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
      if (cutByDeadline(attempt)) return warn(meta, 'deadline', {}, evidence);
      return warn(meta, 'noResponse', { code: attempt.exchange.error?.code ?? 'unknown' }, evidence);
    default:
      return warn(meta, 'unexpected', { status }, evidence);
  }
}

export type PaymentInput = Pick<Artifacts, 'payment'>;
