/**
 * What obol's x402 gate charges per request for a ServiceOffer price (reference §3), computed
 * exactly as obol-stack does: `perRequest` as given, else `perMTok ÷ 1000`
 * (ApproxTokensPerRequest), else `perHour × 5 ÷ 60` (ApproxMinutesPerRequest); the division
 * rounds half away from zero at 16 decimal places (shopspring/decimal's DivisionPrecision), and
 * the decimal becomes atomic units rounded half up (`+ 0.5`, then truncate). Pure: no I/O.
 */

export type PriceModel = 'perRequest' | 'perMTok' | 'perHour';

/** Tokens a per-MTok price is charged for on each request. */
export const APPROX_TOKENS_PER_REQUEST = 1000n;
/** Minutes a per-hour price is charged for on each request. */
export const APPROX_MINUTES_PER_REQUEST = 5n;
/** shopspring/decimal's default division precision, in decimal places. */
const DIVISION_PRECISION = 16;

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

/** Round num/den half away from zero (both non-negative). */
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

const NONE: EffectivePrice = { model: null, specValue: null, invalid: false, perRequest: '0', numerator: 0n, scale: 0 };

/** The per-request charge for a `spec.payment.price` object (any JSON: a cluster may hold anything). */
export function effectivePrice(price: unknown): EffectivePrice {
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
  const [times, divisor] = model === 'perMTok' ? [1n, APPROX_TOKENS_PER_REQUEST] : [APPROX_MINUTES_PER_REQUEST, 60n];
  const numerator = roundHalfUp(parsed.numerator * times * 10n ** BigInt(DIVISION_PRECISION), 10n ** BigInt(parsed.scale) * divisor);
  return { model, specValue, invalid: false, perRequest: format(numerator, DIVISION_PRECISION), numerator, scale: DIVISION_PRECISION };
}

/** The atomic amount obol puts in the 402 for this price and token decimals (`+ 0.5`, truncate). */
export function atomicCharge(price: EffectivePrice, decimals: number): bigint {
  return roundHalfUp(price.numerator * 10n ** BigInt(decimals), 10n ** BigInt(price.scale));
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
