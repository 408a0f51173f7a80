import type { Artifacts, RequirementView } from '../../artifacts/index.js';
import { findKnownAsset } from '../../protocol/assets.js';
import { atomicToDecimal } from '../../protocol/units.js';
import { eachRequirement } from '../eachRequirement.js';
import { fail, pass, show, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.amount-atomic',
  title: 'Every amount is a positive integer string in atomic units',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/issues/3510',
  fix: 'Send the amount as a string of digits in the token\'s smallest unit (USDC: "10000" for $0.01), never a decimal or a number.',
  requires: ['challenge'],
  messages: {
    ok: 'All {count} amounts are positive atomic integer strings.',
    none: 'The challenge has no requirements to check.',
    missing: 'Requirement #{index} has no {field}.',
    notString: 'Requirement #{index}: {field} is a JSON {type}, not a string; buyers parse a digit string.',
    decimal: 'Requirement #{index}: {field} {value} is a decimal; x402 amounts are atomic integers (for USDC, $0.01 is "10000").',
    notInteger: 'Requirement #{index}: {field} {value} is not an integer string.',
    zero: 'Requirement #{index}: {field} is zero; a free resource should not answer 402.',
    leadingZero: 'Requirement #{index}: {field} {value} has leading zeros; some buyers reject it.',
    tooLongV1: 'Requirement #{index}: {field} has {digits} digits; the legacy v1 client accepts at most 18 (x402#548).',
    huge: 'Requirement #{index}: {field} {value} is {price} {symbol}, an implausible price; the amount may be scaled twice.',
  },
} as const satisfies CheckMeta;

/** Above this many whole tokens a per-request price is almost surely a scaling bug. */
const IMPLAUSIBLE_WHOLE_TOKENS = 1000n;

/** Every defect of one requirement's amount: one fail, or the warnings it deserves. */
function judge(r: RequirementView): CheckOutcome | CheckOutcome[] {
  const field = r.amountField ?? (r.x402Version === 2 ? 'amount' : 'maxAmountRequired');
  const data = { index: r.index, field, value: show(r.amount) };
  const evidence = `accepts[${r.index}].${field} = ${show(r.amount)}`;
  if (r.amount === undefined || r.amount === null) return fail(meta, 'missing', data, evidence);
  if (typeof r.amount !== 'string') {
    return fail(meta, typeof r.amount === 'number' && !Number.isInteger(r.amount) ? 'decimal' : 'notString', { ...data, type: typeof r.amount }, evidence);
  }
  if (/^[0-9]*\.[0-9]+$/.test(r.amount.trim())) return fail(meta, 'decimal', data, evidence);
  if (!/^[0-9]+$/.test(r.amount)) return fail(meta, 'notInteger', data, evidence);
  if (/^0+$/.test(r.amount)) return fail(meta, 'zero', data, evidence);
  const warnings: CheckOutcome[] = [];
  if (r.amount.startsWith('0')) warnings.push(warn(meta, 'leadingZero', data, evidence));
  if (r.x402Version === 1 && r.amount.length > 18) warnings.push(warn(meta, 'tooLongV1', { ...data, digits: r.amount.length }, evidence));
  const known = typeof r.network === 'string' && typeof r.asset === 'string' ? findKnownAsset(r.network, r.asset) : null;
  if (known && BigInt(r.amount) >= IMPLAUSIBLE_WHOLE_TOKENS * 10n ** BigInt(known.decimals)) {
    warnings.push(warn(meta, 'huge', { ...data, price: atomicToDecimal(r.amount, known.decimals), symbol: known.symbol }, evidence));
  }
  return warnings;
}

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome[] {
  return eachRequirement(meta, challenge, { each: judge, clean: (judged) => pass(meta, 'ok', { count: judged.length }) });
}
