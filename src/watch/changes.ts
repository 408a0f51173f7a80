/**
 * The state changes `watch` reports between two probes of one target. Pure: two snapshots in,
 * change events out, so a price that flips on every probe is one event per flip.
 */
import type { WatchedRequirement, WatchSnapshot } from './snapshot.js';

export type WatchChange =
  | { kind: 'verdict'; from: 'pass' | 'fail'; to: 'pass' | 'fail'; failing: string[]; recovered: string[] }
  | { kind: 'checks'; failing: string[]; recovered: string[] }
  | { kind: 'price'; requirement: number; from: PriceView | null; to: PriceView | null }
  | { kind: 'payTo'; requirement: number; from: string | null; to: string | null };

/** A requirement's price as shown: decimal with symbol when known, else the atomic amount and asset. */
export interface PriceView {
  amount: string | null;
  asset: string | null;
  price: string | null;
  symbol: string | null;
}

const priceOf = (r: WatchedRequirement | undefined): PriceView | null => (r ? { amount: r.amount, asset: r.asset, price: r.price, symbol: r.symbol } : null);
const samePrice = (a: PriceView | null, b: PriceView | null): boolean => a?.amount === b?.amount && a?.asset?.toLowerCase() === b?.asset?.toLowerCase();
const samePayTo = (a: string | null | undefined, b: string | null | undefined): boolean => (a ?? null)?.toLowerCase() === (b ?? null)?.toLowerCase();

/** What watch remembers between probes: the last probe, and the last one that got requirements. */
export interface WatchState {
  last: WatchSnapshot | null;
  lastPriced: WatchSnapshot | null;
}

export const initialWatchState: WatchState = { last: null, lastPriced: null };

/**
 * What changed with `next`, and the state after it. Nothing for the first probe. Prices and payTo
 * are compared with the last probe that got requirements: an outage is the verdict's change, and
 * a price changed during one is still reported when the seller comes back.
 */
export function advanceWatch(state: WatchState, next: WatchSnapshot): { state: WatchState; changes: WatchChange[] } {
  const changes: WatchChange[] = [];
  const prev = state.last;
  if (prev) {
    const wasFailing = new Set(prev.failing);
    const isFailing = new Set(next.failing);
    const failing = next.failing.filter((id) => !wasFailing.has(id));
    const recovered = prev.failing.filter((id) => !isFailing.has(id));
    if (prev.verdict !== next.verdict) changes.push({ kind: 'verdict', from: prev.verdict, to: next.verdict, failing, recovered });
    else if (failing.length > 0 || recovered.length > 0) changes.push({ kind: 'checks', failing, recovered });
  }
  const priced = state.lastPriced;
  if (priced && next.requirements.length > 0) {
    const count = Math.max(priced.requirements.length, next.requirements.length);
    for (let i = 0; i < count; i++) {
      const before = priced.requirements[i];
      const after = next.requirements[i];
      if (!samePrice(priceOf(before), priceOf(after))) changes.push({ kind: 'price', requirement: i, from: priceOf(before), to: priceOf(after) });
      if (!samePayTo(before?.payTo, after?.payTo)) changes.push({ kind: 'payTo', requirement: i, from: before?.payTo ?? null, to: after?.payTo ?? null });
    }
  }
  return { state: { last: next, lastPriced: next.requirements.length > 0 ? next : priced }, changes };
}
