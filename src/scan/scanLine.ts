import type { CheckResult, Finding, Report } from '../report/types.js';

/**
 * A check as a scan line carries it: what varies from target to target. Its title, severity,
 * fix, specRef and docsUrl are the check's own, the same on every line (docs/checks.md, by id),
 * and were three fifths of a line; `findings` is there only when the check found more than its headline.
 */
export type ScanLineCheck = Pick<CheckResult, 'id' | 'status' | 'messageId' | 'message'> & { evidence?: string; findings?: Finding[] };

function leanCheck(check: CheckResult): ScanLineCheck {
  const lean: ScanLineCheck = { id: check.id, status: check.status, messageId: check.messageId, message: check.message };
  if (check.evidence !== undefined) lean.evidence = check.evidence;
  if (check.findings.length > 1) lean.findings = check.findings;
  return lean;
}

/**
 * One NDJSON line of `scan --json`: the report with each check cut to `ScanLineCheck`, or with
 * `full` the whole report as `check --json` prints it (`scan --full-reports`).
 */
export function scanLine(report: Report, full = false): string {
  if (full) return `${JSON.stringify(report)}\n`;
  return `${JSON.stringify({ ...report, checks: report.checks.map(leanCheck) })}\n`;
}
