import { createColors } from 'picocolors';
import type { CheckStatus } from '../checks/types.js';
import type { Report } from '../report/types.js';

export type StatusCounts = Record<CheckStatus, number>;

/** What a scan found, counted as reports stream in; the reports themselves are not kept. */
export interface ScanSummary {
  targets: number;
  /** Targets whose verdict was pass / fail. */
  passed: number;
  failed: number;
  /** Targets whose probe threw (a bug in x402-probe, counted as failed too). */
  errors: number;
  /** Per check id, in the order checks first appeared. */
  checks: Map<string, StatusCounts>;
  durationMs: number;
}

export function emptySummary(): ScanSummary {
  return { targets: 0, passed: 0, failed: 0, errors: 0, checks: new Map(), durationMs: 0 };
}

/** What a summary reads of a report (a merge has only this much of each shard's lines). */
export type SummarizedReport = Pick<Report, 'verdict'> & { checks: readonly Pick<Report['checks'][number], 'id' | 'status'>[] };

export function addReport(summary: ScanSummary, report: SummarizedReport): void {
  summary.targets += 1;
  if (report.verdict === 'pass') summary.passed += 1;
  else summary.failed += 1;
  for (const c of report.checks) {
    let counts = summary.checks.get(c.id);
    if (!counts) {
      counts = { pass: 0, fail: 0, warn: 0, skip: 0 };
      summary.checks.set(c.id, counts);
    }
    counts[c.status] += 1;
  }
}

export function addError(summary: ScanSummary): void {
  summary.targets += 1;
  summary.failed += 1;
  summary.errors += 1;
}

const STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'warn', 'skip'];

/**
 * The table printed at the end of a scan: pass/fail/warn/skip per check id. Checks skipped on
 * every target (no --agent, no --pay) are left out and counted in one line.
 */
export function renderSummary(summary: ScanSummary, options: { color?: boolean; interrupted?: boolean; total?: number; timing?: boolean } = {}): string {
  const c = createColors(options.color ?? false);
  const rows = [...summary.checks].filter(([, n]) => n.pass + n.fail + n.warn > 0);
  const hidden = summary.checks.size - rows.length;
  const idWidth = Math.max(5, ...rows.map(([id]) => id.length));
  const cell = (n: number, status: CheckStatus) => {
    const text = String(n).padStart(6);
    if (n === 0) return c.dim(text);
    return status === 'fail' ? c.red(text) : status === 'warn' ? c.yellow(text) : status === 'pass' ? c.green(text) : text;
  };
  const out: string[] = [];
  if (rows.length > 0) {
    out.push(c.bold(`${'check'.padEnd(idWidth)}${STATUSES.map((s) => s.padStart(6)).join('')}`));
    for (const [id, n] of rows) out.push(`${id.padEnd(idWidth)}${STATUSES.map((s) => cell(n[s], s)).join('')}`);
  }
  if (hidden > 0) out.push(c.dim(`(${hidden} check(s) skipped on every target: not shown)`));
  const seconds = summary.durationMs / 1000;
  const rate = seconds > 0 ? ` (${(summary.targets / seconds).toFixed(1)} targets/s)` : '';
  const errors = summary.errors > 0 ? `, ${summary.errors} internal error(s)` : '';
  const failed = summary.failed > 0 ? c.red(`${summary.failed} failed`) : `${summary.failed} failed`;
  const stopped = options.interrupted && options.total !== undefined ? c.yellow(` — interrupted, ${options.total - summary.targets} not probed`) : '';
  const took = options.timing === false ? '' : ` in ${seconds.toFixed(1)} s${rate}`;
  out.push(`${summary.targets} target(s): ${summary.passed} passed, ${failed}${errors}${took}${stopped}`);
  return `${out.join('\n')}\n`;
}
