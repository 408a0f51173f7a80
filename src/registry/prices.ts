import { decimalToAtomic } from '../protocol/units.js';

/**
 * Prices a registration file advertises. The EIP defines no price field, so x402-probe reads
 * the places sellers use, in this order, the first that yields a price winning:
 *   1. the service entry that lists the endpoint: `price`, `pricing`, `x402.price`;
 *   2. the file: `pricing`, `price`, `x402.price`;
 *   3. the file's `metadata` (agent0 and obol-stack write one): `pricing`, `price`, `x402.price`.
 * A value is a decimal in the payment asset (`"0.001"`, `"$0.001"`, `"0.001 USDC"`, or a JSON
 * number), or an object with obol-stack's keys `perRequest`, `perMTok`, `perHour` (decimals), or
 * `{ amount, asset?, network? }` with an atomic amount. Pure.
 */

export type PriceModel = 'perRequest' | 'perMTok' | 'perHour' | 'atomic';

export interface AdvertisedPrice {
  /** Where it was found, e.g. `services.0.price.perMTok`. */
  path: string;
  model: PriceModel;
  /** A decimal in the asset's units, or atomic digits for `atomic`. */
  value: string;
  /** The asset the price names (address or symbol), when it names one. */
  asset?: string;
  network?: string;
}

export interface PriceAdvert {
  prices: AdvertisedPrice[];
  /** Price fields found but not readable (an unparseable value). */
  unreadable: { path: string; raw: unknown }[];
}

/** obol-stack charges per-MTok offers as if each request used this many tokens. */
export const OBOL_TOKENS_PER_REQUEST = 1000;
/** obol-stack charges per-hour offers as if each request took this many minutes. */
export const OBOL_MINUTES_PER_REQUEST = 5;

const DECIMAL_TEXT = /^\$?\s*([0-9]+(?:\.[0-9]+)?)\s*(?:usdc|usd)?$/i;
const FIELDS = ['price', 'pricing', 'x402.price'] as const;

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function decimalOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && !/e/i.test(String(value)) ? String(value) : null;
  if (typeof value !== 'string') return null;
  return DECIMAL_TEXT.exec(value.trim())?.[1] ?? null;
}

function readValue(raw: unknown, path: string, out: PriceAdvert): void {
  const decimal = decimalOf(raw);
  if (decimal !== null) {
    out.prices.push({ path, model: 'perRequest', value: decimal });
    return;
  }
  const record = asRecord(raw);
  if (!record) {
    out.unreadable.push({ path, raw });
    return;
  }
  const before = out.prices.length;
  for (const model of ['perRequest', 'perMTok', 'perHour'] as const) {
    if (!(model in record)) continue;
    const d = decimalOf(record[model]);
    if (d === null) out.unreadable.push({ path: `${path}.${model}`, raw: record[model] });
    else out.prices.push({ path: `${path}.${model}`, model, value: d });
  }
  if ('amount' in record) {
    const amount = typeof record.amount === 'string' && /^[0-9]+$/.test(record.amount) ? record.amount : null;
    if (amount === null) out.unreadable.push({ path: `${path}.amount`, raw: record.amount });
    else {
      const price: AdvertisedPrice = { path: `${path}.amount`, model: 'atomic', value: amount };
      if (typeof record.asset === 'string') price.asset = record.asset;
      if (typeof record.network === 'string') price.network = record.network;
      out.prices.push(price);
    }
  }
  if ('price' in record && out.prices.length === before) readValue(record.price, `${path}.price`, out);
  if (out.prices.length === before && !out.unreadable.some((u) => u.path.startsWith(path))) out.unreadable.push({ path, raw });
}

function readPlace(holder: Record<string, unknown> | null, prefix: string): PriceAdvert {
  const out: PriceAdvert = { prices: [], unreadable: [] };
  if (!holder) return out;
  for (const field of FIELDS) {
    const [head, tail] = field.split('.');
    const raw = tail ? asRecord(holder[head])?.[tail] : holder[head];
    if (raw === undefined || raw === null) continue;
    readValue(raw, `${prefix}${field}`, out);
    if (out.prices.length > 0) return out;
  }
  return out;
}

/** The prices a registration file advertises for one service (by index into the services list), or for the file. */
export function advertisedPrices(document: Record<string, unknown>, service: { index: number; raw: Record<string, unknown>; field: string } | null): PriceAdvert {
  const places: Array<[Record<string, unknown> | null, string]> = [
    [service?.raw ?? null, service ? `${service.field}.${service.index}.` : ''],
    [document, ''],
    [asRecord(document.metadata), 'metadata.'],
  ];
  const unreadable: PriceAdvert['unreadable'] = [];
  for (const [holder, prefix] of places) {
    const found = readPlace(holder, prefix);
    unreadable.push(...found.unreadable);
    if (found.prices.length > 0) return { prices: found.prices, unreadable };
  }
  return { prices: [], unreadable };
}

/** Divide and round half up (obol-stack rounds to nearest). */
function roundDiv(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (2n * d);
}

/**
 * The per-request atomic amount an advertised price implies for an asset with `decimals`, using
 * obol-stack's approximations for per-MTok (`tokensPerRequest`, 1000 by default) and per-hour
 * (5 minutes a request). Null when the value cannot be expressed.
 */
export function perRequestAtomic(price: AdvertisedPrice, decimals: number, tokensPerRequest: number = OBOL_TOKENS_PER_REQUEST): bigint | null {
  if (price.model === 'atomic') return BigInt(price.value);
  const extra = 12;
  const scaled = decimalToAtomic(price.value, decimals + extra);
  if (scaled === null) return null;
  const unit = 10n ** BigInt(extra);
  if (price.model === 'perRequest') return roundDiv(scaled, unit);
  if (price.model === 'perMTok') return roundDiv(scaled * BigInt(Math.max(1, Math.round(tokensPerRequest))), unit * 1_000_000n);
  return roundDiv(scaled * BigInt(OBOL_MINUTES_PER_REQUEST), unit * 60n);
}
