import type { Artifacts } from '../../artifacts/index.js';
import { payability } from '../../protocol/payable.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'challenge.payable',
  title: 'At least one requirement can be paid by some x402 buyer',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/tree/main/specs/schemes',
  fix: 'Offer at least one requirement a buyer can pay: a scheme x402 defines ("exact"), a network named as the protocol version expects, an atomic amount, an asset and a payTo.',
  requires: ['challenge'],
  messages: {
    probe: '{payable} of {count} requirement(s) can be paid; the probe can pay #{index} itself.',
    notImplemented: 'No requirement is of a kind the probe pays (exact, EIP-3009, EVM), so it cannot judge whether one is payable; buyers that implement it may pay: {reasons}.',
    nonePayable: 'None of the {count} requirement(s) can be paid by any x402 buyer: {reasons}.',
    noRequirements: 'No requirements to judge (challenge.decode and challenge.accepts report why).',
  },
} as const satisfies CheckMeta;

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome {
  const reqs = challenge.requirements;
  if (reqs.length === 0) return skip(meta, 'noRequirements');
  const judged = reqs.map((r) => ({ index: r.index, ...payability(r) }));
  const byProbe = judged.find((j) => j.payer === 'probe');
  const payable = judged.filter((j) => j.payer !== 'nobody').length;
  if (byProbe) return pass(meta, 'probe', { payable, count: reqs.length, index: byProbe.index });
  const reasons = judged.map((j) => `#${j.index}: ${'reason' in j ? j.reason : 'payable'}`).join('; ');
  // A real Solana or upto requirement is not the seller's defect; the probe just cannot pay it.
  if (payable > 0) return skip(meta, 'notImplemented', { reasons }, reasons);
  return fail(meta, 'nonePayable', { count: reqs.length, reasons }, reasons);
}
