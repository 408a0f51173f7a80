import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass, skip, warn } from '../outcome.js';
import { attemptEvidence, cutByDeadline } from '../refusal.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.malformed-rejected',
  title: 'A payment header that is not a payment is refused with 400 or 402',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/transports-v2/http.md#error-handling',
  fix: 'Decode the payment header defensively and answer anything that is not a valid payment with 400 (or 402 with a fresh challenge), never with the resource or a 500.',
  requires: ['malformed'],
  messages: {
    rejected: 'The malformed payment header was refused with HTTP {status}.',
    rejectedOther: 'The malformed payment header was refused with HTTP {status}; 400 or 402 tells a buyer more precisely what went wrong.',
    notSent: 'No malformed payment was sent: {reason}.',
    served: 'A payment header that is neither base64 nor JSON was served with HTTP {status}: the seller does not check payments, so anyone can use the service for free.',
    crashed: 'The malformed payment header got HTTP {status}: the seller crashes on bad input instead of answering 400 or 402 (x402scan#1169).',
    redirected: 'The malformed payment header got HTTP {status}, a redirect, instead of 400 or 402.',
    exchangeError: 'The malformed payment header got no response ({code}): the seller hangs or drops the connection on bad input.',
    deadline: 'The malformed payment header was cut by the run deadline before the seller answered: whether the seller refuses it is unknown.',
  },
} as const satisfies CheckMeta;

export function check({ malformed }: Pick<Artifacts, 'malformed'>): CheckOutcome {
  if (malformed.notSent !== undefined || malformed.exchange === null) return skip(meta, 'notSent', { reason: malformed.notSent ?? 'no exchange was recorded' });
  const status = malformed.exchange.status;
  const evidence = attemptEvidence(malformed);
  if (status === null && cutByDeadline(malformed)) return warn(meta, 'deadline', {}, evidence);
  if (status === null) return warn(meta, 'exchangeError', { code: malformed.exchange.error?.code ?? 'unknown' }, evidence);
  if (status >= 200 && status < 300) return fail(meta, 'served', { status }, evidence);
  if (status === 400 || status === 402) return pass(meta, 'rejected', { status }, evidence);
  if (status >= 400 && status < 500) return pass(meta, 'rejectedOther', { status }, evidence);
  if (status >= 500) return warn(meta, 'crashed', { status }, evidence);
  return warn(meta, 'redirected', { status }, evidence);
}
