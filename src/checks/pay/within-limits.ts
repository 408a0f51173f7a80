import type { Artifacts } from '../../artifacts/index.js';
import { atomicToDecimal } from '../../protocol/units.js';
import { fail, pass } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.within-limits',
  title: 'The price can be paid within the buyer\'s limits',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/issues/2479',
  fix: 'Charge within what buyers cap, in a known asset or one the buyer can read on its own chain, with a maxTimeoutSeconds of at most an hour (or raise --max-amount / --max-validity, or give --rpc for the payment\'s chain).',
  requires: ['payment'],
  messages: {
    within: 'Requirement #{index}: {price} {symbol} on {network} to {payTo}, within --max-amount {max}.',
    refused: 'The probe refused to sign: {reason}.',
  },
} as const satisfies CheckMeta;

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome {
  const plan = payment.plan;
  const evidence = [
    `max-amount ${plan.maxAmount}${plan.capAtomic ? ` (${plan.capAtomic} atomic, ${plan.decimals} decimals from ${plan.decimalsSource})` : ''}`,
    `validity ${plan.validitySeconds ?? '?'} s of at most ${plan.maxValiditySeconds} s`,
    `chain read ${plan.chainRead ?? 'none'}`,
    `mainnet ${plan.mainnet ? 'yes' : 'no'}${plan.mainnetAllowed ? ' (allowed)' : ''}`,
    ...(plan.expectPayTo ? [`expected payTo ${plan.expectPayTo}`] : []),
  ].join('; ');
  if (plan.refused !== null) return fail(meta, 'refused', { reason: plan.refused }, evidence);
  const price = plan.decimals !== null ? atomicToDecimal(plan.amount!, plan.decimals) : plan.amount;
  return pass(meta, 'within', { index: plan.requirementIndex, price, symbol: plan.symbol ?? 'units', network: plan.network, payTo: plan.payTo, max: plan.maxAmount }, evidence);
}
