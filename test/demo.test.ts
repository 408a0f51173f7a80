/** `x402-probe demo`, the README's main job: every sandbox seller probed end to end and passing. */
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/report/types.js';
import { captureIO } from './helpers/cli.js';

describe('demo', () => {
  it('pays every sandbox seller, verifies settlement on chain and the ERC-8004 registration, exits 0', async () => {
    const { io, out } = captureIO();
    const code = await main(['demo', '--json'], io);
    const doc = JSON.parse(out()) as { verdict: string; reports: Report[] };
    const failures = doc.reports.flatMap((r) => r.checks.filter((c) => c.status === 'fail').map((c) => `${r.target} ${c.id}: ${c.message}`));
    expect(failures).toEqual([]);
    expect(code).toBe(0);
    expect(doc.verdict).toBe('pass');
    // Three ERC-8004 agents (v2 and v1 express, obol's gate), then exact via Permit2 and upto.
    expect(doc.reports.map((r) => r.x402Version)).toEqual([2, 1, 2, 2, 2]);
    for (const [i, report] of doc.reports.entries()) {
      const status = (id: string) => report.checks.find((c) => c.id === id)?.status;
      expect(status('pay.paid-served')).toBe('pass');
      expect(status('pay.settlement-onchain')).toBe('pass');
      expect(status('pay.replay-rejected')).toBe('pass');
      expect(status('pay.balance-delta')).toBe('pass');
      if (i < 3) {
        expect(status('registry.agent-exists')).toBe('pass');
        expect(status('registry.endpoint-listed')).toBe('pass');
      } else {
        expect(status('req.transfer-method')).toBe('pass');
      }
      expect(report.payment?.transaction).toMatch(/^0x[0-9a-f]{64}$/);
    }
    // upto: the witness's facilitator is the one the sandbox facilitator's /supported publishes.
    const upto = doc.reports[4];
    expect(upto.checks.find((c) => c.id === 'req.upto-facilitator')?.status).toBe('pass');
  });

  it('prints the reports and a summary table in pretty mode', async () => {
    const { io, out } = captureIO();
    expect(await main(['demo'], io)).toBe(0);
    expect(out()).toMatch(/seller\s+x402\s+price\s+ERC-8004\s+settlement tx\s+verdict/);
    expect(out()).toContain('Every sandbox seller passed');
    expect(out()).not.toMatch(/\x1b\[/);
  });
});
