/**
 * A check reports every finding: a hostile seller whose challenge hides defects behind a good
 * first requirement, and puts terminal escapes and a workflow command where the probe quotes
 * it. Every bad requirement must reach the JSON report, the pretty report and a GitHub annotation
 * of its own, and the seller's text must forge none of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSeller } from '../fixtures/sellers/good.js';
import { type FixtureServer, startFixtureServer } from '../fixtures/sellers/server.js';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/report/types.js';
import { captureIO } from './helpers/cli.js';

/** A seller's injection attempt, in the field the probe quotes as evidence. */
const INJECTED = '0.01\r\n::error title=x402-probe::all good \u001b[32mPASS\u001b[0m';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(
    makeSeller('v2', {
      challenge: (pr) => {
        const [good] = pr.accepts;
        pr.accepts = [good, { ...good, amount: INJECTED }, { ...good, payTo: '0x0000000000000000000000000000000000000000' }, { ...good, amount: '0', maxTimeoutSeconds: '60' }];
        return pr;
      },
    }),
  );
});
afterAll(() => server?.close());

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  const { io, out } = captureIO();
  const code = await main(args, io);
  return { code, stdout: out() };
}

describe('a check reports every finding (hostile seller: defects behind a good first requirement)', () => {
  it('the JSON report keeps the worst finding as the headline and lists every bad requirement', async () => {
    const { code, stdout } = await cli(['check', server.url, '--no-attacks', '--timeout', '5000', '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    const amount = report.checks.find((c) => c.id === 'req.amount-atomic')!;
    expect([amount.status, amount.messageId]).toEqual(['fail', 'notInteger']);
    expect(amount.findings.map((f) => [f.status, f.messageId, f.message.slice(0, 15)])).toEqual([
      ['fail', 'notInteger', 'Requirement #1:'],
      ['fail', 'zero', 'Requirement #3:'],
    ]);
    expect(amount.evidence).toBe(amount.findings[0].evidence);
    expect(report.checks.find((c) => c.id === 'req.pay-to')!.findings.map((f) => f.messageId)).toEqual(['zero']);
    expect(report.checks.find((c) => c.id === 'req.timeout')!.findings.map((f) => [f.messageId, f.evidence])).toEqual([['notNumber', 'accepts[3].maxTimeoutSeconds = "60"']]);
    // Every check carries its findings, the passing ones too.
    for (const c of report.checks) expect(c.findings.length, c.id).toBeGreaterThan(0);
  });

  it('the pretty report shows the other findings under the headline, the seller’s escapes visible, never raw', async () => {
    const { stdout } = await cli(['check', server.url, '--no-attacks', '--timeout', '5000']);
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('✗ req.amount-atomic'));
    expect(lines[at]).toContain('Requirement #1:');
    expect(lines.slice(at + 1, at + 4).join('\n')).toContain('✗ Requirement #3: amount is zero');
    expect(stdout).not.toMatch(/[\u001b\r]/);
    expect(stdout).toContain('\\x1b[32mPASS');
  });

  it('GitHub gets one annotation per failing finding, and the injected command starts none', async () => {
    const { stdout } = await cli(['check', server.url, '--no-attacks', '--timeout', '5000', '--reporter', 'github']);
    const commands = stdout.split('\n').filter((l) => l.startsWith('::'));
    const amount = commands.filter((l) => l.includes('title=req.amount-atomic'));
    expect(amount).toHaveLength(2);
    // Quoted as JSON text: the seller's CR LF arrives as the characters \r\n, never as a line break.
    expect(amount[0]).toContain('"0.01\\r\\n::error title=x402-probe::all good');
    expect(commands.some((l) => l.startsWith('::error title=x402-probe'))).toBe(false);
    expect(stdout).not.toMatch(/[\r\u001b]/);
  });
});
