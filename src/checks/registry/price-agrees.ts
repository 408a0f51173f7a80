import type { Artifacts } from '../../artifacts/index.js';
import { findKnownAsset } from '../../protocol/assets.js';
import { sameAddress } from '../../protocol/addresses.js';
import { sameNetwork } from '../../protocol/networks.js';
import { atomicToDecimal, isAtomicString } from '../../protocol/units.js';
import { matchService } from '../../registry/endpoints.js';
import { advertisedPrices, perRequestAtomic, type AdvertisedPrice } from '../../registry/prices.js';
import { readRegistration } from '../../registry/validateRegistrationFile.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.price-agrees',
  title: 'The price the registration advertises is the price the 402 asks',
  severity: 'error',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#agent-uri-and-agent-registration-file',
  fix: 'Make the advertised price (services[].price, pricing or metadata.x402.price) and the 402\'s amount the same, then update the agentURI.',
  requires: ['target', 'challenge', 'registryFile'],
  messages: {
    agrees: '{path} advertises {advertised}; the 402 asks {charged} {symbol}.',
    noDocument: 'There is no registration object to read (see registry.file-schema).',
    noPrice: 'The registration advertises no price; nothing to compare.',
    unreadable: '{path} holds a price x402-probe cannot read ({value}).',
    noRequirements: 'The challenge has no amount to compare.',
    unknownAsset: 'The 402\'s asset has no known decimals, so the advertised price cannot be converted.',
    mismatch: '{path} advertises {advertised}, but the 402 asks {charged} {symbol}: buyers who chose this seller on price pay something else.',
  },
} as const satisfies CheckMeta;

/** obol-stack's order: a per-request price wins over per-MTok, which wins over per-hour. */
const PRECEDENCE: AdvertisedPrice['model'][] = ['perRequest', 'atomic', 'perMTok', 'perHour'];

function describePrice(p: AdvertisedPrice): string {
  return p.model === 'atomic' ? `${p.value} atomic units` : p.model === 'perRequest' ? p.value : `${p.value} ${p.model}`;
}

function tokensPerRequest(extra: unknown): number | undefined {
  const n = extra && typeof extra === 'object' ? (extra as Record<string, unknown>).approxTokensPerRequest : undefined;
  return typeof n === 'number' && n > 0 ? n : undefined;
}

export function check({ target, challenge, registryFile, tokenInfo }: CheckInput<typeof meta>): CheckOutcome {
  const v = readRegistration(registryFile);
  if (!v?.document) return skip(meta, 'noDocument');
  const match = matchService(v.services, target.url);
  const service = match ? { index: match.service.index, raw: match.service.raw, field: v.servicesField ?? 'services' } : null;
  const advert = advertisedPrices(v.document, service);
  if (advert.prices.length === 0) {
    const bad = advert.unreadable[0];
    return bad ? warn(meta, 'unreadable', { path: bad.path, value: show(bad.raw) }) : skip(meta, 'noPrice');
  }
  const price = [...advert.prices].sort((x, y) => PRECEDENCE.indexOf(x.model) - PRECEDENCE.indexOf(y.model))[0];
  const requirements = challenge.requirements.filter((r) => isAtomicString(r.amount));
  if (requirements.length === 0) return skip(meta, 'noRequirements');
  let firstCompared: { charged: string; symbol: string; index: number } | null = null;
  for (const r of requirements) {
    const network = typeof r.network === 'string' ? r.network : '';
    const asset = typeof r.asset === 'string' ? r.asset : '';
    const known = findKnownAsset(network, asset);
    const decimals = known?.decimals ?? (tokenInfo && sameAddress(tokenInfo.asset, asset) ? tokenInfo.decimals : null);
    if (decimals === null || decimals === undefined) continue;
    if (price.asset && !sameAddress(price.asset, asset) && price.asset.toUpperCase() !== known?.symbol.toUpperCase()) continue;
    if (price.network && !sameNetwork(price.network, network)) continue;
    const expected = perRequestAtomic(price, decimals, tokensPerRequest(r.extra));
    const symbol = known?.symbol ?? 'units';
    const charged = atomicToDecimal(r.amount as string, decimals);
    if (expected !== null && expected === BigInt(r.amount as string)) {
      return pass(meta, 'agrees', { path: price.path, advertised: describePrice(price), charged, symbol });
    }
    firstCompared ??= { charged, symbol, index: r.index };
  }
  if (!firstCompared) return skip(meta, 'unknownAsset');
  const evidence = `${price.path} = ${price.value} (${price.model}); accepts[${firstCompared.index}].amount = ${show(requirements.find((r) => r.index === firstCompared!.index)?.amount)}`;
  return fail(meta, 'mismatch', { path: price.path, advertised: describePrice(price), charged: firstCompared.charged, symbol: firstCompared.symbol }, evidence);
}
