/**
 * What `watch` keeps of one probe: the facts it compares with the next probe and exports as
 * metrics. Pure: built from a Report, no clock.
 */
import type { CheckStatus } from '../checks/types.js';
import type { Report } from '../report/types.js';

/** Requirements past this many are not compared or exported: a seller cannot grow the series. */
export const MAX_WATCHED_REQUIREMENTS = 8;

export interface WatchedRequirement {
  index: number;
  /** Atomic amount as advertised (compared: a price change is a change of amount or asset). */
  amount: string | null;
  asset: string | null;
  /** Decimal price when the asset's decimals are known. */
  price: string | null;
  symbol: string | null;
  payTo: string | null;
  network: string | null;
}

export interface WatchSnapshot {
  /** ISO time the probe started. */
  at: string;
  verdict: 'pass' | 'fail';
  durationMs: number;
  /** Reachable and answering a decodable payment challenge: the offer is up for a buyer. */
  up: boolean;
  /** Check id -> status, as the report shows it. */
  checks: Record<string, CheckStatus>;
  /** Ids of the failing checks (and warning ones under --strict), in report order. */
  failing: string[];
  requirements: WatchedRequirement[];
  /** Set when this probe made a paid request. */
  payment: WatchPayment | null;
}

export interface WatchPayment {
  /** Atomic amount signed; null when the plan refused before signing. */
  amount: string | null;
  decimals: number | null;
  /** Why nothing was signed (a spend guard limit), else null. */
  refused: string | null;
  /**
   * An authorization may have reached the seller: the paid request was answered, or it (or an
   * attack variant with the same nonce) was signed and sent but cut or reset before an answer.
   * Its amount counts against the daily cap, settled or not.
   */
  sent: boolean;
  /** The seller served the paid request (pay.paid-served passed). */
  served: boolean;
  /** This run's authorization settled on chain (pay.settlement-onchain passed). */
  settled: boolean;
}

const UP_CHECKS = ['http.reachable', 'challenge.decode'];

function paymentOf(report: Report, checks: Record<string, CheckStatus>): WatchPayment | null {
  const payment = report.payment as { plan?: { amount?: unknown; decimals?: unknown; refused?: unknown }; paidStatus?: unknown; nonce?: unknown } | undefined;
  if (!payment) return null;
  const plan = payment.plan ?? {};
  return {
    amount: typeof plan.amount === 'string' ? plan.amount : null,
    decimals: typeof plan.decimals === 'number' ? plan.decimals : null,
    refused: typeof plan.refused === 'string' ? plan.refused : null,
    // A seller that takes the header and resets the connection leaves no status, and may settle all the same.
    sent: typeof payment.paidStatus === 'number' || typeof payment.nonce === 'string',
    served: checks['pay.paid-served'] === 'pass',
    settled: checks['pay.settlement-onchain'] === 'pass',
  };
}

export function snapshotOf(report: Report): WatchSnapshot {
  const checks: Record<string, CheckStatus> = {};
  for (const c of report.checks) checks[c.id] = c.status;
  const failing = report.checks.filter((c) => c.status === 'fail' || (report.strict && c.status === 'warn')).map((c) => c.id);
  return {
    at: report.startedAt,
    verdict: report.verdict,
    durationMs: report.durationMs,
    up: UP_CHECKS.every((id) => checks[id] === 'pass'),
    checks,
    failing,
    requirements: report.requirements.slice(0, MAX_WATCHED_REQUIREMENTS).map((r) => ({
      index: r.index,
      amount: r.amount,
      asset: r.asset,
      price: r.price,
      symbol: r.symbol,
      payTo: r.payTo,
      network: r.network,
    })),
    payment: paymentOf(report, checks),
  };
}
