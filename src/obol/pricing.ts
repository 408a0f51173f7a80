/**
 * The one pricing rule: what obol's x402 gate charges per request for a price written as
 * obol-stack writes it (a ServiceOffer's `spec.payment.price`, or the same keys in a registration
 * file). Both `offer.spec-agrees` and `registry.price-agrees` go through here. Pure: no I/O.
 *
 * obol-stack computes it in two steps (reference §3), and so does this module:
 *   1. The per-request price, in shopspring/decimal (internal/schemas/payment.go): `perRequest`
 *      as written, else `perMTok ÷ 1000` (ApproxTokensPerRequest), else `perHour × 5 ÷ 60`
 *      (ApproxMinutesPerRequest). A division rounds half away from zero at 16 decimal places
 *      (DivisionPrecision); multiplications are exact.
 *   2. Atomic units (internal/x402/chains.go decimalToAtomic): Go big.Float at 128 bits of
 *      precision, rounding to nearest even at each of parse, `× 10^decimals` and `+ 0.5`, then
 *      truncation. That is "half up" except at some exact halves, whose binary value lands just
 *      below: 0.0000155 USDC is 15 atomic units there, not 16. `pricing.test.ts` holds values
 *      recorded from Go's math/big that pin this.
 */

export type PriceModel = 'perRequest' | 'perMTok' | 'perHour';

/** Tokens a per-MTok price is charged for on each request. */
export const APPROX_TOKENS_PER_REQUEST = 1000;
/** Minutes a per-hour price is charged for on each request. */
const APPROX_MINUTES_PER_REQUEST = 5;
/** shopspring/decimal's default division precision, in decimal places. */
const DIVISION_PRECISION = 16;
/** Go big.Float precision obol converts with, in bits. */
const FLOAT_PRECISION = 128n;

const PRECEDENCE: readonly PriceModel[] = ['perRequest', 'perMTok', 'perHour'];
const DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;

export interface EffectivePrice {
  /** The field that sets the charge (obol's precedence), or null when no price field is set. */
  model: PriceModel | null;
  /** That field's value as written in the spec. */
  specValue: string | null;
  /** True when that field is not a plain decimal: obol then charges "0". */
  invalid: boolean;
  /** The per-request price as a decimal string, as obol derives it ("0" when invalid or unset). */
  perRequest: string;
  /** The per-request price as an exact fraction (numerator / 10^scale), for atomic conversion. */
  numerator: bigint;
  scale: number;
}

/** A decimal string as numerator / 10^scale, or null when not a plain non-negative decimal. */
function parse(text: string): { numerator: bigint; scale: number } | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  return { numerator: BigInt(match[1] + fraction), scale: fraction.length };
}

/** Round num/den half away from zero (both non-negative): shopspring's DivRound. */
function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

function format(numerator: bigint, scale: number): string {
  if (scale === 0) return numerator.toString();
  const digits = numerator.toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** A binary float `mantissa × 2^-shift` (a non-negative exact rational num/den). */
interface BinaryFloat {
  mantissa: bigint;
  shift: bigint;
}

const bitLength = (n: bigint) => BigInt(n.toString(2).length);

/** num/den rounded to FLOAT_PRECISION significant bits, to nearest even: one Go big.Float operation. */
function toFloat(num: bigint, den: bigint): BinaryFloat {
  if (num === 0n) return { mantissa: 0n, shift: 0n };
  const high = 1n << FLOAT_PRECISION;
  const scaled = (shift: bigint): [bigint, bigint] => (shift >= 0n ? [num << shift, den] : [num, den << -shift]);
  // num/den lies in [2^(bits(num)-bits(den)-1), 2^(bits(num)-bits(den)+1)): one step down at most.
  let shift = FLOAT_PRECISION - bitLength(num) + bitLength(den);
  let [n, d] = scaled(shift);
  if (n / d >= high) [n, d] = scaled(--shift);
  let mantissa = n / d;
  const twiceRemainder = 2n * (n - mantissa * d);
  if (twiceRemainder > d || (twiceRemainder === d && (mantissa & 1n) === 1n)) mantissa += 1n;
  return mantissa === high ? { mantissa: mantissa >> 1n, shift: shift - 1n } : { mantissa, shift };
}

function asFraction({ mantissa, shift }: BinaryFloat): [bigint, bigint] {
  return shift >= 0n ? [mantissa, 1n << shift] : [mantissa << -shift, 1n];
}

/** obol-stack's decimalToAtomic: parse, × 10^decimals and + 0.5 in 128-bit floats, then truncate. */
function floatAtomic(numerator: bigint, scale: number, decimals: number): bigint {
  const [pn, pd] = asFraction(toFloat(numerator, 10n ** BigInt(scale)));
  const [mn, md] = asFraction(toFloat(10n ** BigInt(decimals), 1n));
  const [xn, xd] = asFraction(toFloat(pn * mn, pd * md));
  const [yn, yd] = asFraction(toFloat(2n * xn + xd, 2n * xd));
  return yn / yd;
}

const NONE: EffectivePrice = { model: null, specValue: null, invalid: false, perRequest: '0', numerator: 0n, scale: 0 };

/**
 * The per-request charge for a `spec.payment.price` object (any JSON: a cluster may hold anything).
 * `tokensPerRequest` replaces obol's 1000 for a seller that declares its own estimate.
 */
export function effectivePrice(price: unknown, tokensPerRequest: number = APPROX_TOKENS_PER_REQUEST): EffectivePrice {
  if (price === null || typeof price !== 'object') return NONE;
  const fields = price as Record<string, unknown>;
  // Go's string zero value: an empty or absent field does not count.
  const model = PRECEDENCE.find((m) => fields[m] !== undefined && fields[m] !== null && fields[m] !== '');
  if (!model) return NONE;
  const raw = fields[model];
  const specValue = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const parsed = typeof raw === 'string' ? parse(raw) : typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? parse(String(raw)) : null;
  if (!parsed) return { ...NONE, model, specValue, invalid: true };
  if (model === 'perRequest') return { model, specValue, invalid: false, perRequest: format(parsed.numerator, parsed.scale), ...parsed };
  const tokens = BigInt(Math.max(1, Math.round(tokensPerRequest)));
  const [times, divisor] = model === 'perMTok' ? [tokens, 1_000_000n] : [BigInt(APPROX_MINUTES_PER_REQUEST), 60n];
  const numerator = roundHalfUp(parsed.numerator * times * 10n ** BigInt(DIVISION_PRECISION), 10n ** BigInt(parsed.scale) * divisor);
  return { model, specValue, invalid: false, perRequest: format(numerator, DIVISION_PRECISION), numerator, scale: DIVISION_PRECISION };
}

/** The atomic amount obol puts in the 402 for this price and token decimals. */
export function atomicCharge(price: EffectivePrice, decimals: number): bigint {
  return floatAtomic(price.numerator, price.scale, decimals);
}

/** `perMTok 0.5 ÷ 1000`: how the charge was derived, for messages. */
export function describePrice(price: EffectivePrice): string {
  switch (price.model) {
    case 'perRequest':
      return `perRequest ${price.specValue}`;
    case 'perMTok':
      return `perMTok ${price.specValue} ÷ ${APPROX_TOKENS_PER_REQUEST} tokens/request`;
    case 'perHour':
      return `perHour ${price.specValue} × ${APPROX_MINUTES_PER_REQUEST}/60 h/request`;
    default:
      return 'no price';
  }
}
