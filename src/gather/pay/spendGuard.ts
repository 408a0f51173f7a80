import type { DecimalsSource, PaymentPlan, Permit2Plan, RequirementView, TokenInfo } from '../../artifacts/index.js';
import { PERMIT2_ADDRESS, PERMIT2_SPENDER, permit2SchemeOf, uptoFacilitatorOf } from '../../protocol/permit2.js';
import { findKnownAsset } from '../../protocol/assets.js';
import { isMainnet, resolveNetwork, sameNetwork } from '../../protocol/networks.js';
import { unsignableReason } from '../../protocol/signable.js';
import { atomicToDecimal, decimalToAtomic } from '../../protocol/units.js';
import { sameAddress } from '../../protocol/addresses.js';
import { safeStringify } from '../../util/safeJson.js';

/** Longest validity window (seconds) an authorization may have unless --max-validity says otherwise. */
export const DEFAULT_MAX_VALIDITY_SECONDS = 3600;

/** The buyer's limits for a paid probe (`--max-amount`, `--mainnet`, `--max-validity`, `--expect-*`). */
export interface SpendLimits {
  /** Largest price the probe may pay, decimal in the asset's units (default "0.01"). */
  maxAmount: string;
  /**
   * `--max-total`: the run budget, decimal in the asset's units: the most all the authorizations
   * of the run could settle together. Default: one price (the paid request alone).
   */
  maxTotal?: string;
  /** Payments on mainnets are refused unless this is true. */
  mainnetAllowed: boolean;
  /** Longest validity window (validBefore − now, seconds) the probe signs (default 3600). */
  maxValiditySeconds?: number;
  /** When set, a requirement paying anyone else is refused. */
  expectPayTo?: string;
  /** Preferred network (CAIP-2 or v1 name). */
  expectNetwork?: string;
  /**
   * `--expect-asset <address>[:<decimals>]`: a requirement in any other asset is refused; the
   * decimals, when given, price the asset where neither the known-assets table nor a read on
   * the payment's own chain does (and must agree with them where they do).
   */
  expectAsset?: { address: string; decimals: number | null };
  /**
   * The chain id the probe reads (the --rpc chain), or null when it reads none. Only a
   * requirement on this chain is paid: elsewhere neither its token nor its settlement can be read.
   */
  chainRead?: number | null;
}


const shown = (value: unknown): string => safeStringify(value).slice(0, 80);

type Units = { decimals: number; symbol: string | null; source: DecimalsSource };

/**
 * The asset's decimals from its own chain only: the known-assets table (keyed by network), the
 * token read through an RPC that reports the requirement's chain id, or the user's --expect-asset.
 * Sources that disagree are a reason to refuse, never to pick one.
 */
function decimalsOf(r: RequirementView, chainId: number, token: TokenInfo | undefined, limits: SpendLimits): Units | { conflict: string } | null {
  const known = findKnownAsset(r.network as string, r.asset as string);
  const read = token && token.chainId === chainId && token.decimals !== null && sameAddress(token.asset, r.asset) ? token.decimals : null;
  const stated = limits.expectAsset?.decimals != null && sameAddress(limits.expectAsset.address, r.asset) ? limits.expectAsset.decimals : null;
  const sources: [string, number | null][] = [['the known-assets table', known?.decimals ?? null], [`the token on chain ${chainId}`, read], ['--expect-asset', stated]];
  const present = sources.filter((s): s is [string, number] => s[1] !== null);
  if (present.some(([, d]) => d !== present[0][1])) return { conflict: present.map(([where, d]) => `${where} says ${d}`).join(', ') };
  if (known) return { decimals: known.decimals, symbol: known.symbol, source: 'known-asset' };
  if (read !== null) return { decimals: read, symbol: null, source: 'token' };
  if (stated !== null) return { decimals: stated, symbol: null, source: 'expect-asset' };
  return null;
}

/** What a Permit2 payment for `r` signs besides the terms: the proxy spender and, for upto, the facilitator. */
function permit2Plan(r: RequirementView): Permit2Plan | null {
  const scheme = permit2SchemeOf(r);
  if (scheme === null) return null;
  const facilitator = scheme === 'upto' ? String(uptoFacilitatorOf(r)) : null;
  return { scheme, permit2: PERMIT2_ADDRESS, spender: PERMIT2_SPENDER[scheme], facilitator };
}

/** The plan for one signable requirement, refused with the first limit it breaks. */
function evaluate(r: RequirementView, limits: SpendLimits, token: TokenInfo | undefined, base: PaymentPlan): PaymentPlan {
  const chainId = resolveNetwork(r.network as string)!.chainId!;
  const timeout = r.maxTimeoutSeconds;
  const plan: PaymentPlan = {
    ...base,
    requirementIndex: r.index,
    network: r.network as string,
    chainId,
    asset: r.asset as string,
    payTo: r.payTo as string,
    amount: r.amount as string,
    validitySeconds: typeof timeout === 'number' && Number.isSafeInteger(timeout) ? timeout : null,
    mainnet: isMainnet(r.network as string),
    permit2: permit2Plan(r),
  };
  const refuse = (why: string): PaymentPlan => ({ ...plan, refused: why });
  const expectedAsset = limits.expectAsset;
  if (expectedAsset && !sameAddress(r.asset, expectedAsset.address)) return refuse(`asset ${plan.asset} is not the expected ${expectedAsset.address} (--expect-asset)`);
  if (plan.mainnet && !limits.mainnetAllowed) return refuse(`${plan.network} is a mainnet (real funds); pass --mainnet to pay there`);
  if (base.chainRead === null) return refuse('the probe reads no chain (--rpc), so it could neither read the asset nor verify the settlement');
  if (base.chainRead !== chainId) {
    return refuse(`the probe reads chain ${base.chainRead} (--rpc), not ${plan.network}: it could neither read the asset's decimals on its own chain nor verify the settlement there (pass --rpc for chain ${chainId})`);
  }
  const units = decimalsOf(r, chainId, token, limits);
  if (units === null) {
    return refuse(`the decimals of asset ${plan.asset} on ${plan.network} are unknown (not a known asset, and the token on chain ${chainId} did not report them), so --max-amount cannot be enforced; name them with --expect-asset ${plan.asset}:<decimals>`);
  }
  if ('conflict' in units) return refuse(`the decimals of asset ${plan.asset} on ${plan.network} disagree (${units.conflict}), so --max-amount cannot be enforced`);
  Object.assign(plan, { decimals: units.decimals, symbol: units.symbol, decimalsSource: units.source });
  const cap = decimalToAtomic(limits.maxAmount, units.decimals);
  if (cap === null) return refuse(`--max-amount ${limits.maxAmount} has more decimals than the asset (${units.decimals})`);
  plan.capAtomic = cap.toString();
  const amount = BigInt(r.amount as string);
  if (amount > cap) return refuse(`the price ${atomicToDecimal(amount, units.decimals)} ${units.symbol ?? 'units'} exceeds --max-amount ${limits.maxAmount}`);
  const total = limits.maxTotal === undefined ? amount : decimalToAtomic(limits.maxTotal, units.decimals);
  if (total === null) return refuse(`--max-total ${limits.maxTotal} has more decimals than the asset (${units.decimals})`);
  if (amount > total) return refuse(`the price ${atomicToDecimal(amount, units.decimals)} ${units.symbol ?? 'units'} exceeds --max-total ${limits.maxTotal}`);
  plan.totalCapAtomic = total.toString();
  if (plan.validitySeconds === null || plan.validitySeconds <= 0) {
    return refuse(`maxTimeoutSeconds ${shown(timeout)} is not a positive integer number, so the validity window the client would sign is not what it seems (the official client adds it to the clock as given: a string is concatenated)`);
  }
  if (plan.validitySeconds > plan.maxValiditySeconds) {
    return refuse(`maxTimeoutSeconds ${plan.validitySeconds} exceeds --max-validity ${plan.maxValiditySeconds}: the authorization would stay settleable long after the run`);
  }
  if (limits.expectPayTo && !sameAddress(r.payTo, limits.expectPayTo)) return refuse(`payTo ${plan.payTo} is not the expected ${limits.expectPayTo} (--expect-pay-to)`);
  return plan;
}

/**
 * Choose the requirement to pay and apply the buyer's limits: the best-ranked requirement that
 * keeps every limit (ranked by the expected network, the expected asset, the chain the probe
 * reads, a known asset, then the challenge's order), or else the best-ranked refusal. Never
 * returns an executable plan above the cap (or a price above the run budget) in the asset's own-chain decimals, on a chain the
 * probe does not read, on a mainnet without permission, with a validity window beyond the bound,
 * or to a payTo other than the expected one.
 */
export function planPayment(requirements: RequirementView[], limits: SpendLimits, token?: TokenInfo): PaymentPlan {
  const base: PaymentPlan = {
    requirementIndex: null, network: null, chainId: null, asset: null, payTo: null, amount: null, decimals: null, decimalsSource: null, symbol: null,
    maxAmount: limits.maxAmount, capAtomic: null, maxTotal: limits.maxTotal ?? null, totalCapAtomic: null, validitySeconds: null, maxValiditySeconds: limits.maxValiditySeconds ?? DEFAULT_MAX_VALIDITY_SECONDS,
    chainRead: limits.chainRead ?? null, mainnet: false, mainnetAllowed: limits.mainnetAllowed, expectPayTo: limits.expectPayTo ?? null, refused: null,
  };
  const signable = requirements.filter((r) => unsignableReason(r) === null);
  if (signable.length === 0) return { ...base, refused: 'no requirement an EVM buyer can sign (exact by EIP-3009 or Permit2, or upto; EVM network, atomic amount, addresses, EIP-712 domain or upto facilitator)' };
  const score = (r: RequirementView): number =>
    (limits.expectNetwork && sameNetwork(r.network as string, limits.expectNetwork) ? 16 : 0) +
    (limits.expectAsset && sameAddress(r.asset, limits.expectAsset.address) ? 8 : 0) +
    (base.chainRead !== null && resolveNetwork(r.network as string)?.chainId === base.chainRead ? 4 : 0) +
    (findKnownAsset(r.network as string, r.asset as string) ? 2 : 0) +
    (limits.mainnetAllowed || !isMainnet(r.network as string) ? 1 : 0);
  const ranked = [...signable].sort((a, b) => score(b) - score(a) || a.index - b.index).map((r) => evaluate(r, limits, token, base));
  return ranked.find((p) => p.refused === null) ?? ranked[0];
}
