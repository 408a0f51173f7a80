import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomicToDecimal, decimalToAtomic, fractionDigits, isAtomicString } from './units.js';

describe('units', () => {
  it('converts between atomic and decimal exactly', () => {
    expect(decimalToAtomic('0.01', 6)).toBe(10000n);
    expect(decimalToAtomic('$0.010', 6)).toBe(10000n);
    expect(decimalToAtomic('0.0000001', 6)).toBeNull();
    expect(atomicToDecimal('10000', 6)).toBe('0.01');
  });

  it('counts significant fractional digits', () => {
    expect(fractionDigits('0.0100')).toBe(2);
    expect(fractionDigits('$5')).toBe(0);
    expect(fractionDigits('ten')).toBeNull();
  });
});

describe('units: round trips and rejections', () => {
  it('atomicToDecimal trims trailing zeros and handles 0 and 18 decimals', () => {
    expect(atomicToDecimal('0', 6)).toBe('0');
    expect(atomicToDecimal('1', 6)).toBe('0.000001');
    expect(atomicToDecimal(1_000_000n, 6)).toBe('1');
    expect(atomicToDecimal('1230000', 6)).toBe('1.23');
    expect(atomicToDecimal('42', 0)).toBe('42');
    expect(atomicToDecimal('1000000000000000001', 18)).toBe('1.000000000000000001');
  });

  it('decimalToAtomic accepts plain decimals, a leading $ and trailing zeros past the decimals', () => {
    expect(decimalToAtomic('1', 6)).toBe(1_000_000n);
    expect(decimalToAtomic('0', 6)).toBe(0n);
    expect(decimalToAtomic(' 0.5 ', 6)).toBe(500_000n);
    expect(decimalToAtomic('1.100000000', 6)).toBe(1_100_000n);
    expect(decimalToAtomic('7', 0)).toBe(7n);
    expect(decimalToAtomic('7.0', 0)).toBe(7n);
  });

  it('decimalToAtomic rejects more significant decimals than the token has', () => {
    expect(decimalToAtomic('0.0000001', 6)).toBeNull();
    expect(decimalToAtomic('1.1234567', 6)).toBeNull();
    expect(decimalToAtomic('0.5', 0)).toBeNull();
  });

  it('decimalToAtomic rejects what is not a plain decimal', () => {
    for (const text of ['', ' ', '-1', '+1', '1e3', '.5', '5.', '0x10', '1,000', '1.2.3', 'NaN', 'Infinity', '$', '1 000']) {
      expect(decimalToAtomic(text, 6), JSON.stringify(text)).toBeNull();
    }
  });

  it('isAtomicString accepts digit strings only', () => {
    expect(isAtomicString('10000')).toBe(true);
    expect(isAtomicString('0')).toBe(true);
    for (const value of ['', '1.0', '-1', ' 1', '1e4', 10000, null, undefined, 10000n]) expect(isAtomicString(value), String(value)).toBe(false);
  });

  it('property: decimalToAtomic(atomicToDecimal(x, d), d) === x', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), fc.integer({ min: 0, max: 36 }), (x, d) => decimalToAtomic(atomicToDecimal(x, d), d) === x),
      { numRuns: 500 },
    );
  });

  it('property: a decimal with at most d fraction digits survives decimal -> atomic -> decimal (normalised)', () => {
    const decimal = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 18 })).chain(([whole, d]) =>
      fc.tuple(fc.constant(whole), fc.constant(d), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: d }).map((digits) => digits.join(''))),
    );
    fc.assert(
      fc.property(decimal, ([whole, d, fraction]) => {
        const text = fraction ? `${whole}.${fraction}` : `${whole}`;
        const atomic = decimalToAtomic(text, d);
        if (atomic === null) return false;
        const normalised = fraction.replace(/0+$/, '') ? `${whole}.${fraction.replace(/0+$/, '')}` : `${whole}`;
        return atomicToDecimal(atomic, d) === normalised;
      }),
      { numRuns: 300 },
    );
  });
});
