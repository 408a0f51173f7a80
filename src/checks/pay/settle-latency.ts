import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.settle-latency',
  title: 'The paid request is answered within the requirement\'s timeout',
  severity: 'warning',
  specRef: 'https://github.com/x402-foundation/x402/issues/1062',
  fix: 'Settle faster (or raise maxTimeoutSeconds) so the buyer\'s authorization is still valid when the settlement is mined.',
  requires: ['payment', 'challenge'],
  messages: {
    fast: 'The paid request was answered in {ms} ms, within maxTimeoutSeconds {timeout} s.',
    slow: 'The paid request took {ms} ms, longer than maxTimeoutSeconds {timeout} s: authorizations can expire before settlement.',
    notServed: 'No paid request to time.',
  },
} as const satisfies CheckMeta;

export function check({ payment, challenge }: Pick<Artifacts, 'payment' | 'challenge'>): CheckOutcome {
  const ex = payment.paid?.exchange;
  if (!ex || ex.status === null) return skip(meta, 'notServed');
  const req = challenge.requirements[payment.plan.requirementIndex ?? 0];
  const timeout = typeof req?.maxTimeoutSeconds === 'number' ? req.maxTimeoutSeconds : 60;
  const data = { ms: ex.timings.totalMs, timeout };
  return ex.timings.totalMs > timeout * 1000 ? fail(meta, 'slow', data) : pass(meta, 'fast', data);
}
