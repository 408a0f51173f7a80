import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass, skip, warn } from '../outcome.js';
import { attemptEvidence, cutByDeadline, refusalVerdict } from '../refusal.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.forged-rejected',
  title: 'A payment signed by an unfunded key is refused',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification-v2.md',
  fix: 'Verify every payment with the facilitator (/verify, then /settle) before serving, and answer a failed payment with 402.',
  requires: ['forged'],
  messages: {
    rejected: 'The forged payment was refused with HTTP {status}.',
    notSent: 'No forged payment was sent: {reason}.',
    served: 'The forged payment (signed by an unfunded key) was served with HTTP {status}: the seller does not verify payments, so anyone can use the service for free.',
    crashed: 'The forged payment got HTTP {status}: the seller crashes on a payment it cannot settle instead of answering 402 (x402scan#1169).',
    redirected: 'The forged payment got HTTP {status}, a redirect that was not followed: a payment should be answered at the resource, with 402 when it fails.',
    unexpected: 'The forged payment was refused with HTTP {status}; x402 sellers answer a failed payment with 402 (or 400 for an invalid one).',
    exchangeError: 'The forged payment got no response ({code}): the seller hangs or drops the connection on a payment it cannot settle.',
    deadline: 'The forged payment was cut by the run deadline before the seller answered: whether the seller refuses it is unknown.',
  },
} as const satisfies CheckMeta;

export function check({ forged }: Pick<Artifacts, 'forged'>): CheckOutcome {
  if (forged.notSent !== undefined || forged.exchange === null) return skip(meta, 'notSent', { reason: forged.notSent ?? 'no exchange was recorded' });
  const status = forged.exchange.status;
  const evidence = attemptEvidence(forged);
  switch (refusalVerdict(status)) {
    case 'no-response':
      if (cutByDeadline(forged)) return warn(meta, 'deadline', {}, evidence);
      return warn(meta, 'exchangeError', { code: forged.exchange.error?.code ?? 'unknown' }, evidence);
    case 'served':
      return fail(meta, 'served', { status }, evidence);
    case 'refused':
      return pass(meta, 'rejected', { status }, evidence);
    case 'crashed':
      return warn(meta, 'crashed', { status }, evidence);
    case 'redirected':
      return warn(meta, 'redirected', { status }, evidence);
    default:
      return warn(meta, 'unexpected', { status }, evidence);
  }
}
