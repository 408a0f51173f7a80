import type { Artifacts, PaymentAttempt } from '../../artifacts/index.js';
import { OBOL_FIXES, servedByObol } from '../../protocol/obol.js';
import { fail, pass, skip, withFix } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.concurrent-replay-rejected',
  title: 'Of identical copies of the paid request sent at once, at most one is served',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/issues/1805',
  fix: 'Claim the payment\'s nonce atomically before serving (or serve only the request whose settlement succeeded), so copies in flight get 409 or 402, never the resource.',
  requires: ['payment'],
  messages: {
    ok: 'Of {n} identical copies sent at once, {served} served; the others got {others}.',
    servedMany: 'Of {n} identical copies of the paid request sent at once, {served} were served{onChain}: one payment bought {served} requests (x402#1805).',
    single: 'The paid request went out alone (--replay-concurrency 1); give --replay-concurrency 2 or more to send copies at once.',
    notSent: 'No copies were sent: {reason}.',
  },
} as const satisfies CheckMeta;

const served = (a: PaymentAttempt): boolean => a.exchange?.status != null && a.exchange.status >= 200 && a.exchange.status < 300;
const answer = (a: PaymentAttempt): string => (a.exchange?.status != null ? String(a.exchange.status) : (a.exchange?.error?.code ?? 'no response'));

/** `409 ×2, 402` from the answers, in first-seen order. */
function tally(attempts: readonly PaymentAttempt[]): string {
  const counts = new Map<string, number>();
  for (const a of attempts) counts.set(answer(a), (counts.get(answer(a)) ?? 0) + 1);
  return [...counts].map(([what, n]) => (n > 1 ? `${what} ×${n}` : what)).join(', ');
}

const streamed = (a: PaymentAttempt): boolean => /^text\/event-stream/i.test(String(a.exchange?.headers['content-type'] ?? ''));

export function check({ payment, unpaid, offer }: Pick<Artifacts, 'payment'> & Partial<Artifacts>): CheckOutcome {
  if (payment.plan.refused !== null) return skip(meta, 'notSent', { reason: 'the paid probe was refused by the spend limits' });
  if (!payment.paid?.exchange) return skip(meta, 'notSent', { reason: payment.error ?? 'the paid request was not sent' });
  const copies = payment.paidCopies ?? [];
  if (copies.length === 0) return skip(meta, 'single');
  const all = [payment.paid, ...copies];
  const n = all.length;
  const servedCount = all.filter(served).length;
  const evidence = `answers: ${tally(all)}`;
  if (servedCount <= 1) return pass(meta, 'ok', { n, served: servedCount, others: tally(all.filter((a) => !served(a))) || 'nothing else' }, evidence);
  const b = payment.balances;
  let onChain = '';
  let chainEvidence = '';
  if (b?.before && b.afterPaid && payment.plan.amount) {
    const received = BigInt(b.afterPaid.payTo) - BigInt(b.before.payTo);
    const amount = BigInt(payment.plan.amount);
    onChain = received === amount ? ', and payTo was paid once' : `, and payTo received ${received} (the price is ${amount})`;
    chainEvidence = `; payTo ${b.before.payTo} → ${b.afterPaid.payTo}`;
  }
  const outcome = fail(meta, 'servedMany', { n, served: servedCount, onChain }, evidence + chainEvidence);
  // obol-stack's streaming path cannot do otherwise: say so, rather than a fix no setting reaches.
  return servedByObol(unpaid, offer) && all.filter(served).every(streamed) ? withFix(outcome, OBOL_FIXES.streamedCopies) : outcome;
}
