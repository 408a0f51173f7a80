/** Exact conversions between atomic token units and decimal strings (no floats anywhere). */

const ATOMIC = /^[0-9]+$/;
const DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;

/** True when the value is a non-negative integer string (`"1000"`), the x402 atomic form. */
export function isAtomicString(value: unknown): value is string {
  return typeof value === 'string' && ATOMIC.test(value);
}

/** `1000`, 6 → `"0.001"`. */
export function atomicToDecimal(atomic: bigint | string, decimals: number): string {
  const value = typeof atomic === 'bigint' ? atomic : BigInt(atomic);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * `"0.001"`, 6 → `1000n`. Returns null when the text is not a plain decimal or has more
 * fractional digits than the token has (it could not be charged exactly).
 */
export function decimalToAtomic(decimal: string, decimals: number): bigint | null {
  const text = decimal.trim().replace(/^\$/, '');
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > decimals) return null;
  return BigInt(match[1]) * 10n ** BigInt(decimals) + BigInt(significant.padEnd(decimals, '0') || '0');
}

/** How many significant fractional digits a decimal has (`"0.0100"` → 2), or null when not a decimal. */
export function fractionDigits(text: string): number | null {
  const match = DECIMAL.exec(text.trim().replace(/^\$/, ''));
  return match ? (match[2] ?? '').replace(/0+$/, '').length : null;
}
