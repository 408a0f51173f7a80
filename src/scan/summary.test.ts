import { describe, expect, it } from 'vitest';
import type { CheckResult, Report } from '../report/types.js';
import { addError, addReport, emptySummary, renderSummary } from './summary.js';

function result(id: string, status: CheckResult['status']): CheckResult {
  return { id, title: id, status, severity: 'error', message: '', messageId: 'm', fix: '', specRef: '', docsUrl: '', findings: [{ status, messageId: 'm', message: '' }] };
}

function report(verdict: Report['verdict'], checks: CheckResult[]): Report {
  return {
    tool: 'x402-probe', version: '0', target: 'http://x/', method: 'GET', startedAt: '', durationMs: 1, verdict, strict: false,
    x402Version: null, requirements: [], checks, summary: { pass: 0, fail: 0, warn: 0, skip: 0 },
  };
}

describe('scan summary', () => {
  it('counts targets and statuses per check id', () => {
    const s = emptySummary();
    addReport(s, report('pass', [result('http.reachable', 'pass'), result('cache.no-store', 'warn'), result('registry.active', 'skip')]));
    addReport(s, report('fail', [result('http.reachable', 'fail'), result('cache.no-store', 'pass'), result('registry.active', 'skip')]));
    addError(s);
    expect(s).toMatchObject({ targets: 3, passed: 1, failed: 2, errors: 1 });
    expect(s.checks.get('http.reachable')).toEqual({ pass: 1, fail: 1, warn: 0, skip: 0 });
    expect(s.checks.get('cache.no-store')).toEqual({ pass: 1, fail: 0, warn: 1, skip: 0 });
  });

  it('renders a table, leaving out checks skipped everywhere', () => {
    const s = emptySummary();
    addReport(s, report('fail', [result('http.reachable', 'fail'), result('registry.active', 'skip')]));
    s.durationMs = 2000;
    const text = renderSummary(s);
    expect(text).toMatchInlineSnapshot(`
      "check           pass  fail  warn  skip
      http.reachable     0     1     0     0
      (1 check(s) skipped on every target: not shown)
      1 target(s): 0 passed, 1 failed in 2.0 s (0.5 targets/s)
      "
    `);
  });

  it('says how many targets an interrupted scan left out', () => {
    const s = emptySummary();
    addReport(s, report('pass', [result('http.reachable', 'pass')]));
    expect(renderSummary(s, { interrupted: true, total: 5 })).toContain('interrupted, 4 not probed');
  });
});
