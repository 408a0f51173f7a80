/**
 * One fixed Report for the reporters' snapshot tests: every status, two requirements, and a
 * hostile seller's evidence (XML markup, ANSI escapes, control characters, workflow-command
 * separators) that each format must carry without breaking.
 */
import type { CheckResult, Finding, Report } from '../../src/report/types.js';

const DOCS = 'https://github.com/x402-probe/x402-probe/blob/main/docs/checks.md';

/** What a hostile seller can put in a header or body the probe quotes as evidence. */
export const HOSTILE_EVIDENCE =
  'PAYMENT-REQUIRED: <script>alert("x")</script> & ]]> \u001b[31mRED\u001b[0m \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007 50% done\r\n::error::pwned, title=a:b \u0000\u0008\u000b\u007f\u009b2J';

/** A check result whose one finding is its headline (status, messageId, message, evidence). */
function result(id: string, overrides: Partial<CheckResult>): CheckResult {
  const headline: Omit<CheckResult, 'findings'> = {
    id,
    title: `Title of ${id}`,
    status: 'pass',
    severity: 'error',
    message: `Message of ${id}.`,
    messageId: 'ok',
    fix: `Fix ${id}.`,
    specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification.md',
    docsUrl: `${DOCS}#${id.replace(/\./g, '')}`,
    ...overrides,
  };
  const { status, messageId, message, evidence } = headline;
  return { ...headline, findings: overrides.findings ?? [{ status, messageId, message, ...(evidence !== undefined ? { evidence } : {}) }] };
}

export function fixtureReport(overrides: Partial<Report> = {}): Report {
  const checks: CheckResult[] = [
    result('http.reachable', { title: 'The endpoint answers an HTTP request', message: 'The endpoint answered with HTTP 402.', messageId: 'answered' }),
    result('challenge.decode', {
      title: 'The challenge decodes: base64, JSON, schema',
      status: 'fail',
      message: 'The PAYMENT-REQUIRED header is not standard base64: buyers cannot read the price.',
      messageId: 'base64',
      evidence: HOSTILE_EVIDENCE,
      fix: 'Send PAYMENT-REQUIRED as standard base64 (+ and /, = padding) of the JSON PaymentRequired.',
    }),
    result('req.amount-atomic', { title: 'Every amount is a positive integer string in atomic units', message: 'All 2 amounts are positive atomic integer strings.' }),
    result('cors.expose-headers', {
      title: 'Browsers can read the payment headers (CORS)',
      status: 'warn',
      severity: 'warning',
      message: 'Access-Control-Expose-Headers does not list PAYMENT-REQUIRED, so browser buyers cannot read it: 100% of them, to be exact.',
      messageId: 'notExposed',
      evidence: 'access-control-expose-headers: x-request-id, etag',
      fix: 'Add PAYMENT-REQUIRED, PAYMENT-RESPONSE to Access-Control-Expose-Headers.',
    }),
    result('pay.forged-rejected', {
      title: 'A forged payment is refused',
      status: 'skip',
      message: 'Skipped: needs artifact "forged" (attacks disabled (--no-attacks)).',
      messageId: 'missingArtifact',
    }),
  ];
  return {
    tool: 'x402-probe',
    version: '0.1.0',
    target: 'https://api.example.com/weather?city=a&b=<c>',
    method: 'GET',
    startedAt: '2026-11-25T12:00:00.000Z',
    durationMs: 1234,
    verdict: 'fail',
    strict: false,
    x402Version: 2,
    requirements: [
      {
        index: 0,
        scheme: 'exact',
        network: 'eip155:84532',
        amount: '10000',
        asset: '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
        payTo: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        price: '0.01',
        symbol: 'USDC',
        maxTimeoutSeconds: 60,
      },
      {
        index: 1,
        scheme: 'exact',
        network: 'eip155:8453',
        amount: '25000',
        asset: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
        payTo: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        price: null,
        symbol: null,
        maxTimeoutSeconds: null,
      },
    ],
    checks,
    summary: { pass: 2, fail: 1, warn: 1, skip: 1 },
    ...overrides,
  };
}

/**
 * The fixture with req.amount-atomic failing on `count` requirements (#0 … #count-1), the last
 * one a warning, and the hostile evidence on the second: what a check that reports every finding gives.
 */
export function manyFindingsReport(count: number, overrides: Partial<Report> = {}): Report {
  const findings: Finding[] = Array.from({ length: count }, (_, i) => ({
    status: i === count - 1 ? 'warn' : 'fail',
    messageId: i === count - 1 ? 'leadingZero' : 'decimal',
    message: `Requirement #${i}: amount is wrong.`,
    evidence: i === 1 ? HOSTILE_EVIDENCE : `accepts[${i}].amount = "0.0${i}"`,
  }));
  const base = fixtureReport(overrides);
  const checks = base.checks.map((c) => (c.id === 'req.amount-atomic' ? { ...c, status: 'fail' as const, messageId: 'decimal', message: findings[0].message, evidence: findings[0].evidence, findings } : c));
  return { ...base, checks, summary: { ...base.summary, pass: base.summary.pass - 1, fail: base.summary.fail + 1 } };
}
