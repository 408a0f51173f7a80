import type { Artifacts } from '../../artifacts/index.js';
import { sameAddress } from '../../protocol/addresses.js';
import { sameNetwork } from '../../protocol/networks.js';
import { fail, pass, show, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.expect-asset',
  title: 'A requirement charges in the expected asset (--expect-asset)',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Advertise the token you mean to be paid in as the requirement\'s asset (its contract address on the requirement\'s network).',
  requires: ['challenge', 'target'],
  messages: {
    ok: 'Requirement #{index} charges in {expected}{onNetwork}.',
    noExpectation: 'No --expect-asset given.',
    none: 'The challenge has no requirements to check.',
    absent: 'No requirement{onNetwork} charges in {expected}; the challenge offers {assets}.',
  },
} as const satisfies CheckMeta;

export function check({ challenge, target }: Pick<Artifacts, 'challenge' | 'target'>): CheckOutcome {
  const expected = target.expect.asset;
  if (expected === undefined) return skip(meta, 'noExpectation');
  const requirements = challenge.requirements;
  if (requirements.length === 0) return skip(meta, 'none');
  const network = target.expect.network;
  const onNetwork = network ? ` on ${network}` : '';
  const candidates = network ? requirements.filter((r) => typeof r.network === 'string' && sameNetwork(r.network, network)) : requirements;
  const evidence = requirements.map((r) => `accepts[${r.index}].asset = ${show(r.asset)} on ${show(r.network)}`).join('; ');
  const match = candidates.find((r) => sameAddress(r.asset, expected));
  if (match) return pass(meta, 'ok', { index: match.index, expected, onNetwork }, evidence);
  const assets = [...new Set(requirements.map((r) => show(r.asset)))].join(', ');
  return fail(meta, 'absent', { expected, onNetwork, assets }, evidence);
}
