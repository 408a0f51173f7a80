/**
 * What a ServiceOffer's `spec.payment` says the 402 must ask for: the per-request amount (as
 * obol charges it), payTo, the network as CAIP-2, and the asset (the spec's, else the chain's
 * USDC). Pure: the offer checks and the `offer` command share it.
 */
import { isWellFormedAddress } from '../protocol/addresses.js';
import { knownAssetsOn } from '../protocol/assets.js';
import { resolveNetwork } from '../protocol/networks.js';
import { atomicToDecimal } from '../protocol/units.js';
import { atomicCharge, type EffectivePrice, effectivePrice } from './pricing.js';

export interface OfferExpectations {
  price: EffectivePrice;
  /** Atomic amount the 402 must carry (decimal string), or null when it cannot be derived. */
  amount: string | null;
  /** Token decimals used for `amount`. */
  decimals: number | null;
  /** `amount` as a decimal in the token's units (what `--expect-price` takes). */
  priceDecimal: string | null;
  /** `spec.payment.payTo` when it is a 20-byte hex address. */
  payTo: string | null;
  /** `spec.payment.network` as written, and as CAIP-2 when known. */
  network: string | null;
  caip2: string | null;
  /** The asset the 402 must name: the spec's `asset.address`, else the chain's USDC. */
  asset: string | null;
  assetSource: 'spec' | 'chain-usdc' | null;
  symbol: string | null;
  /** What in the spec stops a field from being derived, one line each. */
  problems: string[];
}

function field(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined;
}

export function offerExpectations(payment: unknown): OfferExpectations {
  const problems: string[] = [];
  const price = effectivePrice(field(payment, 'price'));
  if (price.model === null) problems.push('spec.payment.price sets none of perRequest, perMTok, perHour');
  else if (price.invalid) problems.push(`spec.payment.price.${price.model} ${JSON.stringify(price.specValue)} is not a decimal (obol then charges 0)`);

  const rawPayTo = field(payment, 'payTo');
  const payTo = isWellFormedAddress(rawPayTo) ? rawPayTo : null;
  if (!payTo) problems.push(rawPayTo === undefined ? 'spec.payment.payTo is not set' : `spec.payment.payTo ${JSON.stringify(rawPayTo)} is not an address`);

  const rawNetwork = field(payment, 'network');
  const network = typeof rawNetwork === 'string' && rawNetwork.trim() !== '' ? rawNetwork.trim() : null;
  const caip2 = network ? (resolveNetwork(network)?.caip2 ?? null) : null;
  if (!network) problems.push('spec.payment.network is not set');
  else if (!caip2) problems.push(`spec.payment.network ${JSON.stringify(network)} is not a network obol knows`);

  const specAsset = field(payment, 'asset');
  const specAddress = field(specAsset, 'address');
  const usdc = caip2 ? (knownAssetsOn(caip2).find((a) => a.symbol === 'USDC') ?? null) : null;
  let asset: string | null = null;
  let assetSource: OfferExpectations['assetSource'] = null;
  let symbol: string | null = null;
  let decimals: number | null = null;
  if (isWellFormedAddress(specAddress)) {
    asset = specAddress;
    assetSource = 'spec';
    const d = field(specAsset, 'decimals');
    const known = caip2 ? knownAssetsOn(caip2).find((a) => a.address.toLowerCase() === specAddress.toLowerCase()) : undefined;
    decimals = typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 36 ? d : (known?.decimals ?? null);
    const s = field(specAsset, 'symbol');
    symbol = typeof s === 'string' ? s : (known?.symbol ?? null);
    if (decimals === null) problems.push('spec.payment.asset has no decimals and is not a known token');
  } else if (specAsset !== undefined && specAsset !== null) {
    problems.push(`spec.payment.asset.address ${JSON.stringify(specAddress)} is not an address`);
  } else if (usdc) {
    asset = usdc.address;
    assetSource = 'chain-usdc';
    symbol = usdc.symbol;
    decimals = usdc.decimals;
  } else if (caip2) {
    problems.push(`no USDC is known on ${caip2} and spec.payment.asset is not set`);
  }

  const amount = decimals !== null && price.model !== null && !price.invalid ? atomicCharge(price, decimals) : null;
  return {
    price,
    amount: amount === null ? null : amount.toString(),
    decimals,
    priceDecimal: amount === null || decimals === null ? null : atomicToDecimal(amount, decimals),
    payTo,
    network,
    caip2,
    asset,
    assetSource,
    symbol,
    problems,
  };
}
