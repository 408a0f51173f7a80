import type { RequirementView } from '../../artifacts/index.js';
import { sameAddress } from '../../protocol/addresses.js';
import { findKnownAsset } from '../../protocol/assets.js';
import { challengeFor, readDiscovery, type DiscoveryEntry, type StatedPrice } from '../../protocol/discovery.js';
import { sameNetwork } from '../../protocol/networks.js';
import { atomicToDecimal, decimalToAtomic, isAtomicString } from '../../protocol/units.js';
import { fail, pass, show, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'discovery.agrees',
  title: 'Each discovery entry agrees with the 402 it describes',
  severity: 'error',
  specRef: 'https://github.com/Merit-Systems/x402scan/blob/main/docs/DISCOVERY.md#c-openapi-first-discovery-recommended',
  fix: 'Generate the discovery documents from the same route configuration as the 402, so the path, price, payTo and network they state are the ones charged.',
  requires: ['target', 'discovery'],
  messages: {
    agrees: '{pointer} ({method} {path}) agrees with its 402 on {fields}.',
    noEntries: 'No discovery document describes a resource.',
    notRequested: '{pointer}: its resource was not requested ({reason}).',
    no402: '{pointer}: its resource gave no challenge to compare (see discovery.listed-402).',
    noUsdAsset: '{pointer} states a USD price, but the 402 charges in no USD stablecoin x402-probe knows.',
    mismatch: '{pointer} ({document}) states {field} {stated}, but the 402 asks {charged}: buyers who chose this seller from its listing pay something else.',
  },
} as const satisfies CheckMeta;

/** Stablecoins whose unit is one US dollar: what an x-payment-info USD price is compared with. */
const USD_STABLECOINS = new Set(['USDC', 'USDT', 'USDBC', 'DAI', 'PYUSD', 'USDG']);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Null when the stated price matches some requirement; else what the 402 asks; `noUsd` when nothing compares. */
function priceMismatch(price: StatedPrice, requirements: readonly RequirementView[], network: string | null): string | null | 'noUsd' {
  const charged: string[] = [];
  let compared = false;
  for (const r of requirements) {
    if (!isAtomicString(r.amount) || (network && !sameNetwork(network, str(r.network)))) continue;
    if (price.kind === 'atomic') {
      compared = true;
      if (r.amount === price.value) return null;
      charged.push(`${r.amount} atomic units`);
      continue;
    }
    const known = findKnownAsset(str(r.network), str(r.asset));
    if (!known || !USD_STABLECOINS.has(known.symbol.toUpperCase())) continue;
    compared = true;
    const amount = BigInt(r.amount);
    const min = decimalToAtomic(price.kind === 'usd' ? price.value : price.min, known.decimals);
    const max = price.kind === 'usd' ? min : decimalToAtomic(price.max, known.decimals);
    if (min !== null && max !== null && amount >= min && amount <= max) return null;
    charged.push(`${atomicToDecimal(amount, known.decimals)} ${known.symbol}`);
  }
  return compared ? charged.join(' or ') : 'noUsd';
}

function describePrice(p: StatedPrice): string {
  return p.kind === 'usd' ? `$${p.value}` : p.kind === 'usd-range' ? `$${p.min}–$${p.max}` : `${p.value} atomic units`;
}

function judge(e: DiscoveryEntry, requirements: readonly RequirementView[], resourceUrl: unknown): CheckOutcome {
  const base = { pointer: e.pointer, document: e.documentUrl };
  const entryPath = new URL(e.url!).pathname;
  if (typeof resourceUrl === 'string') {
    let path: string | null = null;
    try {
      path = new URL(resourceUrl, e.url!).pathname;
    } catch {
      path = null;
    }
    if (path !== null && path.replace(/\/+$/, '') !== entryPath.replace(/\/+$/, '')) return fail(meta, 'mismatch', { ...base, field: 'path', stated: entryPath, charged: `a payment for ${path}` }, `402 resource.url = ${show(resourceUrl)}`);
  }
  const fields = ['method', 'path'];
  if (e.network) {
    if (!requirements.some((r) => sameNetwork(e.network!, str(r.network)))) return fail(meta, 'mismatch', { ...base, field: 'network', stated: e.network, charged: requirements.map((r) => show(r.network)).join(' or ') });
    fields.push('network');
  }
  if (e.payTo) {
    if (!requirements.some((r) => sameAddress(e.payTo, r.payTo))) return fail(meta, 'mismatch', { ...base, field: 'payTo', stated: e.payTo, charged: `payment to ${requirements.map((r) => show(r.payTo)).join(' or ')}` });
    fields.push('payTo');
  }
  if (e.price) {
    const wrong = priceMismatch(e.price, requirements, e.network);
    if (wrong === 'noUsd') return skip(meta, 'noUsdAsset', base);
    if (wrong !== null) return fail(meta, 'mismatch', { ...base, field: 'price', stated: describePrice(e.price), charged: wrong }, `${e.pointer} price = ${show(e.priceRaw)}`);
    fields.push('price');
  }
  return pass(meta, 'agrees', { pointer: e.pointer, method: e.method ?? 'any method', path: entryPath, fields: fields.join(', ') });
}

export function check(artifacts: CheckInput<typeof meta>): CheckOutcome[] {
  const { entries } = readDiscovery(artifacts.discovery.documents, artifacts.discovery.origin);
  if (entries.length === 0) return [skip(meta, 'noEntries')];
  return entries.map((e) => {
    if (e.url === null) return skip(meta, 'notRequested', { pointer: e.pointer, reason: 'its URL is unusable' });
    const found = challengeFor(e, artifacts);
    if (!found) return skip(meta, 'notRequested', { pointer: e.pointer, reason: artifacts.discovery.notProbed.find((n) => n.url === e.url)?.reason ?? 'not listed on this origin' });
    if (found.status !== 402 || !found.challenge?.x402Version || found.challenge.requirements.length === 0) return skip(meta, 'no402', { pointer: e.pointer });
    return judge(e, found.challenge.requirements, found.challenge.requirements[0].resource);
  });
}
