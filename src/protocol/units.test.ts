import { describe, expect, it } from 'vitest';
import { atomicToDecimal, decimalToAtomic, fractionDigits } from './units.js';

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
