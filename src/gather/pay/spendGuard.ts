import type { RequirementView, TokenInfo } from '../artifacts.js';
import { findKnownAsset } from '../../protocol/assets.js';
import { isMainnet, resolveNetwork, sameNetwork } from '../../protocol/networks.js';
import { unsignableReason } from '../../protocol/signable.js';
import { atomicToDecimal, decimalToAtomic } from '../../protocol/units.js';
import { sameAddress } from '../../protocol/addresses.js';

/** The buyer's limits for a paid probe (`--max-amount`, `--mainnet`, `--expect-pay-to`). */
export interface SpendLimits {
  /** Largest price the probe may pay, decimal in the asset's units (default "0.01"). */
  maxAmount: string;
  /** Payments on mainnets are refused unless this is true. */
  mainnetAllowed: boolean;
  /** When set, a requirement paying anyone else is refused. */
  expectPayTo?: string;
  /** Preferred network (CAIP-2 or v1 name). */
  expectNetwork?: string;
}

/** What the probe decided to pay, or why it refused. JSON-serialisable. */
export interface PaymentPlan {
  requirementIndex: number | null;
  network: string | null;
  chainId: number | null;
  asset: string | null;
  payTo: string | null;
  /** Atomic amount the paid request signs. */
  amount: string | null;
  decimals: number | null;
  symbol: string | null;
  /** --max-amount as given, and in atomic units of the chosen asset. */
  maxAmount: string;
  capAtomic: string | null;
  mainnet: boolean;
  mainnetAllowed: boolean;
  expectPayTo: string | null;
  /** Why nothing is signed; null when the plan may be executed. */
  refused: string | null;
}

function decimalsOf(r: RequirementView, token?: TokenInfo): { decimals: number; symbol: string | null } | null {
  const known = findKnownAsset(r.network as string, r.asset as string);
  if (known) return { decimals: known.decimals, symbol: known.symbol };
  if (token && token.decimals !== null && sameAddress(token.asset, r.asset)) return { decimals: token.decimals, symbol: null };
  return null;
}

/**
 * Choose the requirement to pay and apply the buyer's limits. Preference: the expected
 * network, then a known asset, then a network the limits allow, then the challenge's order.
 * Never returns an executable plan above the cap, on a mainnet without permission, or to a
 * payTo other than the expected one.
 */
export function planPayment(requirements: RequirementView[], limits: SpendLimits, token?: TokenInfo): PaymentPlan {
  const base: PaymentPlan = {
    requirementIndex: null, network: null, chainId: null, asset: null, payTo: null, amount: null, decimals: null, symbol: null,
    maxAmount: limits.maxAmount, capAtomic: null, mainnet: false, mainnetAllowed: limits.mainnetAllowed,
    expectPayTo: limits.expectPayTo ?? null, refused: null,
  };
  const signable = requirements.filter((r) => unsignableReason(r) === null);
  if (signable.length === 0) return { ...base, refused: 'no requirement an EVM buyer can sign (exact scheme, EVM network, atomic amount, addresses, EIP-712 domain)' };
  const score = (r: RequirementView): number =>
    (limits.expectNetwork && sameNetwork(r.network as string, limits.expectNetwork) ? 8 : 0) +
    (findKnownAsset(r.network as string, r.asset as string) ? 4 : 0) +
    (limits.mainnetAllowed || !isMainnet(r.network as string) ? 2 : 0);
  const chosen = [...signable].sort((a, b) => score(b) - score(a) || a.index - b.index)[0];
  const network = resolveNetwork(chosen.network as string);
  const units = decimalsOf(chosen, token);
  const plan: PaymentPlan = {
    ...base,
    requirementIndex: chosen.index,
    network: chosen.network as string,
    chainId: network?.chainId ?? null,
    asset: chosen.asset as string,
    payTo: chosen.payTo as string,
    amount: chosen.amount as string,
    decimals: units?.decimals ?? null,
    symbol: units?.symbol ?? null,
    mainnet: isMainnet(chosen.network as string),
  };
  if (!units) return { ...plan, refused: `the decimals of asset ${plan.asset} on ${plan.network} are unknown, so --max-amount cannot be enforced (give --rpc to read them)` };
  const cap = decimalToAtomic(limits.maxAmount, units.decimals);
  if (cap === null) return { ...plan, refused: `--max-amount ${limits.maxAmount} has more decimals than the asset (${units.decimals})` };
  plan.capAtomic = cap.toString();
  const amount = BigInt(chosen.amount as string);
  if (amount > cap) {
    return { ...plan, refused: `the price ${atomicToDecimal(amount, units.decimals)} ${units.symbol ?? 'units'} exceeds --max-amount ${limits.maxAmount}` };
  }
  if (plan.mainnet && !limits.mainnetAllowed) return { ...plan, refused: `${plan.network} is a mainnet (real funds); pass --mainnet to pay there` };
  if (limits.expectPayTo && !sameAddress(chosen.payTo, limits.expectPayTo)) {
    return { ...plan, refused: `payTo ${plan.payTo} is not the expected ${limits.expectPayTo} (--expect-pay-to)` };
  }
  return plan;
}
