import { fail, pass, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.identifier-fresh-not-settled',
  title: 'A fresh authorization under an already-paid payment identifier is not settled',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/extensions/payment_identifier.md',
  fix: 'Look the payment identifier up before settling: a payment under an identifier already paid is answered from the cache (or 409), and its new authorization is never settled.',
  requires: ['followUp'],
  messages: {
    notSettled: 'A fresh authorization (a new nonce) under the paid identifier {id} got {status} and was never settled: one identified payment is charged once.',
    settled: 'A fresh authorization (nonce {nonce}) under the paid identifier {id} was settled on chain (it got {status}): a buyer retrying with a new signature pays twice for one identified payment.',
    notSent: 'No fresh authorization under the payment identifier was sent: {reason}.',
    unread: 'A fresh authorization under the paid identifier got {status}, but whether it was settled was not read.',
  },
} as const satisfies CheckMeta;

export function check({ followUp }: CheckInput<typeof meta>): CheckOutcome {
  const fresh = followUp.identifierFresh;
  if (fresh.notSent !== null) return skip(meta, 'notSent', { reason: fresh.notSent });
  const ex = fresh.exchange;
  const status = ex?.status != null ? `HTTP ${ex.status}` : `no answer (${ex?.error?.code ?? 'not sent'})`;
  const id = fresh.paymentId ?? followUp.paidPaymentId;
  const evidence = `${status}; identifier ${id}; nonce ${fresh.nonce}; settled on chain: ${String(fresh.authorizationUsed)}`;
  if (fresh.authorizationUsed === null) return skip(meta, 'unread', { status }, evidence);
  if (fresh.authorizationUsed) return fail(meta, 'settled', { id, nonce: fresh.nonce, status }, evidence);
  return pass(meta, 'notSettled', { id, status }, evidence);
}
