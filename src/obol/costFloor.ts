/**
 * The seller's cost floor: what serving one request costs this machine in energy, from a measured
 * generation rate, the machine's draw and the energy price. Pure and exact: every input is a
 * rational (decimal strings, integer tokens and nanoseconds), the result is rounded up to the
 * atomic unit, so no input gives NaN, Infinity or a floor below the cost. 1 USDC is taken as 1 USD.
 */

/** Defaults shown beside every floor: a desktop with one GPU under load, a typical household tariff. */
export const DEFAULT_WATTS = '300';
export const DEFAULT_ENERGY_PRICE = '0.20';
/** obol's own assumption for per-MTok prices (pricing.ts APPROX_TOKENS_PER_REQUEST). */
export const DEFAULT_TOKENS_PER_REQUEST = 1000;
/** USDC decimals: the floor is rounded up to one atomic unit. */
const DECIMALS = 6;

export interface CostFloorParameters {
  /** Tokens generated in the measured run (a positive integer). */
  tokens: number;
  /** How long generating them took, in nanoseconds (a positive integer). */
  durationNs: number;
  /** The machine's draw while generating, in watts (a non-negative decimal string). */
  watts: string;
  /** USD per kWh (a non-negative decimal string). */
  energyPrice: string;
  /** Tokens a request is costed at (a positive integer). */
  tokensPerRequest: number;
}

export interface CostFloor {
  tokensPerSecond: number;
  watts: string;
  energyPrice: string;
  tokensPerRequest: number;
  /** Seconds of generation one request takes at the measured rate. */
  secondsPerRequest: number;
  /** The energy cost of one request in USDC, rounded up to 0.000001. */
  perRequest: string;
  perRequestAtomic: string;
  /** The energy cost of one million tokens in USDC, rounded up to 0.000001. */
  perMTok: string;
}

const DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;

/** A non-negative decimal string as numerator / denominator, or null. */
export function parseRational(text: string): { num: bigint; den: bigint } | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  return { num: BigInt(match[1] + fraction), den: 10n ** BigInt(fraction.length) };
}

const ceilDiv = (num: bigint, den: bigint) => (num + den - 1n) / den;

function decimalOf(atomic: bigint): string {
  const digits = atomic.toString().padStart(DECIMALS + 1, '0');
  const fraction = digits.slice(-DECIMALS).replace(/0+$/, '');
  return fraction ? `${digits.slice(0, -DECIMALS)}.${fraction}` : digits.slice(0, -DECIMALS);
}

export class CostFloorInputError extends RangeError {
  override name = 'CostFloorInputError';
}

function positiveInteger(what: string, value: number): bigint {
  if (!Number.isSafeInteger(value) || value <= 0) throw new CostFloorInputError(`${what} must be a positive integer, got ${value}`);
  return BigInt(value);
}

/** The floor, or a CostFloorInputError for inputs no measurement or flag parser should let through. */
export function costFloor(params: CostFloorParameters): CostFloor {
  const tokens = positiveInteger('tokens', params.tokens);
  const duration = positiveInteger('durationNs', params.durationNs);
  const perRequestTokens = positiveInteger('tokensPerRequest', params.tokensPerRequest);
  const watts = parseRational(params.watts);
  const price = parseRational(params.energyPrice);
  if (!watts) throw new CostFloorInputError(`watts must be a non-negative decimal, got ${params.watts}`);
  if (!price) throw new CostFloorInputError(`energy price must be a non-negative decimal, got ${params.energyPrice}`);
  // USD per token = W × (ns/token ÷ 1e9) s ÷ 3.6e6 J/kWh × USD/kWh; scaled to atomic units (1e6).
  const perTokenNum = watts.num * price.num * duration * 10n ** BigInt(DECIMALS);
  const perTokenDen = watts.den * price.den * tokens * 1_000_000_000n * 3_600_000n;
  const perRequestAtomic = ceilDiv(perTokenNum * perRequestTokens, perTokenDen);
  const perMTokAtomic = ceilDiv(perTokenNum * 1_000_000n, perTokenDen);
  const tokensPerSecond = (params.tokens * 1e9) / params.durationNs;
  return {
    tokensPerSecond: Math.round(tokensPerSecond * 100) / 100,
    watts: params.watts.trim(),
    energyPrice: params.energyPrice.trim(),
    tokensPerRequest: params.tokensPerRequest,
    secondsPerRequest: Math.round((params.tokensPerRequest / tokensPerSecond) * 1000) / 1000,
    perRequest: decimalOf(perRequestAtomic),
    perRequestAtomic: perRequestAtomic.toString(),
    perMTok: decimalOf(perMTokAtomic),
  };
}

/** `a < b` for non-negative decimal strings (exact). */
export function decimalBelow(a: string, b: string): boolean {
  const x = parseRational(a);
  const y = parseRational(b);
  return x !== null && y !== null && x.num * y.den < y.num * x.den;
}

/** The larger of two non-negative decimal strings. */
export function decimalMax(a: string, b: string): string {
  return decimalBelow(a, b) ? b : a;
}

/** The midpoint of two non-negative decimal strings, exact. */
export function decimalMidpoint(a: string, b: string): string {
  const x = parseRational(a);
  const y = parseRational(b);
  if (!x || !y) throw new CostFloorInputError(`not decimals: ${a}, ${b}`);
  // (x + y) / 2 = (x.num·y.den + y.num·x.den) · 5 / (x.den · y.den · 10), all powers of ten.
  const scale = (x.den * y.den * 10n).toString().length - 1;
  const digits = ((x.num * y.den + y.num * x.den) * 5n).toString().padStart(scale + 1, '0');
  const fraction = digits.slice(-scale).replace(/0+$/, '');
  return fraction ? `${digits.slice(0, -scale)}.${fraction}` : digits.slice(0, -scale);
}
