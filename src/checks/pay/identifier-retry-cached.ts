import { decodeSettlement } from '../../protocol/settlement.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.identifier-retry-cached',
  title: 'The paid payment sent again with its payment identifier gets the cached response, never a fresh 402',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/extensions/payment_identifier.md',
  fix: 'Key a cache on the payment identifier: answer a repeat of a settled payment with the stored response (409 while the first is still in flight), never with a new 402 or a new settlement.',
  requires: ['followUp'],
  messages: {
    cached: 'The paid payment sent again with identifier {id} got HTTP {status}: the response is served from the identifier, not charged again.',
    inFlight: 'The paid payment sent again with identifier {id} got 409: a copy still in flight, which the extension allows.',
    fresh402: 'The paid payment sent again with identifier {id} got a fresh 402: a buyer retrying after a lost response is asked to pay again for one identified payment.',
    secondSettlement: 'The paid payment sent again with identifier {id} got a receipt naming transaction {transaction}, not the paid request\'s {paidTransaction}: the retry was settled anew, not served from the identifier.',
    notCached: 'The paid payment sent again with identifier {id} got HTTP {status}, neither the cached response nor 409.',
    notSent: 'No retry under the payment identifier was sent: {reason}.',
    noAnswer: 'The retry under the payment identifier got no answer ({code}).',
  },
} as const satisfies CheckMeta;

export function check({ followUp }: CheckInput<typeof meta>): CheckOutcome {
  const retry = followUp.identifierRetry;
  if (retry.notSent !== null) return skip(meta, 'notSent', { reason: retry.notSent });
  const ex = retry.exchange;
  if (!ex || ex.status === null) return skip(meta, 'noAnswer', { code: ex?.error?.code ?? 'not sent' });
  const id = retry.paymentId ?? followUp.paidPaymentId;
  const evidence = `HTTP ${ex.status}; identifier ${id}`;
  if (ex.status === 402) return fail(meta, 'fresh402', { id }, evidence);
  if (ex.status === 409) return pass(meta, 'inFlight', { id }, evidence);
  if (ex.status < 200 || ex.status >= 300) return fail(meta, 'notCached', { id, status: ex.status }, evidence);
  const transaction = decodeSettlement(ex).transaction;
  if (typeof transaction === 'string' && transaction !== '' && followUp.paidTransaction !== null && transaction.toLowerCase() !== followUp.paidTransaction.toLowerCase()) {
    return fail(meta, 'secondSettlement', { id, transaction, paidTransaction: followUp.paidTransaction }, evidence);
  }
  return pass(meta, 'cached', { id, status: ex.status }, evidence);
}
