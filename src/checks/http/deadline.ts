import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'http.deadline',
  title: 'Every exchange of the probe completes within the run deadline',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/transports-v2/http.md',
  fix: 'Answer every request promptly, paid or not: refuse a bad payment with 402 at once and verify and settle a good one within seconds, never holding the connection open (or raise --deadline for a seller that is slow by design).',
  requires: ['deadline'],
  messages: {
    inTime: 'Every exchange completed within the run deadline ({gatherMs} of {ms} ms).',
    cut: 'The run deadline ({ms} ms) cut {count} exchange(s) before the seller answered: {cut}. What they would have shown is unknown, so the seller cannot pass.',
  },
} as const satisfies CheckMeta;

/** A probe that could not finish vouches for nothing it did not see: any cut fails the run. */
export function check({ deadline }: Pick<Artifacts, 'deadline'>): CheckOutcome {
  const evidence = `deadline ${deadline.ms} ms; gathering took ${deadline.gatherMs} ms${deadline.cut.length ? `; cut: ${deadline.cut.join(', ')}` : ''}`;
  if (deadline.cut.length > 0) return fail(meta, 'cut', { ms: deadline.ms, count: deadline.cut.length, cut: deadline.cut.join(', ') }, evidence);
  return pass(meta, 'inTime', { ms: deadline.ms, gatherMs: deadline.gatherMs }, evidence);
}
