import { atomicToDecimal } from '../protocol/units.js';

/** A price band: the interquartile range around the median, and how many prices it rests on. */
export interface PriceBand {
  /** How many services the band is computed from. */
  count: number;
  min: string;
  q1: string;
  median: string;
  q3: string;
  max: string;
  symbol: string;
}

/**
 * The p-quantile of sorted values by linear interpolation between closest ranks (numpy's
 * default, "type 7"): with one value every quantile is that value.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty list');
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** Render a (possibly fractional) amount of atomic units as a decimal with the asset's precision plus two digits. */
function decimalOf(atomic: number, decimals: number): string {
  const scaled = BigInt(Math.round(atomic * 100));
  return atomicToDecimal(scaled, decimals + 2);
}

/** Median, quartiles and range of atomic amounts of one asset (with `decimals`). Null when there are none. */
export function priceBand(amounts: readonly bigint[], decimals: number, symbol: string): PriceBand | null {
  if (amounts.length === 0) return null;
  const sorted = amounts.map(Number).sort((a, b) => a - b);
  return {
    count: sorted.length,
    min: decimalOf(sorted[0], decimals),
    q1: decimalOf(quantile(sorted, 0.25), decimals),
    median: decimalOf(quantile(sorted, 0.5), decimals),
    q3: decimalOf(quantile(sorted, 0.75), decimals),
    max: decimalOf(sorted[sorted.length - 1], decimals),
    symbol,
  };
}
