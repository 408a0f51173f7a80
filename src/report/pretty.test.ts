import { describe, expect, it } from 'vitest';
import { fixtureReport, HOSTILE_EVIDENCE, manyFindingsReport } from '../../test/helpers/report.js';
import { render } from './pretty.js';

/** C0 and C1 controls other than the newlines the layout itself uses. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('pretty reporter', () => {
  it('renders the fixture without colour', () => {
    expect(render(fixtureReport(), { color: false })).toMatchSnapshot();
  });

  it('renders the fixture with colour', () => {
    expect(render(fixtureReport(), { color: true })).toMatchSnapshot();
  });

  it('writes no ANSI escape at all with color=false, even from a hostile seller', () => {
    const out = render(fixtureReport(), { color: false, verbose: true });
    expect(out).not.toMatch(/[\u001b\u009b]/);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(render(fixtureReport(), {})).not.toMatch(/\u001b/);
  });

  it('with colour, emits only its own SGR sequences (no seller escapes, no carriage returns)', () => {
    const out = render(fixtureReport(), { color: true, verbose: true });
    expect(out).toMatch(/\u001b\[3\dm/);
    const withoutSgr = out.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutSgr).not.toMatch(/[\u001b\u009b]/);
    expect(withoutSgr).not.toMatch(RAW_CONTROL);
  });

  it('shows the hostile evidence visibly escaped rather than dropping it', () => {
    const out = render(fixtureReport(), { color: false });
    expect(out).toContain('<script>alert("x")</script>');
    expect(out).toContain('\\x1b[31mRED');
    expect(HOSTILE_EVIDENCE).toContain('\u001b');
  });

  it('lists failures and warnings with evidence, fix and docs link; hides skips unless verbose', () => {
    const out = render(fixtureReport(), { color: false });
    expect(out).toContain('✗ challenge.decode');
    expect(out).toContain('! cors.expose-headers');
    expect(out).toContain('fix: Add PAYMENT-REQUIRED');
    expect(out).toContain('docs: https://github.com/x402-probe/x402-probe/blob/main/docs/checks.md#challengedecode');
    expect(out).not.toContain('pay.forged-rejected');
    expect(render(fixtureReport(), { color: false, verbose: true })).toContain('- pay.forged-rejected');
    expect(out).toMatch(/FAIL {2}1 failed, 1 warnings, 2 passed, 1 skipped/);
  });

  it('leads with failures, then warnings; passes and skips are one count; the last line is the verdict naming the ids', () => {
    const lines = render(fixtureReport(), { color: false }).trimEnd().split('\n');
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    expect(at('Failed (1)')).toBeGreaterThan(at('Requirements'));
    expect(at('  ✗ challenge.decode')).toBe(at('Failed (1)') + 1);
    expect(at('Warnings (1)')).toBeGreaterThan(at('  ✗ challenge.decode'));
    expect(at('✓ 2 checks passed, 1 skipped (-v lists them, and why each skipped)')).toBeGreaterThan(at('Warnings (1)'));
    expect(lines.some((l) => l.includes('http.reachable'))).toBe(false);
    expect(lines.at(-1)).toBe('FAIL  1 failed, 1 warnings, 2 passed, 1 skipped  challenge.decode  warn: cors.expose-headers');
  });

  it('-v lists the passing checks by area and the skipped ones with their reasons, after the problems', () => {
    const lines = render(fixtureReport(), { color: false, verbose: true }).split('\n');
    const passed = lines.indexOf('Passed (2)');
    expect(passed).toBeGreaterThan(lines.findIndex((l) => l.startsWith('Warnings')));
    expect(lines.slice(passed + 1, passed + 3)).toEqual(['  HTTP', '    ✓ http.reachable  The endpoint answered with HTTP 402.']);
    expect(lines).toContain('    - pay.forged-rejected  Skipped: needs artifact "forged" (attacks disabled (--no-attacks)).');
    expect(lines.some((l) => l.includes('-v lists'))).toBe(false);
  });

  it('quiet prints only the verdict line, escaped like the rest', () => {
    expect(render(fixtureReport(), { color: false, quiet: true })).toBe('FAIL  1 failed, 1 warnings, 2 passed, 1 skipped  challenge.decode  warn: cors.expose-headers\n');
    const passing = fixtureReport({ verdict: 'pass', checks: fixtureReport().checks.filter((c) => c.status === 'pass'), summary: { pass: 2, fail: 0, warn: 0, skip: 0 } });
    expect(render(passing, { color: false, quiet: true })).toBe('PASS  0 failed, 0 warnings, 2 passed, 0 skipped\n');
  });

  it('names what the run deadline cut in one line, and says nothing of a deadline that did not pass', () => {
    const cut = render(fixtureReport({ deadline: { ms: 6000, exceeded: true, cut: ['payment.paid', 'payment.replay'] } }), { color: false });
    const lines = cut.split('\n').filter((l) => l.includes('deadline'));
    expect(lines).toEqual(['Deadline  the run deadline (6000 ms) passed: cut payment.paid, payment.replay (--deadline sets it)']);
    expect(render(fixtureReport({ deadline: { ms: 30000, exceeded: false, cut: [] } }), { color: false })).not.toMatch(/Deadline/);
  });

  it('prices requirements in the asset when known and in atomic units otherwise', () => {
    const out = render(fixtureReport(), { color: false });
    expect(out).toContain('#0 exact on eip155:84532: 0.01 USDC to 0x7099…79C8');
    expect(out).toContain('#1 exact on eip155:8453: 25000 atomic');
  });

  it("lists a failing check's other findings under its headline, with their evidence, escaped", () => {
    const lines = render(manyFindingsReport(3), { color: false }).split('\n');
    const at = lines.findIndex((l) => l.startsWith('  ✗ req.amount-atomic'));
    expect(lines[at]).toBe('  ✗ req.amount-atomic  Requirement #0: amount is wrong.');
    expect(lines.slice(at + 1, at + 6)).toEqual([
      '      evidence: accepts[0].amount = "0.00"',
      '      ✗ Requirement #1: amount is wrong.',
      expect.stringMatching(/^ {8}evidence: PAYMENT-REQUIRED: <script>.*\\x1b\[31mRED/),
      '      ! Requirement #2: amount is wrong.',
      '        evidence: accepts[2].amount = "0.02"',
    ]);
    expect(lines[at + 6]).toMatch(/^ {6}fix: /);
    expect(render(manyFindingsReport(3), { color: true })).not.toMatch(/\u001b\[31mRED/);
  });

  it('caps the other findings at five and says how many more the JSON report holds', () => {
    const out = render(manyFindingsReport(9), { color: false });
    expect(out).toContain('Requirement #5: amount is wrong.');
    expect(out).not.toContain('Requirement #6: amount is wrong.');
    expect(out).toContain('      … and 3 more (--json lists every finding)');
  });

  it('shows no extra line for a check with one finding', () => {
    expect(render(fixtureReport(), { color: false })).not.toContain('more (--json');
  });
});
