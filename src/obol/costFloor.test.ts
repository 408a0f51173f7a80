import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomicCharge, effectivePrice } from './pricing.js';
import { costFloor, CostFloorInputError, decimalBelow, decimalMax, decimalMidpoint, parseRational } from './costFloor.js';

const base = { tokens: 100, durationNs: 2_000_000_000, watts: '300', energyPrice: '0.20', tokensPerRequest: 1000 };

/** The cost in USD as an exact fraction, computed the long way round, for comparison. */
function exactCost(p: typeof base): { num: bigint; den: bigint } {
  const w = parseRational(p.watts)!;
  const e = parseRational(p.energyPrice)!;
  // seconds per request = tokensPerRequest × durationNs / tokens / 1e9; kWh = W × s / 3.6e6
  return { num: w.num * e.num * BigInt(p.tokensPerRequest) * BigInt(p.durationNs), den: w.den * e.den * BigInt(p.tokens) * 1_000_000_000n * 3_600_000n };
}

describe('costFloor', () => {
  it('50 tokens/s at 300 W and 0.20 USD/kWh: 20 s per 1000-token request, 0.000334 USDC (rounded up), 0.333334 per MTok', () => {
    const floor = costFloor(base);
    expect(floor).toMatchObject({ tokensPerSecond: 50, secondsPerRequest: 20, perRequest: '0.000334', perRequestAtomic: '334', perMTok: '0.333334' });
  });

  it('zero watts or a zero energy price cost nothing: the floor is 0, not NaN', () => {
    expect(costFloor({ ...base, watts: '0' })).toMatchObject({ perRequest: '0', perMTok: '0' });
    expect(costFloor({ ...base, energyPrice: '0' })).toMatchObject({ perRequest: '0', perMTok: '0' });
  });

  it('huge watts stay exact and finite', () => {
    const floor = costFloor({ ...base, watts: '1000000000000', energyPrice: '1000' });
    expect(floor.perRequest).toMatch(/^[0-9]+(\.[0-9]+)?$/);
    expect(BigInt(floor.perRequestAtomic)).toBe(5_555_555_555_555_556n);
  });

  it('a huge energy price and the largest tokens per request the CLI accepts stay exact', () => {
    const floor = costFloor({ ...base, energyPrice: '999999999.999999', tokensPerRequest: 2 ** 31 - 1 });
    expect(floor.perRequest).toMatch(/^[0-9]+(\.[0-9]+)?$/);
    expect(Number.isFinite(floor.secondsPerRequest)).toBe(true);
    expect(BigInt(floor.perRequestAtomic) > 10n ** 18n).toBe(true);
  });

  it('one token per request, and a very slow model, give a positive floor that rounds up, never down to 0', () => {
    expect(costFloor({ ...base, tokensPerRequest: 1 }).perRequestAtomic).toBe('1');
    expect(costFloor({ ...base, tokens: 1, durationNs: 3_600_000_000_000 }).perRequest).toBe('60');
  });

  it('refuses inputs no parser should let through, with a RangeError, never a NaN floor', () => {
    for (const bad of [{ tokens: 0 }, { tokens: -5 }, { tokens: 1.5 }, { durationNs: 0 }, { durationNs: Number.NaN }, { tokensPerRequest: 0 }, { tokensPerRequest: Number.POSITIVE_INFINITY }, { watts: '-1' }, { watts: 'lots' }, { energyPrice: '1e3' }]) {
      expect(() => costFloor({ ...base, ...bad }), JSON.stringify(bad)).toThrow(CostFloorInputError);
    }
  });

  it('property: the floor is the cost rounded up to one atomic unit, and obol charges at least the cost at that price', () => {
    const decimal = fc.tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 9999 })).map(([w, f]) => `${w}.${String(f).padStart(4, '0')}`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 1e12 }), decimal, decimal, fc.integer({ min: 1, max: 100_000 }), (tokens, durationNs, watts, energyPrice, tokensPerRequest) => {
        const p = { tokens, durationNs, watts, energyPrice, tokensPerRequest };
        const floor = costFloor(p);
        const cost = exactCost(p);
        const atomic = BigInt(floor.perRequestAtomic);
        // atomic / 1e6 >= cost > (atomic - 1) / 1e6
        expect(atomic * cost.den >= cost.num * 1_000_000n).toBe(true);
        expect(atomic === 0n || (atomic - 1n) * cost.den < cost.num * 1_000_000n).toBe(true);
        expect(atomicCharge(effectivePrice({ perRequest: floor.perRequest }), 6)).toBe(atomic);
        expect(Number.isFinite(floor.tokensPerSecond) && Number.isFinite(floor.secondsPerRequest)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decimal comparisons', () => {
  it('compares exactly, across scales', () => {
    expect(decimalBelow('0.0003', '0.001')).toBe(true);
    expect(decimalBelow('0.001', '0.0010')).toBe(false);
    expect(decimalMax('0.000334', '0.0005')).toBe('0.0005');
    expect(decimalMax('0.02', '0.0005')).toBe('0.02');
  });
});

describe('decimalMidpoint', () => {
  it('is exact', () => {
    expect(decimalMidpoint('0.001', '0.005')).toBe('0.003');
    expect(decimalMidpoint('0.0005', '0.002')).toBe('0.00125');
    expect(decimalMidpoint('0.10', '1.00')).toBe('0.55');
    expect(decimalMidpoint('1', '2')).toBe('1.5');
  });
});
