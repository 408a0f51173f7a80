import { describe, expect, it } from 'vitest';
import type { CheckResult, Report } from '../report/types.js';
import { mergeShards } from './mergeShards.js';
import { scanLine } from './scanLine.js';

const check = (id: string, status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult => ({
  id,
  title: `Title of ${id}`,
  status,
  severity: 'error',
  message: `message of ${id}`,
  messageId: 'm',
  findings: [{ status, messageId: 'm', message: `message of ${id}` }],
  fix: 'Fix it.',
  specRef: 'https://example.invalid/spec',
  docsUrl: `https://example.invalid/docs#${id}`,
  ...extra,
});

const report: Report = {
  tool: 'x402-probe', version: '0.1.0', target: 'http://127.0.0.1:1/r', method: 'GET', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3,
  verdict: 'fail', strict: false, x402Version: 2, requirements: [], summary: { pass: 1, fail: 1, warn: 0, skip: 0 },
  checks: [
    check('http.reachable', 'pass'),
    check('req.amount-atomic', 'fail', {
      evidence: 'amount "1.5"',
      findings: [{ status: 'fail', messageId: 'm', message: 'message of req.amount-atomic', evidence: 'amount "1.5"' }, { status: 'pass', messageId: 'ok', message: '#1 fine' }],
    }),
  ],
};

describe('scanLine', () => {
  it("keeps what varies per target and drops each check's own title, severity, fix, specRef and docsUrl", () => {
    const line = scanLine(report);
    expect(line.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(line) as Report;
    expect({ ...parsed, checks: [] }).toEqual({ ...report, checks: [] });
    expect(parsed.checks).toEqual([
      { id: 'http.reachable', status: 'pass', messageId: 'm', message: 'message of http.reachable' },
      { id: 'req.amount-atomic', status: 'fail', messageId: 'm', message: 'message of req.amount-atomic', evidence: 'amount "1.5"', findings: report.checks[1].findings },
    ]);
    expect(line).not.toMatch(/Title of|Fix it|example\.invalid/);
  });

  it('is the whole report with full, as check --json prints it', () => {
    expect(scanLine(report, true)).toBe(`${JSON.stringify(report)}\n`);
  });

  it('is read by scan merge like a whole report: same verdicts and per-check counts', async () => {
    const merge = (text: string) => mergeShards([{ name: 'f', chunks: (async function* () { yield text; })() }]);
    const [lean, full] = await Promise.all([merge(scanLine(report)), merge(scanLine(report, true))]);
    expect(lean.rejectedCount).toBe(0);
    expect(lean.summary).toEqual(full.summary);
    expect(Object.fromEntries(lean.summary.checks)).toEqual({ 'http.reachable': { pass: 1, fail: 0, warn: 0, skip: 0 }, 'req.amount-atomic': { pass: 0, fail: 1, warn: 0, skip: 0 } });
  });
});
