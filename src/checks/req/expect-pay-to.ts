import type { Artifacts } from '../../artifacts/index.js';
import { sameAccount } from '../../protocol/addresses.js';
import { eachRequirement } from '../eachRequirement.js';
import { fail, pass, show, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.expect-pay-to',
  title: 'Every requirement pays the expected recipient (--expect-pay-to)',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification.md',
  fix: 'Make every requirement\'s payTo the seller\'s own wallet; find what rewrites it (a proxy, a template, a compromised config) if it is not.',
  requires: ['challenge', 'target'],
  messages: {
    ok: 'All {count} requirements pay {expected}.',
    noExpectation: 'No --expect-pay-to given.',
    none: 'The challenge has no requirements to check.',
    other: 'Requirement #{index} pays {value}, not the expected {expected}; a buyer choosing it pays someone else.',
  },
} as const satisfies CheckMeta;

export function check({ challenge, target }: Pick<Artifacts, 'challenge' | 'target'>): CheckOutcome | CheckOutcome[] {
  const expected = target.expect.payTo;
  if (expected === undefined) return skip(meta, 'noExpectation');
  return eachRequirement(meta, challenge, {
    each: (r) => (typeof r.payTo === 'string' && (sameAccount(r.payTo, expected) || r.payTo.trim() === expected.trim()) ? null : fail(meta, 'other', { index: r.index, value: show(r.payTo), expected }, `accepts[${r.index}].payTo = ${show(r.payTo)}`)),
    clean: (judged) => pass(meta, 'ok', { count: judged.length, expected }),
  });
}
