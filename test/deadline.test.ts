/**
 * The run deadline against a seller that answers the 402 and hangs on every payment
 * (fixtures/hostile/hang-on-payment.ts). Durations are read from the seller's own record of
 * each request (arrival, and when the probe gave up on it), with generous margins.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type HangOnPaymentSeller, mostOpenAtOnce, startHangOnPayment } from '../fixtures/hostile/hang-on-payment.js';
import { MALFORMED_PAYMENT } from '../src/gather/attacks.js';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/report/types.js';
import { captureIO } from './helpers/cli.js';

/** What the probe may take past a bound it set itself: scheduling on a busy 2-core machine. */
const MARGIN_MS = 1_500;

const running: HangOnPaymentSeller[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
});

async function seller(): Promise<HangOnPaymentSeller> {
  const s = await startHangOnPayment();
  running.push(s);
  return s;
}

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  const { io, out } = captureIO();
  const code = await main(args, io);
  return { code, stdout: out() };
}

/** From the seller's first request to the moment the probe let go of the last one. */
function sellerSpanMs(s: HangOnPaymentSeller): number {
  const closed = s.requests.map((r) => r.closedAt ?? Number.POSITIVE_INFINITY);
  return Math.max(...closed) - s.requests[0].arrivedAt;
}

const payments = (s: HangOnPaymentSeller) => s.requests.filter((r) => r.payment !== null);

describe('run deadline: a seller that answers the 402 and hangs on every payment', () => {
  it('check --timeout 2000: the forged and malformed payments are sent at once, so the run takes one timeout, not two', async () => {
    const s = await seller();
    const { code, stdout } = await cli(['check', s.url, '--timeout', '2000', '--json']);
    const report = JSON.parse(stdout) as Report;
    const sent = payments(s);
    expect(sent.map((r) => (r.payment === MALFORMED_PAYMENT ? 'malformed' : 'forged')).sort()).toEqual(['forged', 'malformed']);
    // Both hung requests were open at the same moment on the seller's side.
    expect(mostOpenAtOnce(sent)).toBe(2);
    expect(sellerSpanMs(s)).toBeLessThan(2_000 + MARGIN_MS);
    // Each exchange ended on its own timeout, well inside the default run deadline (3 × --timeout).
    expect(report.deadline).toEqual({ ms: 6_000, exceeded: false, cut: [] });
    expect(report.checks.find((c) => c.id === 'pay.forged-rejected')).toMatchObject({ status: 'warn', messageId: 'noResponse' });
    expect(report.checks.find((c) => c.id === 'http.deadline')?.status).toBe('pass');
    expect(code).toBe(0);
  });

  it('check --deadline below the timeout: both attacks are cut at the deadline, named in the report, and the run fails', async () => {
    const s = await seller();
    const { code, stdout } = await cli(['check', s.url, '--timeout', '10000', '--deadline', '1500', '--json']);
    const report = JSON.parse(stdout) as Report;
    expect(report.deadline).toEqual({ ms: 1_500, exceeded: true, cut: ['forged', 'malformed'] });
    expect(sellerSpanMs(s)).toBeLessThan(1_500 + MARGIN_MS);
    expect(report.durationMs).toBeLessThan(1_500 + MARGIN_MS);
    expect(report.checks.find((c) => c.id === 'http.deadline')).toMatchObject({ status: 'fail', messageId: 'cut' });
    expect(report.checks.find((c) => c.id === 'pay.forged-rejected')).toMatchObject({ status: 'warn', messageId: 'deadline' });
    expect(report.checks.find((c) => c.id === 'pay.malformed-rejected')).toMatchObject({ status: 'warn', messageId: 'deadline' });
    expect(report.verdict).toBe('fail');
    expect(code).toBe(1);
  });

  it('the pretty report says in one line what the deadline cut', async () => {
    const s = await seller();
    const { stdout } = await cli(['check', s.url, '--timeout', '10000', '--deadline', '800']);
    expect(stdout.split('\n').filter((l) => l.startsWith('Deadline'))).toEqual(['Deadline  the run deadline (800 ms) passed: cut forged, malformed (--deadline sets it)']);
    expect(stdout).toContain('✗ http.deadline');
  });

  it('scan applies the deadline to each target: one after another, each is cut at its own deadline', async () => {
    const sellers = [await seller(), await seller(), await seller()];
    const dir = mkdtempSync(join(tmpdir(), 'x402-probe-deadline-'));
    const file = join(dir, 'targets.txt');
    writeFileSync(file, sellers.map((s) => s.url).join('\n'));
    try {
      const { code, stdout } = await cli(['scan', file, '--json', '--timeout', '10000', '--deadline', '1000', '--concurrency', '1']);
      const reports = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Report);
      expect(code).toBe(1);
      expect(reports.map((r) => r.target).sort()).toEqual(sellers.map((s) => s.url).sort());
      for (const r of reports) {
        expect(r.deadline, r.target).toEqual({ ms: 1_000, exceeded: true, cut: ['forged', 'malformed'] });
        expect(r.verdict).toBe('fail');
      }
      for (const s of sellers) {
        // A scan-wide deadline would have left the later targets nothing: each got its own.
        expect(payments(s)).toHaveLength(2);
        expect(mostOpenAtOnce(payments(s))).toBe(2);
        expect(sellerSpanMs(s)).toBeLessThan(1_000 + MARGIN_MS);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
