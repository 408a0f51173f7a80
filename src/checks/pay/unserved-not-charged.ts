import type { FollowUpAttempt, PaymentSession } from '../../artifacts/index.js';
import { decodeSettlement } from '../../protocol/settlement.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

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
    failureOk: 'The --pay-failure request (paid, a fresh authorization) got HTTP {status} and its authorization was never settled: a request the service fails costs nothing.',
    failureCharged: 'The --pay-failure request got HTTP {status}, yet its authorization was settled on chain{receipt}: the seller settled before its service answered, so a buyer pays for a failure.',
    failureServed: 'The --pay-failure body was served (HTTP {status}), so it did not make the service fail and nothing was learned; give a body the service cannot serve (an unknown model, say).',
    failureNotSent: 'The --pay-failure request was not sent: {reason}.',
    failureUnread: 'The --pay-failure request got {status}, but whether its authorization was settled was not read.',
  },
} as const satisfies CheckMeta;

/** The probe's own paid request: charged although unserved? (Judged from the balances around it.) */
function judgePaid(payment: PaymentSession): CheckOutcome {
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

/**
 * `--pay-failure`: a body the service cannot serve, sent paid with a fresh authorization. Judged
 * from the chain: that authorization's own nonce settled or not (a balance would also move for
 * the other follow-ups sent beside it).
 */
function judgeFailure(attempt: FollowUpAttempt, balances: string): CheckOutcome {
  if (attempt.notSent !== null) return skip(meta, 'failureNotSent', { reason: attempt.notSent });
  const ex = attempt.exchange;
  const status = ex?.status ?? null;
  if (status !== null && status >= 200 && status < 300) return skip(meta, 'failureServed', { status });
  const shown = status === null ? `no answer (${ex?.error?.code ?? 'not sent'})` : `HTTP ${status}`;
  const settlement = ex ? decodeSettlement(ex) : null;
  const tx = typeof settlement?.transaction === 'string' && settlement.transaction !== '' ? settlement.transaction : null;
  const evidence = `${shown}; nonce ${attempt.nonce}; settled on chain: ${String(attempt.authorizationUsed)}${tx ? `; receipt names ${tx}` : ''}; ${balances}`;
  if (attempt.authorizationUsed === null) return skip(meta, 'failureUnread', { status: shown }, evidence);
  if (attempt.authorizationUsed) return fail(meta, 'failureCharged', { status: shown, receipt: tx ? ` (its receipt names transaction ${tx})` : '' }, evidence);
  return pass(meta, 'failureOk', { status: shown }, evidence);
}

/**
 * The paid request, and with --pay-failure the deliberately failing one. When the paid request
 * was served it proves nothing here, so only the failure's finding is reported.
 */
export function check({ payment, followUp }: CheckInput<typeof meta>): CheckOutcome | CheckOutcome[] {
  const paid = judgePaid(payment);
  const attempt = followUp?.payFailure;
  if (!attempt) return paid;
  const b = followUp.balances;
  const balances = b.before && b.after ? `payer ${b.before.payer} → ${b.after.payer} across the follow-ups` : 'balances not read';
  const failure = judgeFailure(attempt, balances);
  return paid.messageId === 'served' ? failure : [paid, failure];
}
