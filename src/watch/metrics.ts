/**
 * The Prometheus metrics of `watch`, on a prom-client Registry of its own (never the global one).
 * Label values are bounded: `target` is the user's URL (origin and path), `check` an id of our own
 * catalog, `status` one of four, `requirement` an index below MAX_WATCHED_REQUIREMENTS, `kind`
 * one of the change kinds. Nothing a seller sends becomes a label.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import { allChecks } from '../checks/index.js';
import type { CheckStatus } from '../checks/types.js';
import type { WatchChange } from './changes.js';
import { atomicToScaled, scaledToDecimal } from './spendLedger.js';
import type { WatchSnapshot } from './snapshot.js';

const CHECK_IDS = new Set(allChecks.map((c) => c.meta.id));
const STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'warn', 'skip'];
const CHANGE_KINDS: readonly WatchChange['kind'][] = ['verdict', 'checks', 'price', 'payTo'];

export interface WatchMetrics {
  registry: Registry;
  recordProbe(snapshot: WatchSnapshot, finishedAtMs: number): void;
  recordProbeError(): void;
  recordChanges(changes: readonly WatchChange[]): void;
  recordSpend(spentToday: bigint, spentTotal: bigint): void;
  recordPaySkipped(): void;
  recordWebhookFailure(): void;
}

export interface CreateWatchMetricsParameters {
  target: string;
  intervalSeconds: number;
  /** Set with --pay-every: seconds between paid probes, and the cap in the asset's decimals. */
  pay?: { periodSeconds: number; dailyCap: string };
  /** Clock for the settlement age, read at scrape time. */
  nowMs: () => number;
}

/** A decimal string as a number for a gauge (a gauge is a float; the report keeps the exact value). */
const asNumber = (decimal: string): number => Number(decimal);

export function createWatchMetrics(params: CreateWatchMetricsParameters): WatchMetrics {
  const registry = new Registry();
  const registers = [registry];
  const target = params.target;
  const t = { target };
  const startedMs = params.nowMs();
  let lastSettlementMs: number | null = null;

  new Gauge({ name: 'x402_probe_watch_interval_seconds', help: 'Seconds between probes (--interval).', labelNames: ['target'], registers }).set(t, params.intervalSeconds);
  const up = new Gauge({ name: 'x402_probe_up', help: '1 when the last probe reached the target and decoded its payment challenge, else 0.', labelNames: ['target'], registers });
  const verdict = new Gauge({ name: 'x402_probe_verdict', help: '1 when the last probe passed, 0 when a check failed.', labelNames: ['target'], registers });
  const checkStatus = new Gauge({ name: 'x402_probe_check_status', help: 'Status of each check in the last probe: 1 on the series of its status (pass, fail, warn, skip), 0 on the others.', labelNames: ['target', 'check', 'status'], registers });
  const duration = new Gauge({ name: 'x402_probe_probe_duration_seconds', help: 'How long the last probe took.', labelNames: ['target'], registers });
  const lastProbe = new Gauge({ name: 'x402_probe_last_probe_timestamp_seconds', help: 'Unix time the last probe finished.', labelNames: ['target'], registers });
  const probes = new Counter({ name: 'x402_probe_probes_total', help: 'Probes finished, by verdict (error: the probe could not be run).', labelNames: ['target', 'result'], registers });
  const price = new Gauge({ name: 'x402_probe_advertised_price', help: 'Price each requirement advertises in the last challenge, in the asset (decimal; NaN when its decimals are unknown).', labelNames: ['target', 'requirement'], registers });
  const amount = new Gauge({ name: 'x402_probe_advertised_amount_atomic', help: 'Atomic amount each requirement advertises in the last challenge.', labelNames: ['target', 'requirement'], registers });
  const changesTotal = new Counter({ name: 'x402_probe_changes_total', help: 'State changes seen between probes, by kind (verdict, checks, price, payTo).', labelNames: ['target', 'kind'], registers });
  const webhookFailures = new Counter({ name: 'x402_probe_webhook_failures_total', help: 'Change events the --webhook did not accept (no 2xx answer in time).', labelNames: ['target'], registers });
  for (const result of ['pass', 'fail', 'error']) probes.inc({ target, result }, 0);
  for (const kind of CHANGE_KINDS) changesTotal.inc({ target, kind }, 0);
  webhookFailures.inc(t, 0);

  let spent: Gauge | null = null;
  let spentTotal: Gauge | null = null;
  let paySkipped: Counter | null = null;
  let paymentsServed: Counter | null = null;
  let paymentsRefused: Counter | null = null;
  if (params.pay) {
    new Gauge({ name: 'x402_probe_pay_period_seconds', help: 'Seconds between paid probes (--interval × --pay-every).', labelNames: ['target'], registers }).set(t, params.pay.periodSeconds);
    new Gauge({ name: 'x402_probe_daily_cap', help: 'Most the paid probes may spend per UTC day, in the asset (--daily-cap).', labelNames: ['target'], registers }).set(t, asNumber(params.pay.dailyCap));
    spent = new Gauge({ name: 'x402_probe_spent_today', help: 'Spent by paid probes on the current UTC day, in the asset.', labelNames: ['target'], registers });
    spentTotal = new Gauge({ name: 'x402_probe_spent_total', help: 'Spent by paid probes since watch started, in the asset.', labelNames: ['target'], registers });
    paySkipped = new Counter({ name: 'x402_probe_paid_probes_skipped_total', help: 'Paid probes skipped because they would exceed --daily-cap.', labelNames: ['target'], registers });
    paymentsServed = new Counter({ name: 'x402_probe_payments_served_total', help: 'Paid requests the seller served.', labelNames: ['target'], registers });
    paymentsRefused = new Counter({ name: 'x402_probe_payments_refused_total', help: 'Paid requests sent that the seller did not serve.', labelNames: ['target'], registers });
    new Gauge({
      name: 'x402_probe_last_settlement_timestamp_seconds',
      help: 'Unix time of the last paid probe whose payment settled on chain (absent until one has).',
      labelNames: ['target'],
      registers,
      collect() {
        this.reset();
        if (lastSettlementMs !== null) this.set(t, lastSettlementMs / 1000);
      },
    });
    new Gauge({
      name: 'x402_probe_last_settlement_age_seconds',
      help: 'Seconds since the last payment settled on chain (since watch started, until one has).',
      labelNames: ['target'],
      registers,
      collect() {
        this.set(t, (params.nowMs() - (lastSettlementMs ?? startedMs)) / 1000);
      },
    });
    for (const c of [spent, spentTotal]) c.set(t, 0);
    for (const c of [paySkipped, paymentsServed, paymentsRefused]) c.inc(t, 0);
  }

  return {
    registry,
    recordProbe(snapshot, finishedAtMs) {
      up.set(t, snapshot.up ? 1 : 0);
      verdict.set(t, snapshot.verdict === 'pass' ? 1 : 0);
      duration.set(t, snapshot.durationMs / 1000);
      lastProbe.set(t, finishedAtMs / 1000);
      probes.inc({ target, result: snapshot.verdict });
      checkStatus.reset();
      for (const [check, status] of Object.entries(snapshot.checks)) {
        if (!CHECK_IDS.has(check)) continue;
        for (const s of STATUSES) checkStatus.set({ target, check, status: s }, s === status ? 1 : 0);
      }
      // A probe that got no challenge leaves the last prices up: an outage is not a price of nothing.
      if (snapshot.requirements.length > 0) {
        price.reset();
        amount.reset();
        for (const r of snapshot.requirements) {
          const labels = { target, requirement: String(r.index) };
          price.set(labels, r.price !== null && /^[0-9]+(\.[0-9]+)?$/.test(r.price) ? asNumber(r.price) : Number.NaN);
          amount.set(labels, r.amount !== null && /^[0-9]{1,78}$/.test(r.amount) ? Number(r.amount) : Number.NaN);
        }
      }
      const payment = snapshot.payment;
      if (payment?.sent) (payment.served ? paymentsServed : paymentsRefused)?.inc(t);
      if (payment?.settled) lastSettlementMs = finishedAtMs;
    },
    recordProbeError() {
      probes.inc({ target, result: 'error' });
    },
    recordChanges(changes) {
      for (const change of changes) changesTotal.inc({ target, kind: change.kind });
    },
    recordSpend(today, total) {
      spent?.set(t, asNumber(scaledToDecimal(today)));
      spentTotal?.set(t, asNumber(scaledToDecimal(total)));
    },
    recordPaySkipped() {
      paySkipped?.inc(t);
    },
    recordWebhookFailure() {
      webhookFailures.inc(t);
    },
  };
}

/** A paid probe's spend as a scaled amount (the amount signed, in the asset's decimals). */
export function spendOf(snapshot: WatchSnapshot): bigint {
  const p = snapshot.payment;
  if (!p?.sent || p.amount === null || p.decimals === null || !/^[0-9]{1,78}$/.test(p.amount)) return 0n;
  return atomicToScaled(p.amount, p.decimals);
}
