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

/**
 * The p-quantile (p in quarters) of sorted atomic amounts, ×100, by the same interpolation as
 * `quantile` but in bigint: a seller's amount can be any length of digits, and a float of it
 * would round past 2^53 and turn into Infinity past ~1e308. Quarters ×100 are whole numbers.
 */
function quantileTimes100(sorted: readonly bigint[], p: 0 | 0.25 | 0.5 | 0.75 | 1): bigint {
  const rankTimes4 = (sorted.length - 1) * p * 4;
  const low = Math.floor(rankTimes4 / 4);
  const high = Math.ceil(rankTimes4 / 4);
  return sorted[low] * 100n + ((sorted[high] - sorted[low]) * 25n * BigInt(rankTimes4 - low * 4));
}

/** Median, quartiles and range of atomic amounts of one asset (with `decimals`). Null when there are none. */
export function priceBand(amounts: readonly bigint[], decimals: number, symbol: string): PriceBand | null {
  if (amounts.length === 0) return null;
  const sorted = [...amounts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const at = (p: 0 | 0.25 | 0.5 | 0.75 | 1) => atomicToDecimal(quantileTimes100(sorted, p), decimals + 2);
  return {
    count: sorted.length,
    min: at(0),
    q1: at(0.25),
    median: at(0.5),
    q3: at(0.75),
    max: at(1),
    symbol,
  };
}
