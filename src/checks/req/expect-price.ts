import type { Artifacts, RequirementView, TargetArtifact, TokenInfo } from '../../artifacts/index.js';
import { sameAddress } from '../../protocol/addresses.js';
import { findKnownAsset } from '../../protocol/assets.js';
import { evmChainId, sameNetwork } from '../../protocol/networks.js';
import { atomicToDecimal, decimalToAtomic, fractionDigits, isAtomicString } from '../../protocol/units.js';
import { fail, pass, show, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.expect-price',
  title: 'A requirement charges exactly the expected price (--expect-price)',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/issues/3510',
  fix: 'Convert the price to atomic units once, with the token\'s decimals (USDC has 6: $0.01 is "10000"), and advertise that amount.',
  requires: ['challenge', 'target'],
  messages: {
    ok: 'Requirement #{index} charges {price} {symbol} ({amount} atomic), as expected.',
    noExpectation: 'No --expect-price given.',
    none: 'The challenge has no requirements to check.',
    badExpectation: 'The expected price {price} is not a plain decimal number.',
    noneOnNetwork: 'No requirement is on the expected network {network}, so the price could not be compared.',
    unknownDecimals: 'The expected price {price} could not be compared: the token\'s decimals are unknown for {unknown}; pass --rpc for the payment\'s chain to read them from the token, or name them with --expect-asset <address>:<decimals>.',
    tooPrecise: 'The expected price {price} has {digits} fractional digits, more than the {decimals} the token has; no amount can charge it exactly.',
    scaled: 'Requirement #{index} charges {actual} {symbol}, {factor} the expected {price}: decimals confused or the amount scaled twice.',
    decimalAmount: 'Requirement #{index} writes its amount as the decimal {amount}, but amounts are atomic units: {price} {symbol} = {expected} atomic expected; the seller\'s {amount} is {asTokens} {symbol}.',
    mismatch: 'No requirement charges the expected {price}{onNetwork} ({expected}); advertised: {prices}.',
  },
} as const satisfies CheckMeta;

interface Priced {
  r: RequirementView;
  decimals: number | null;
  symbol: string;
}

/** Decimals from the asset's own chain (known table, same-chain read), else the user's --expect-asset. */
function priced(r: RequirementView, token: TokenInfo | undefined, expect: TargetArtifact['expect']): Priced {
  const known = typeof r.network === 'string' && typeof r.asset === 'string' ? findKnownAsset(r.network, r.asset) : null;
  if (known) return { r, decimals: known.decimals, symbol: known.symbol };
  const read = token && token.error === null && token.decimals !== null && sameAddress(token.asset, r.asset) && token.chainId === evmChainId(r.network);
  if (read) return { r, decimals: token.decimals, symbol: 'tokens' };
  const stated = expect.assetDecimals !== undefined && sameAddress(expect.asset, r.asset) ? expect.assetDecimals : null;
  return { r, decimals: stated, symbol: 'tokens' };
}

function advertisedPrice({ r, decimals, symbol }: Priced): string {
  const field = `accepts[${r.index}].${r.amountField ?? 'amount'} = ${show(r.amount)}`;
  if (decimals === null) return `${field} (decimals unknown, on ${show(r.network)})`;
  return isAtomicString(r.amount) ? `${field} (${atomicToDecimal(r.amount, decimals)} ${symbol} on ${show(r.network)})` : field;
}

/** What a decimal written where atomic units belong is worth: `"0.01"`, 6 → `"0.00000001"`. */
function decimalAmountInTokens(amount: string, decimals: number): string | null {
  const match = /^([0-9]+)\.([0-9]+)$/.exec(amount);
  return match ? atomicToDecimal(BigInt(match[1] + match[2]), decimals + match[2].length) : null;
}

/** "10×" or "1/1000×" when the two amounts differ by a power of ten, else null. */
function powerOfTenFactor(actual: bigint, expected: bigint): string | null {
  if (actual === 0n || expected === 0n || actual === expected) return null;
  const [big, small] = actual > expected ? [actual, expected] : [expected, actual];
  if (big % small !== 0n || !/^10+$/.test((big / small).toString())) return null;
  const power = (big / small).toString();
  return actual > expected ? `${power}×` : `1/${power} of`;
}

export function check({ challenge, target, tokenInfo }: Pick<Artifacts, 'challenge' | 'target'> & Partial<Pick<Artifacts, 'tokenInfo'>>): CheckOutcome | CheckOutcome[] {
  const price = target.expect.price;
  if (price === undefined) return skip(meta, 'noExpectation');
  const requirements = challenge.requirements;
  if (requirements.length === 0) return skip(meta, 'none');
  const all = requirements.map((r) => priced(r, tokenInfo, target.expect));
  const advertised = all.map(advertisedPrice).join('; ');
  const digits = fractionDigits(price);
  if (digits === null) return fail(meta, 'badExpectation', { price: show(price) }, `--expect-price ${price}`);
  const wanted = target.expect.network;
  const candidates = wanted ? all.filter((p) => typeof p.r.network === 'string' && sameNetwork(p.r.network, wanted)) : all;
  if (candidates.length === 0) return fail(meta, 'noneOnNetwork', { network: wanted }, advertised);
  const findings: CheckOutcome[] = [];
  const unknown: string[] = [];
  for (const p of candidates) {
    if (p.decimals === null) {
      unknown.push(`#${p.r.index} (${show(p.r.asset)})`);
      continue;
    }
    const expected = decimalToAtomic(price, p.decimals);
    if (expected === null) {
      findings.push(fail(meta, 'tooPrecise', { price, digits, decimals: p.decimals }, advertised));
      continue;
    }
    if (!isAtomicString(p.r.amount)) {
      const asTokens = typeof p.r.amount === 'string' ? decimalAmountInTokens(p.r.amount, p.decimals) : null;
      if (asTokens !== null) findings.push(fail(meta, 'decimalAmount', { index: p.r.index, amount: show(p.r.amount), price, symbol: p.symbol, expected: expected.toString(), asTokens }, advertised));
      continue;
    }
    const actual = BigInt(p.r.amount);
    if (actual === expected) return pass(meta, 'ok', { index: p.r.index, price, symbol: p.symbol, amount: p.r.amount }, advertisedPrice(p));
    const factor = powerOfTenFactor(actual, expected);
    if (factor) findings.push(fail(meta, 'scaled', { index: p.r.index, actual: atomicToDecimal(actual, p.decimals), symbol: p.symbol, factor, price }, advertised));
  }
  // The expectation itself being unchargeable (once per number of decimals), then each
  // requirement's power-of-ten slip, explain the most.
  const tooPrecise = findings.filter((f, i) => f.messageId === 'tooPrecise' && findings.findIndex((o) => o.message === f.message) === i);
  const explained = [...tooPrecise, ...findings.filter((f) => f.messageId === 'scaled' || f.messageId === 'decimalAmount')];
  if (explained.length > 0) return explained;
  if (unknown.length > 0) return fail(meta, 'unknownDecimals', { price, unknown: unknown.join(', ') }, advertised);
  // Both sides in both units, so a reader sees what was compared with what.
  const prices = candidates.map(({ r, decimals, symbol }) => `#${r.index} ${isAtomicString(r.amount) && decimals !== null ? `${r.amount} atomic = ${atomicToDecimal(r.amount, decimals)} ${symbol}` : show(r.amount)}`).join(', ');
  const expected = [...new Set(candidates.map(({ decimals, symbol }) => `${price} ${symbol} = ${decimalToAtomic(price, decimals!)} atomic`))].join(' or ');
  return fail(meta, 'mismatch', { price, onNetwork: wanted ? ` on ${wanted}` : '', expected, prices }, advertised);
}
