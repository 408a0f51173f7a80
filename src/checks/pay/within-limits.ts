import type { Artifacts } from '../../gather/artifacts.js';
import { atomicToDecimal } from '../../protocol/units.js';
import { fail, pass } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.within-limits',
  title: 'The price can be paid within the buyer\'s limits',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/issues/2479',
  fix: 'Charge within what buyers cap (or raise --max-amount if you mean to pay more), on the network and to the payTo you advertise.',
  requires: ['payment'],
  messages: {
    within: 'Requirement #{index}: {price} {symbol} on {network} to {payTo}, within --max-amount {max}.',
    refused: 'The probe refused to sign: {reason}.',
  },
} as const satisfies CheckMeta;

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome {
  const plan = payment.plan;
  const evidence = `max-amount ${plan.maxAmount}${plan.capAtomic ? ` (${plan.capAtomic} atomic)` : ''}; mainnet ${plan.mainnet ? 'yes' : 'no'}${plan.mainnetAllowed ? ' (allowed)' : ''}${plan.expectPayTo ? `; expected payTo ${plan.expectPayTo}` : ''}`;
  if (plan.refused !== null) return fail(meta, 'refused', { reason: plan.refused }, evidence);
  const price = plan.decimals !== null ? atomicToDecimal(plan.amount!, plan.decimals) : plan.amount;
  return pass(meta, 'within', { index: plan.requirementIndex, price, symbol: plan.symbol ?? 'units', network: plan.network, payTo: plan.payTo, max: plan.maxAmount }, evidence);
}
