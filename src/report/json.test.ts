import { describe, expect, it } from 'vitest';
import { fixtureReport, manyFindingsReport } from '../../test/helpers/report.js';
import { render } from './json.js';

describe('json reporter', () => {
  it('renders the fixture', () => {
    expect(render(fixtureReport())).toMatchSnapshot();
  });

  it('parses back to the same report', () => {
    const report = fixtureReport();
    expect(JSON.parse(render(report))).toStrictEqual(report);
  });

  it('is one document on stdout with no raw control characters', () => {
    const out = render(fixtureReport());
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.trimEnd().split('\n').filter((line) => line.startsWith('{'))).toHaveLength(1);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('keeps the contract fields', () => {
    const parsed = JSON.parse(render(fixtureReport())) as Record<string, unknown>;
    for (const key of ['tool', 'version', 'target', 'startedAt', 'durationMs', 'verdict', 'x402Version', 'requirements', 'checks']) expect(parsed).toHaveProperty(key);
    const check = (parsed.checks as Record<string, unknown>[])[1];
    for (const key of ['id', 'title', 'status', 'severity', 'message', 'evidence', 'fix', 'specRef', 'findings']) expect(check).toHaveProperty(key);
  });

  it('carries every finding of a check beside its headline', () => {
    const parsed = JSON.parse(render(manyFindingsReport(7))) as { checks: { id: string; messageId: string; findings: { status: string; messageId: string; message: string; evidence?: string }[] }[] };
    const check = parsed.checks.find((c) => c.id === 'req.amount-atomic')!;
    expect(check.messageId).toBe('decimal');
    expect(check.findings).toHaveLength(7);
    expect(check.findings.map((f) => f.status)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'fail', 'warn']);
    expect(check.findings[6]).toEqual({ status: 'warn', messageId: 'leadingZero', message: 'Requirement #6: amount is wrong.', evidence: 'accepts[6].amount = "0.06"' });
  });
});
