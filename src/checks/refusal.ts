/**
 * Judging a payment the seller must refuse, shared by every attack check (pay.forged-rejected,
 * pay.malformed-rejected, the paid session's underpaid / wrong-recipient / expired payments and the
 * replay): one condition, one messageId, whichever attack met it.
 */
import type { Artifacts, PaymentAttempt, PaymentSession } from '../artifacts/index.js';
import { clip, fail, pass, skip, warn } from './outcome.js';
import type { CheckMeta, CheckOutcome } from './types.js';

/** How a seller answered a payment it must refuse. */
export type RefusalVerdict = 'refused' | 'served' | 'crashed' | 'redirected' | 'unexpected' | 'no-response';

/** The statuses that refuse a payment the way buyers expect. */
const REFUSALS = [400, 401, 402, 403, 422];

/** Classify the answer to a payment that must not be served: 2xx is the defect. */
export function refusalVerdict(status: number | null): RefusalVerdict {
  if (status === null) return 'no-response';
  if (status >= 200 && status < 300) return 'served';
  if (REFUSALS.includes(status)) return 'refused';
  if (status >= 500) return 'crashed';
  if (status >= 300 && status < 400) return 'redirected';
  return 'unexpected';
}

/** obol's (and most gates') words for "my facilitator failed", in a 5xx body's reason or error. */
const FACILITATOR_FAILURE = /facilitator|settlement_failed/i;

/**
 * The reason a 5xx answer gives when it names a facilitator failure (`{"reason":
 * "facilitator_unreachable"}`, as obol answers), or null: a body that says so is the seller's
 * facilitator failing, not the seller crashing on the payment.
 */
export function facilitatorFailure(ex: Pick<NonNullable<PaymentAttempt['exchange']>, 'status' | 'body'>): string | null {
  if (ex.status === null || ex.status < 500) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(ex.body);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const { reason, error } = parsed as { reason?: unknown; error?: unknown };
  for (const field of [reason, error]) if (typeof field === 'string' && FACILITATOR_FAILURE.test(field)) return clip(field, 80);
  return null;
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

/**
 * The messages every attack check declares (placeholders: status, reason, code), beside its own
 * `served`. A check may reword one for its attack; the messageIds are the contract.
 */
export const ATTACK_MESSAGES = {
  rejected: 'Refused with HTTP {status}.',
  notSent: 'Not sent: {reason}.',
  crashed: 'Answered HTTP {status}: the seller crashes on a payment it cannot settle instead of answering 402 (x402scan#1169).',
  facilitatorDown: 'Answered HTTP {status} naming a facilitator failure ({reason}): the seller\'s facilitator is failing, so no payment, honest or not, can be verified or settled now. This is not a crash on this payment; check the facilitator (on obol-stack, the x402-verifier logs and its facilitator URL).',
  redirected: 'Answered HTTP {status}, a redirect the probe did not follow: a payment is answered at the resource, with 402 when it fails.',
  unexpected: 'Answered HTTP {status}; a failed payment is answered with 402.',
  noResponse: 'No response ({code}): the seller hangs or drops the connection on a bad payment.',
  deadline: 'Cut by the run deadline before the seller answered: whether it refuses this payment is unknown.',
} as const;

/** The meta of a check that judges an attack: the shared messages and its own `served`. */
export type AttackMeta = CheckMeta & { messages: { [K in keyof typeof ATTACK_MESSAGES | 'served']: string } };

/** True when the run deadline, not the seller's answer or the exchange's own timeout, ended the exchange. */
export function cutByDeadline(attempt: PaymentAttempt | null): boolean {
  return attempt?.exchange?.error?.code === 'deadline';
}

/**
 * A stricter rule for which refusals are right: `rejected` for these statuses, and every other
 * 4xx passes with the `other` message (a header that is not a payment is a client error, 400).
 */
export interface RefusalRule<M extends AttackMeta> {
  rejectedWith: readonly number[];
  other: keyof M['messages'] & string;
}

/**
 * Judge the answer to one payment that was sent: a 2xx is the defect the check names (`served`,
 * fail), a refusal passes (`rejected`), anything else is a lesser finding (warn).
 */
export function judgeRefusal<M extends AttackMeta>(meta: M, attempt: PaymentAttempt & { exchange: NonNullable<PaymentAttempt['exchange']> }, rule?: RefusalRule<M>): CheckOutcome {
  const evidence = attemptEvidence(attempt);
  const { status, error } = attempt.exchange;
  if (rule && status !== null && status >= 400 && status < 500) {
    return rule.rejectedWith.includes(status) ? pass(meta, 'rejected', { status }, evidence) : pass(meta, rule.other, { status }, evidence);
  }
  switch (refusalVerdict(status)) {
    case 'served':
      return fail(meta, 'served', { status }, evidence);
    case 'refused':
      return pass(meta, 'rejected', { status }, evidence);
    case 'crashed': {
      const reason = facilitatorFailure(attempt.exchange);
      return reason !== null ? warn(meta, 'facilitatorDown', { status, reason }, evidence) : warn(meta, 'crashed', { status }, evidence);
    }
    case 'redirected':
      return warn(meta, 'redirected', { status }, evidence);
    case 'no-response':
      if (cutByDeadline(attempt)) return warn(meta, 'deadline', {}, evidence);
      return warn(meta, 'noResponse', { code: error?.code ?? 'unknown' }, evidence);
    default:
      return warn(meta, 'unexpected', { status }, evidence);
  }
}

/** Judge an unpaid attack (forged, malformed): skipped with the gatherer's reason when nothing was sent. */
export function judgeUnpaidAttack<M extends AttackMeta>(meta: M, attempt: PaymentAttempt, rule?: RefusalRule<M>): CheckOutcome {
  const { exchange } = attempt;
  if (attempt.notSent !== undefined || exchange === null) return skip(meta, 'notSent', { reason: attempt.notSent ?? 'no exchange was recorded' });
  return judgeRefusal(meta, { ...attempt, exchange }, rule);
}

/** Judge one attack payment of the paid session, skipped when the session sent none. */
export function judgeAttack<M extends AttackMeta>(meta: M, payment: PaymentSession, pick: (p: PaymentSession) => PaymentAttempt | null): CheckOutcome {
  if (payment.plan.refused !== null) return skip(meta, 'notSent', { reason: 'the paid probe was refused by the spend limits' });
  const attempt = pick(payment);
  const exchange = attempt?.exchange;
  if (!attempt || !exchange) return skip(meta, 'notSent', { reason: payment.error ?? 'the attack does not apply to this requirement' });
  return judgeRefusal(meta, { ...attempt, exchange });
}

export type PaymentInput = Pick<Artifacts, 'payment'>;
