import type { CheckStatus, Severity } from '../checks/types.js';

/** One thing a check found (a check reports one or several, e.g. one per bad requirement). */
export interface Finding {
  /** As in the report: a warning-severity check's `fail` is shown as `warn`. */
  status: CheckStatus;
  messageId: string;
  message: string;
  evidence?: string;
}

/**
 * One check's result as it appears in every report. status, messageId, message and evidence are
 * those of its worst finding (fail > warn > pass > skip, the first of equals); `findings` lists
 * every finding in the order the check reported them.
 */
export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  severity: Severity;
  message: string;
  messageId: string;
  evidence?: string;
  /** Every finding, the worst one included; at least one. */
  findings: Finding[];
  fix: string;
  specRef: string;
  /** docs/checks.md#<id> */
  docsUrl: string;
}

/** The fail and warn findings of a check besides the one its headline shows, in order. */
export function otherFindings(check: CheckResult): Finding[] {
  const headline = check.findings.findIndex((f) => f.status === check.status && f.messageId === check.messageId && f.message === check.message && f.evidence === check.evidence);
  return check.findings.filter((f, i) => i !== headline && (f.status === 'fail' || f.status === 'warn'));
}

/** A payment requirement summarised for humans and machines. */
export interface RequirementSummary {
  index: number;
  scheme: string | null;
  network: string | null;
  /** Atomic amount as advertised. */
  amount: string | null;
  asset: string | null;
  payTo: string | null;
  /** Decimal price when the asset's decimals are known. */
  price: string | null;
  symbol: string | null;
  maxTimeoutSeconds: number | null;
}

/** The JSON report contract (docs/ARCHITECTURE.md): extend it, never break it. */
export interface Report {
  tool: 'x402-probe';
  version: string;
  target: string;
  method: string;
  startedAt: string;
  durationMs: number;
  verdict: 'pass' | 'fail';
  strict: boolean;
  x402Version: 1 | 2 | null;
  requirements: RequirementSummary[];
  checks: CheckResult[];
  summary: { pass: number; fail: number; warn: number; skip: number };
  payment?: Record<string, unknown>;
  /** Milliseconds each gatherer took, by artifact name (what dominates a run). */
  timings?: Record<string, number>;
  /**
   * The run deadline in ms, whether it passed before gathering ended, and what it cut: exchanges
   * (`forged`, `malformed`, `payment.paid`, …) and gatherers (`settlement`, …). A cut fails `http.deadline`.
   */
  deadline?: { ms: number; exceeded: boolean; cut: string[] };
  registry?: Record<string, unknown>;
  /** Extensions the 402 declares, by key; `judged` when an extensions.* or discovery.* check reads it (others are only listed). */
  extensions?: { name: string; judged: boolean }[];
  offer?: Record<string, unknown>;
  /** `check --pay --feedback`: the ERC-8004 Reputation feedback left for the paid endpoint, or why none was. */
  feedback?: Record<string, unknown>;
}
