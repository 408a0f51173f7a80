import { atomicCharge, effectivePrice, type PriceModel as ObolPriceModel } from '../obol/pricing.js';

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

export type PriceModel = ObolPriceModel | 'atomic';

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

/**
 * The per-request atomic amount an advertised price implies for an asset with `decimals`, by
 * obol-stack's rule (`obol/pricing.ts`); `tokensPerRequest` replaces its 1000 tokens a request
 * when the 402 declares its own. Null when the value cannot be read as a price.
 */
export function perRequestAtomic(price: AdvertisedPrice, decimals: number, tokensPerRequest?: number): bigint | null {
  if (price.model === 'atomic') return BigInt(price.value);
  const effective = effectivePrice({ [price.model]: price.value }, tokensPerRequest);
  return effective.invalid ? null : atomicCharge(effective, decimals);
}
