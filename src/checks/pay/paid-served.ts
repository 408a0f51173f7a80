import type { Artifacts } from '../../artifacts/index.js';
import { decodeChallenge } from '../../protocol/decodeChallenge.js';
import { decodeSettlement } from '../../protocol/settlement.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';
import { attemptEvidence, cutByDeadline } from '../refusal.js';

export const meta = {
  id: 'pay.paid-served',
  title: 'A funded payment within the price is served',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification-v2.md',
  fix: 'Verify and settle a valid payment through your facilitator, then serve the resource with 200 (check its network, asset and EIP-712 domain).',
  requires: ['payment'],
  messages: {
    served: 'The paid request was served with HTTP {status} ({bytes} bytes).',
    emptyBody: 'The paid request got HTTP {status} with an empty body: the buyer paid for nothing.',
    rechallenged: 'The paid request was answered 402 again{reason}: a valid, funded payment is not accepted.',
    refused: 'The paid request got HTTP {status}{reason}.',
    noResponse: 'The paid request got no response ({code}).',
    deadline: 'The paid request was cut by the run deadline before the seller answered: whether a paying buyer is served is unknown.',
    notSent: 'No paid request was made: {reason}.',
  },
} as const satisfies CheckMeta;

function reasonOf(ex: NonNullable<Artifacts['payment']['paid']>['exchange']): string {
  if (!ex) return '';
  const settlement = decodeSettlement(ex);
  if (typeof settlement.errorReason === 'string') return ` (${settlement.errorReason})`;
  const challenge = decodeChallenge(ex).paymentRequired as { error?: unknown } | null;
  if (typeof challenge?.error === 'string') return ` ("${challenge.error}")`;
  try {
    const body = JSON.parse(ex.body) as { error?: unknown; reason?: unknown };
    const text = [body.error, body.reason].filter((v) => typeof v === 'string').join(': ');
    return text ? ` ("${text}")` : '';
  } catch {
    return '';
  }
}

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome {
  const paid = payment.paid;
  if (payment.plan.refused !== null) return skip(meta, 'notSent', { reason: payment.plan.refused });
  if (!paid?.exchange) return fail(meta, 'notSent', { reason: payment.error ?? 'signing failed' });
  const ex = paid.exchange;
  const evidence = attemptEvidence(paid);
  if (ex.status === null && cutByDeadline(paid)) return fail(meta, 'deadline', {}, evidence);
  if (ex.status === null) return fail(meta, 'noResponse', { code: ex.error?.code ?? 'unknown' }, evidence);
  if (ex.status >= 200 && ex.status < 300) {
    return ex.bodyBytes > 0 ? pass(meta, 'served', { status: ex.status, bytes: ex.bodyBytes }, evidence) : fail(meta, 'emptyBody', { status: ex.status }, evidence);
  }
  if (ex.status === 402) return fail(meta, 'rechallenged', { reason: reasonOf(ex) }, evidence);
  return fail(meta, 'refused', { status: ex.status, reason: reasonOf(ex) }, evidence);
}
