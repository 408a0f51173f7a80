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
});
