import type { CheckResult } from '../../src/report/types.js';

/**
 * The pay.* checks that only apply when the seller declares something (payment-identifier,
 * sign-in-with-x) or the run names it (--also): a skip there is "does not apply", not a gap.
 */
const APPLIES_WHEN_DECLARED = /^pay\.(identifier-|siwx-|cross-route-|permit2-approval)/;

/** The pay.* results that are neither a pass nor a skip of a check that does not apply here, as `id=status: message`. */
export function payNotPassing(checks: readonly CheckResult[]): string[] {
  return checks
    .filter((c) => c.id.startsWith('pay.') && c.status !== 'pass' && !(c.status === 'skip' && APPLIES_WHEN_DECLARED.test(c.id)))
    .map((c) => `${c.id}=${c.status}: ${c.message}`);
}
