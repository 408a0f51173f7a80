/**
 * `watch --pay-every` against the sandbox's official v2 seller, through main(): paid probes settle
 * on the local chain until --daily-cap would be exceeded, then are skipped and said so; the spend
 * and the settlement are in the metrics; the buyer's key is in no output, metric or webhook body.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { captureIO } from '../helpers/cli.js';
import { freePort } from '../helpers/prometheus.js';

let sandbox: Sandbox;
let receiver: Server;
const bodies: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => (bodies.push(body), res.writeHead(200).end()));
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
}, 120_000);

afterAll(async () => {
  await new Promise<void>((r) => (receiver.closeAllConnections(), receiver.close(() => r())));
  await sandbox?.stop();
});

describe('watch --pay-every', () => {
  it('pays until the daily cap, then skips and says so; spend and settlement in the metrics; no key anywhere', async () => {
    const seller = sandbox.sellers.find((s) => s.name === 'v2-express')!;
    const key = sandbox.accounts.buyers[0].privateKey;
    const price = Number(seller.price);
    const port = await freePort();
    const captured = captureIO({ X402_BUYER_KEY: key });
    let stop: () => void = () => {};
    const stopped = new Promise<void>((r) => (stop = r));
    const hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
    const exit = main(
      ['watch', seller.url, '-X', seller.method, '--rpc', sandbox.rpcUrl, '--interval', '1', '--timeout', '5000', '--deadline', '20000',
        '--pay-every', '1', '--daily-cap', String(price * 2.5), '--max-amount', String(price), '--key-env', 'X402_BUYER_KEY',
        '--metrics-port', String(port), '--webhook', hook, '--json'],
      { ...captured.io, waitForInterrupt: () => stopped },
    );
    const events = () => captured.out().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; reason?: string });
    const end = Date.now() + 60_000;
    while (!events().some((e) => e.event === 'pay-skipped') && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    stop();
    expect(await exit, captured.err()).toBe(0);

    const skipped = events().find((e) => e.event === 'pay-skipped');
    expect(skipped?.reason).toMatch(/would exceed the cap: spent 0\.002 of --daily-cap 0\.0025/);
    const value = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'm').exec(metrics)?.[1]);
    expect(value('x402_probe_spent_today')).toBeCloseTo(price * 2, 9);
    expect(value('x402_probe_payments_served_total')).toBe(2);
    expect(value('x402_probe_payments_refused_total')).toBe(0);
    expect(value('x402_probe_paid_probes_skipped_total')).toBeGreaterThanOrEqual(1);
    expect(value('x402_probe_last_settlement_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 120);
    expect(value('x402_probe_verdict')).toBe(1);

    const everything = [captured.out(), captured.err(), metrics, ...bodies].join('\n').toLowerCase();
    expect(everything).not.toContain(key.toLowerCase().slice(2));
    expect(everything).not.toContain(BigInt(key).toString());
    expect(everything).not.toContain(Buffer.from(key.slice(2), 'hex').toString('base64').toLowerCase());
  }, 120_000);

  it('with --spend-file, a restarted watch counts against the same daily cap (it pays once, then skips)', async () => {
    const seller = sandbox.sellers.find((s) => s.name === 'v2-express')!;
    const price = Number(seller.price);
    const spendFile = join(mkdtempSync(join(tmpdir(), 'x402-probe-watch-')), 'spend.json');
    const watchOnce = async () => {
      const captured = captureIO({ X402_BUYER_KEY: sandbox.accounts.buyers[1].privateKey });
      const code = await main(
        ['watch', seller.url, '-X', seller.method, '--rpc', sandbox.rpcUrl, '--interval', '1', '--timeout', '5000', '--count', '1', '--no-attacks',
          '--pay-every', '1', '--daily-cap', String(price * 1.5), '--max-amount', String(price), '--key-env', 'X402_BUYER_KEY', '--spend-file', spendFile, '--json'],
        captured.io,
      );
      expect(code, captured.err()).toBe(0);
      return captured.out().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; reason?: string; failing?: string[] });
    };
    expect((await watchOnce()).some((e) => e.event === 'pay-skipped')).toBe(false);
    // The second run is a restart: without the file it would pay again, past the cap of 1.5 prices.
    const again = await watchOnce();
    // What is left of the cap (half a price) is the restarted probe's --max-amount: the guard refuses to pay.
    expect(again.find((e) => e.event === 'baseline')).toMatchObject({ failing: ['pay.within-limits'] });
    expect(JSON.parse(readFileSync(spendFile, 'utf8'))).toMatchObject({ spentToday: (10n ** 27n).toString() }); // 0.001 at 10^30: one price, not two
  }, 120_000);
});
