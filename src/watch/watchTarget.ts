/**
 * The `watch` loop for one target: probe, compare with the last probe, export, report changes,
 * wait for the next tick. Probes never overlap: one that outlasts --interval delays the next.
 * Stopping lets the probe in flight finish within a grace period, then aborts it.
 */
import type { Report } from '../report/types.js';
import { errorLine } from '../util/errorLine.js';
import { advanceWatch, initialWatchState, type WatchChange, type WatchState } from './changes.js';
import type { WatchMetrics } from './metrics.js';
import { spendOf } from './metrics.js';
import { emptyLedger, ledgerOn, planPaidProbe, recordSpend, type SpendLedger, toScaled } from './spendLedger.js';
import { snapshotOf, type WatchSnapshot } from './snapshot.js';
import type { SpendStore } from './spendFile.js';

export type WatchEvent =
  | { event: 'baseline'; target: string; at: string; verdict: 'pass' | 'fail'; failing: string[]; requirements: WatchSnapshot['requirements'] }
  | ({ event: 'change'; target: string; at: string } & WatchChange)
  | { event: 'pay-skipped'; target: string; at: string; reason: string }
  | { event: 'probe-error'; target: string; at: string; message: string }
  | { event: 'stopped'; target: string; at: string; probes: number; aborted: boolean };

export interface WatchPayParameters {
  /** Every Nth probe pays (the first one included). */
  every: number;
  /** Most the paid probes spend per UTC day, in the asset's decimals. */
  dailyCap: string;
  /** --max-amount: the most one paid probe may pay. */
  maxAmount: string;
}

export interface WatchTargetParameters {
  /** The target as printed and labelled (targetLabel of the URL). */
  target: string;
  intervalMs: number;
  /** Runs one probe; `pay` set means a paid probe under that --max-amount. */
  probe: (pay: { maxAmount: string } | null) => Promise<Report>;
  /** Ends the probe in flight (destroys its connections); called when the grace period is over. */
  abortProbe: () => Promise<void>;
  pay?: WatchPayParameters;
  /**
   * Keeps the ledger across runs (--spend-file). A paid probe's --max-amount is saved as spent
   * before it starts and corrected after, so a watch killed mid-payment has counted the most it
   * could have spent.
   */
  spendStore?: SpendStore;
  metrics: WatchMetrics;
  onEvent: (event: WatchEvent) => void;
  /** Resolves when watch should stop. */
  stop: Promise<void>;
  /** How long a probe in flight may still run after the stop (default 5 s). */
  stopGraceMs?: number;
  /** Stop after this many probes (tests). */
  maxProbes?: number;
  nowMs?: () => number;
}

/** The cheapest price the last challenge advertised, scaled; null when none is known. */
function cheapestPrice(snapshot: WatchSnapshot | null): bigint | null {
  const prices = (snapshot?.requirements ?? []).flatMap((r) => (r.price !== null && /^[0-9]+(\.[0-9]+)?$/.test(r.price) ? [toScaled(r.price)] : []));
  return prices.length === 0 ? null : prices.reduce((a, b) => (b < a ? b : a));
}

const wait = (ms: number, stop: Promise<void>): Promise<void> =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    void stop.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });

export async function watchTarget(params: WatchTargetParameters): Promise<{ probes: number; aborted: boolean }> {
  const nowMs = params.nowMs ?? Date.now;
  const { target, metrics, onEvent } = params;
  let stopped = false;
  void params.stop.then(() => {
    stopped = true;
  });
  let state: WatchState = initialWatchState;
  let ledger: SpendLedger = params.spendStore?.load() ?? emptyLedger;
  if (params.spendStore) {
    const today = ledgerOn(ledger, new Date(nowMs()).toISOString().slice(0, 10));
    metrics.recordSpend(today.spentToday, today.spentTotal);
  }
  let probes = 0;
  let aborted = false;
  const at = () => new Date(nowMs()).toISOString();

  while (!stopped && (params.maxProbes === undefined || probes < params.maxProbes)) {
    const startedMs = nowMs();
    const day = new Date(startedMs).toISOString().slice(0, 10);
    let pay: { maxAmount: string } | null = null;
    if (params.pay && probes % params.pay.every === 0) {
      const plan = planPaidProbe({ ledger, day, dailyCap: params.pay.dailyCap, maxAmount: params.pay.maxAmount, lastPrice: cheapestPrice(state.lastPriced) });
      if (plan.pay) {
        pay = { maxAmount: plan.maxAmount };
        params.spendStore?.save(recordSpend(ledger, day, toScaled(pay.maxAmount)));
      } else {
        metrics.recordPaySkipped();
        onEvent({ event: 'pay-skipped', target, at: at(), reason: `paid probe skipped (an unpaid one runs instead): ${plan.reason}` });
      }
    }
    probes++;
    const inFlight = params.probe(pay).then(
      (report) => ({ report, error: null }),
      (error: unknown) => ({ report: null, error }),
    );
    const first = await Promise.race([inFlight, params.stop.then(() => 'stop' as const)]);
    let outcome = first === 'stop' ? await within(inFlight, params.stopGraceMs ?? 5_000) : first;
    if (outcome === 'late') {
      aborted = true;
      await params.abortProbe();
      // The aborted probe ends at once; a bounded wait keeps a stuck one from holding the exit.
      outcome = await within(inFlight, 1_000);
      if (outcome === 'late') break;
    }
    if (outcome.error !== null || outcome.report === null) {
      // A paid probe that threw may have signed before it did: the most it could spend counts.
      if (pay) {
        ledger = recordSpend(ledger, day, toScaled(pay.maxAmount));
        params.spendStore?.save(ledger);
        metrics.recordSpend(ledger.spentToday, ledger.spentTotal);
      }
      metrics.recordProbeError();
      onEvent({ event: 'probe-error', target, at: at(), message: errorLine(outcome.error) });
    } else {
      const snapshot = snapshotOf(outcome.report);
      const spend = spendOf(snapshot);
      if (pay) {
        ledger = recordSpend(ledger, day, spend);
        params.spendStore?.save(ledger);
        metrics.recordSpend(ledger.spentToday, ledger.spentTotal);
      }
      const next = advanceWatch(state, snapshot);
      metrics.recordProbe(snapshot, nowMs());
      metrics.recordChanges(next.changes);
      if (!state.last) onEvent({ event: 'baseline', target, at: snapshot.at, verdict: snapshot.verdict, failing: snapshot.failing, requirements: snapshot.requirements });
      for (const change of next.changes) onEvent({ event: 'change', target, at: snapshot.at, ...change });
      state = next.state;
    }
    if (stopped) break;
    await wait(params.intervalMs - (nowMs() - startedMs), params.stop);
  }
  onEvent({ event: 'stopped', target, at: at(), probes, aborted });
  return { probes, aborted };
}

/** `promise`'s value, or 'late' after `ms`; the timer never outlives the race. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
