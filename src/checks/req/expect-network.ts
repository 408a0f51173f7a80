import type { Artifacts } from '../../artifacts/index.js';
import { sameNetwork } from '../../protocol/networks.js';
import { fail, pass, show, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.expect-network',
  title: 'A requirement is on the expected network (--expect-network)',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification.md',
  fix: 'Advertise a requirement on the network you mean to be paid on (v2: its CAIP-2 id, e.g. "eip155:8453"; v1: its name, e.g. "base").',
  requires: ['challenge', 'target'],
  messages: {
    ok: 'Requirement #{index} is on {expected} ({value}).',
    noExpectation: 'No --expect-network given.',
    none: 'The challenge has no requirements to check.',
    absent: 'No requirement is on {expected}; the challenge offers {networks}.',
  },
} as const satisfies CheckMeta;

export function check({ challenge, target }: Pick<Artifacts, 'challenge' | 'target'>): CheckOutcome {
  const expected = target.expect.network;
  if (expected === undefined) return skip(meta, 'noExpectation');
  const requirements = challenge.requirements;
  if (requirements.length === 0) return skip(meta, 'none');
  const match = requirements.find((r) => typeof r.network === 'string' && sameNetwork(r.network, expected));
  if (match) return pass(meta, 'ok', { index: match.index, expected, value: show(match.network) }, `accepts[${match.index}].network = ${show(match.network)}`);
  const networks = [...new Set(requirements.map((r) => show(r.network)))].join(', ');
  return fail(meta, 'absent', { expected, networks }, requirements.map((r) => `accepts[${r.index}].network = ${show(r.network)}`).join('; '));
}
