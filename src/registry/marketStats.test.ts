import { describe, expect, it } from 'vitest';
import { priceBand, quantile } from './marketStats.js';

describe('quantile', () => {
  it('interpolates between closest ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([7], 0.75)).toBe(7);
  });
});

describe('priceBand', () => {
  it('gives median and quartiles as decimals of the asset', () => {
    const band = priceBand([1000n, 2000n, 3000n, 10000n, 500n], 6, 'USDC')!;
    expect(band).toEqual({ count: 5, min: '0.0005', q1: '0.001', median: '0.002', q3: '0.003', max: '0.01', symbol: 'USDC' });
  });

  it('keeps sub-atomic precision of an interpolated quartile', () => {
    expect(priceBand([1n, 2n], 6, 'USDC')!.median).toBe('0.0000015');
  });

  it('is null without prices', () => {
    expect(priceBand([], 6, 'USDC')).toBeNull();
  });

  it('stays exact for amounts a hostile seller makes too large for a float (no Infinity, no crash)', () => {
    const huge = 10n ** 400n;
    const band = priceBand([1000n, huge], 6, 'USDC')!;
    expect(band.max).toBe(`1${'0'.repeat(394)}`);
    expect(band.median).toBe(`5${'0'.repeat(393)}.0005`);
    // Past 2^53 a float would round 9007199254740993 to ...992.
    expect(priceBand([9_007_199_254_740_993n], 0, 'X')!.median).toBe('9007199254740993');
  });
});
