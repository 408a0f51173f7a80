/**
 * The run deadline holds when what is slow is not the seller but a service the probe reads on
 * its behalf: a JSON-RPC node (token facts, the ERC-8004 agent, balances) or the remote signer.
 * Each answers correctly, just late, so reads made one after another add up; every one must be
 * cut at the deadline and named, and the run must end there. The seller answers the 402 at once
 * and hangs on every payment (fixtures/hostile/hang-on-payment.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startHangOnPayment } from '../fixtures/hostile/hang-on-payment.js';
import { startSlowRpc } from '../fixtures/hostile/slow-rpc.js';
import { startFakeSigner } from '../fixtures/signer/fakeSigner.js';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/report/types.js';
import { captureIO } from './helpers/cli.js';

/** What the probe may take past its deadline: scheduling on a busy 2-core machine. */
const MARGIN_MS = 1_000;
/** Each read answers this late: under --timeout, so only the deadline can end them. */
const DELAY_MS = 1_800;
const TIMEOUT_MS = 2_000;
const DEADLINE_MS = 2_500;

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

async function cli(args: string[]): Promise<{ code: number; report: Report; ms: number }> {
  const { io, out } = captureIO();
  const started = performance.now();
  const code = await main(args, io);
  return { code, report: JSON.parse(out()) as Report, ms: performance.now() - started };
}

async function world() {
  const seller = await startHangOnPayment();
  const rpc = await startSlowRpc(DELAY_MS);
  closers.push(() => seller.close(), () => rpc.close());
  return { seller, rpc };
}

const limits = ['--timeout', String(TIMEOUT_MS), '--deadline', String(DEADLINE_MS), '--json'];

describe('run deadline: slow services the probe reads for the seller', () => {
  it('--rpc answering every read late: the token reads are cut at the deadline, not one --timeout per read', async () => {
    const { seller, rpc } = await world();
    const { code, report, ms } = await cli(['check', seller.url, '--rpc', rpc.url, '--no-attacks', '--no-discovery', ...limits]);
    // Three reads in a row (chain id, code, token facts) took three delays before.
    expect(rpc.calls.length).toBeLessThan(5);
    expect(report.durationMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
    // Before the run starts, the CLI asks the --rpc for its chain id once (a silent one is exit 2): one delay.
    expect(ms).toBeLessThan(DELAY_MS + DEADLINE_MS + MARGIN_MS + 1_000);
    expect(report.deadline).toMatchObject({ exceeded: true, cut: ['tokenInfo'] });
    expect(report.checks.find((c) => c.id === 'http.deadline')).toMatchObject({ status: 'fail', messageId: 'cut' });
    expect(code).toBe(1);
  });

  it('--agent read over a late --rpc: the registry reads are cut at the deadline', async () => {
    const { seller, rpc } = await world();
    const { code, report } = await cli(['check', seller.url, '--rpc', rpc.url, '--agent', '84532:1', '--no-attacks', ...limits]);
    expect(report.durationMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
    expect(report.deadline).toMatchObject({ exceeded: true, cut: expect.arrayContaining(['registryAgent']) });
    expect(code).toBe(1);
  });

  it('--pay through a remote signer that signs late: the signing is cut at the deadline, nothing is paid, and the run fails', async () => {
    const { seller } = await world();
    const signer = await startFakeSigner({ signDelayMs: DELAY_MS });
    // --pay needs a chain read; this one answers at once, so only the signer is late.
    const chain = await startSlowRpc(0);
    closers.push(() => signer.close(), () => chain.close());
    const { code, report } = await cli(['check', seller.url, '--pay', '--signer', signer.url, '--rpc', chain.url, '--no-attacks', ...limits]);
    // The paid payment and three variants are signed one after another: four delays before.
    expect(report.durationMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
    expect(report.deadline).toMatchObject({ exceeded: true, cut: ['payment'] });
    expect(seller.requests.filter((r) => r.payment !== null)).toEqual([]);
    expect(report.verdict).toBe('fail');
    expect(code).toBe(1);
  });
});
