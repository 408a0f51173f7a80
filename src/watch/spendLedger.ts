/**
 * The daily spend cap of `watch --pay-every`: what was spent on the current UTC day, in the
 * asset's decimals, and how much a paid probe may still spend. Pure: the day arrives as an ISO date.
 */

/** Fixed-point scale for decimal amounts: enough for any asset of up to 30 decimals. */
const SCALE = 30;

/** `0.05` -> 0.05 × 10^SCALE; the caller has checked the syntax (parseDecimal). */
export function toScaled(decimal: string): bigint {
  const [whole, fraction = ''] = decimal.trim().split('.');
  return BigInt(whole || '0') * 10n ** BigInt(SCALE) + BigInt((fraction + '0'.repeat(SCALE)).slice(0, SCALE) || '0');
}

/** Atomic units of an asset with `decimals` as a scaled amount (rounded up past SCALE: the cap stays safe). */
export function atomicToScaled(atomic: string, decimals: number): bigint {
  const value = BigInt(atomic);
  if (decimals <= SCALE) return value * 10n ** BigInt(SCALE - decimals);
  const divisor = 10n ** BigInt(decimals - SCALE);
  return (value + divisor - 1n) / divisor;
}

/** A scaled amount as a plain decimal string (`0.05`), rounded down to `maxDecimals`. */
export function scaledToDecimal(scaled: bigint, maxDecimals = SCALE): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = abs / 10n ** BigInt(SCALE);
  const fraction = (abs % 10n ** BigInt(SCALE)).toString().padStart(SCALE, '0').slice(0, maxDecimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export interface SpendLedger {
  /** `YYYY-MM-DD` (UTC) of the spending kept. */
  day: string;
  spentToday: bigint;
  spentTotal: bigint;
}

export const emptyLedger: SpendLedger = { day: '', spentToday: 0n, spentTotal: 0n };

/** The ledger as of `day`: the daily sum starts again on a new UTC day. */
export function ledgerOn(ledger: SpendLedger, day: string): SpendLedger {
  return ledger.day === day ? ledger : { day, spentToday: 0n, spentTotal: ledger.spentTotal };
}

export function recordSpend(ledger: SpendLedger, day: string, scaled: bigint): SpendLedger {
  const current = ledgerOn(ledger, day);
  return { day, spentToday: current.spentToday + scaled, spentTotal: current.spentTotal + scaled };
}

export type PaidProbePlan = { pay: true; maxAmount: string } | { pay: false; reason: string };

/**
 * Whether a paid probe may run on `day`, and the --max-amount it runs under: the smaller of
 * --max-amount and what is left of the cap, so the spend guard itself keeps the cap. Skipped when
 * nothing is left or the last price seen would not fit.
 */
export function planPaidProbe(params: { ledger: SpendLedger; day: string; dailyCap: string; maxAmount: string; lastPrice: bigint | null }): PaidProbePlan {
  const { spentToday } = ledgerOn(params.ledger, params.day);
  const cap = toScaled(params.dailyCap);
  const left = cap - spentToday;
  const spent = `spent ${scaledToDecimal(spentToday)} of --daily-cap ${scaledToDecimal(cap)} today (UTC ${params.day})`;
  if (left <= 0n) return { pay: false, reason: `${spent}: nothing left` };
  if (params.lastPrice !== null && params.lastPrice > left) return { pay: false, reason: `the last price seen, ${scaledToDecimal(params.lastPrice)}, would exceed the cap: ${spent}` };
  const max = toScaled(params.maxAmount);
  return { pay: true, maxAmount: scaledToDecimal(max < left ? max : left) };
}
