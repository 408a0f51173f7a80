import type { Artifacts, RequirementView } from '../../artifacts/index.js';
import { offerExpectations } from '../../obol/expectations.js';
import { atomicCharge, describePrice, effectivePrice } from '../../obol/pricing.js';
import { sameNetwork } from '../../protocol/networks.js';
import { fail, pass, show, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'offer.spec-agrees',
  title: "The 402's price, payTo, network and asset equal the ServiceOffer's spec.payment",
  severity: 'error',
  specRef: 'https://github.com/ObolNetwork/obol-stack/blob/main/internal/schemas/payment.go',
  fix: 'Make the gate serve the offer it was given: re-apply the spec (obol sell update), check the x402-pricing routes and restart the x402-verifier if they are stale.',
  requires: ['offer', 'challenge'],
  messages: {
    agrees: 'The 402 asks {price} {symbol} ({amount} atomic, from {derivation}) on {caip2} to {payTo}, as spec.payment says.',
    noOffer: 'No ServiceOffer was read, so there is no spec to compare.',
    specIncomplete: 'spec.payment cannot be turned into a charge to compare: {problems}.',
    noRequirements: 'The endpoint sent no payment requirements, so it does not charge what spec.payment says ({amount} atomic on {caip2} to {payTo}).',
    networkMismatch: "No requirement is on the spec's network {network} ({caip2}); the 402 offers {offered}.",
    payToMismatch: 'The 402 pays {offered} on {caip2}, but spec.payment.payTo is {payTo}: buyers would pay someone else.',
    assetMismatch: "The 402 asks for asset {offered} on {caip2}, but the spec's asset is {asset} ({symbol}, {source}).",
    priceMismatch: 'The 402 asks {offered} atomic units on {caip2}, but spec.payment.price ({derivation}) charges {amount} ({price} {symbol}){hint}.',
  },
} as const satisfies CheckMeta;

type Mismatch = 'payToMismatch' | 'assetMismatch' | 'priceMismatch';

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : null);

/** What the requirement gets wrong, in the order a buyer would care about. */
function mismatches(r: RequirementView, payTo: string, asset: string | null, amount: string): Mismatch[] {
  const out: Mismatch[] = [];
  if (lower(r.payTo) !== payTo.toLowerCase()) out.push('payToMismatch');
  if (asset !== null && lower(r.asset) !== asset.toLowerCase()) out.push('assetMismatch');
  if (typeof r.amount !== 'string' || !/^[0-9]+$/.test(r.amount) || BigInt(r.amount) !== BigInt(amount)) out.push('priceMismatch');
  return out;
}

/** Why an advertised amount is wrong, when it matches a known misreading of the spec. */
function hintFor(offered: unknown, price: unknown, decimals: number): string {
  if (typeof offered !== 'string' || !/^[0-9]+$/.test(offered)) return '';
  const fields = (price ?? {}) as Record<string, unknown>;
  const asIs = (field: 'perHour' | 'perMTok') => (typeof fields[field] === 'string' ? atomicCharge(effectivePrice({ perRequest: fields[field] }), decimals).toString() : null);
  if (fields.perRequest === undefined && fields.perMTok === undefined && asIs('perHour') === offered) return " — perHour charged unchanged, as obol-stack's Python reconciler does";
  if (fields.perRequest === undefined && asIs('perMTok') === offered) return ' — perMTok charged as a per-request price, without the ÷1000';
  return '';
}

export function check({ offer, challenge }: Pick<Artifacts, 'offer' | 'challenge'>): CheckOutcome {
  if (!offer.found) return skip(meta, 'noOffer');
  const e = offerExpectations(offer.payment);
  if (e.amount === null || e.payTo === null || e.caip2 === null || e.decimals === null) {
    return fail(meta, 'specIncomplete', { problems: e.problems.join('; ') || 'unknown' }, `spec.payment = ${show(offer.payment)}`);
  }
  const data = {
    amount: e.amount,
    price: e.priceDecimal,
    symbol: e.symbol ?? 'units',
    derivation: describePrice(e.price),
    caip2: e.caip2,
    network: e.network,
    payTo: e.payTo,
    asset: e.asset,
    source: e.assetSource === 'spec' ? 'spec.payment.asset' : "the chain's USDC",
  };
  const requirements = challenge.requirements;
  if (requirements.length === 0) return fail(meta, 'noRequirements', data, `challenge status ${challenge.status}, source ${challenge.source ?? 'none'}`);
  const onNetwork = requirements.filter((r) => typeof r.network === 'string' && sameNetwork(r.network, e.caip2!));
  const evidenceOf = (r: RequirementView) => `accepts[${r.index}]: network ${show(r.network)}, amount ${show(r.amount)}, asset ${show(r.asset)}, payTo ${show(r.payTo)}`;
  if (onNetwork.length === 0) {
    const offered = [...new Set(requirements.map((r) => show(r.network)))].join(', ');
    return fail(meta, 'networkMismatch', { ...data, offered }, requirements.map(evidenceOf).join('; '));
  }
  const ranked = onNetwork.map((r) => ({ r, wrong: mismatches(r, e.payTo!, e.asset, e.amount!) })).sort((a, b) => a.wrong.length - b.wrong.length);
  const best = ranked[0];
  if (best.wrong.length === 0) return pass(meta, 'agrees', data);
  const first = best.wrong[0];
  const r = best.r;
  const offered = first === 'payToMismatch' ? show(r.payTo) : first === 'assetMismatch' ? show(r.asset) : show(r.amount);
  const hint = first === 'priceMismatch' ? hintFor(r.amount, (offer.payment as { price?: unknown } | null)?.price, e.decimals) : '';
  return fail(meta, first, { ...data, offered, hint }, evidenceOf(r));
}
