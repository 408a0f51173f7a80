/**
 * Real monitoring: Debian's Prometheus scrapes `watch` (in-process, through main()) every second
 * while a loopback seller answers well, then breaks (garbage instead of a 402), then is repaired
 * at a new price; the series Prometheus stored are read back through /api/v1/query_range.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { makeSeller } from '../fixtures/sellers/good.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/sellers/server.js';
import { captureIO } from './helpers/cli.js';
import { freePort, type RunningPrometheus, startPrometheus } from './helpers/prometheus.js';

type Phase = 'good' | 'broken' | 'repaired';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watch scraped by a real Prometheus', () => {
  let phase: Phase = 'good';
  let seller: FixtureServer;
  let prometheus: RunningPrometheus | undefined;
  let stopWatch: () => void = () => {};
  let watching: Promise<number> | undefined;
  const captured = captureIO();
  const good = makeSeller('v2');
  const repriced = makeSeller('v2', {
    challenge: (pr) => {
      pr.accepts[0].amount = '20000';
      return pr;
    },
  });

  beforeAll(async () => {
    seller = await startFixtureServer((req, res, ctx) => {
      if (phase === 'broken') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>\u0000\u001b[31mnot a payment challenge</html>');
        return;
      }
      return (phase === 'good' ? good : repriced)(req, res, ctx);
    });
  });

  afterAll(async () => {
    stopWatch();
    await watching?.catch(() => undefined);
    await prometheus?.stop();
    await seller?.close();
  });

  it('stores up, verdict, check status, price and change counts across an outage and a repair', async () => {
    const metricsPort = await freePort();
    prometheus = await startPrometheus(`127.0.0.1:${metricsPort}`);
    const stop = new Promise<void>((resolve) => (stopWatch = resolve));
    const io = { ...captured.io, waitForInterrupt: () => stop };
    const t0 = Math.floor(Date.now() / 1000);
    watching = main(['watch', seller.url, '--interval', '1', '--timeout', '900', '--deadline', '5000', '--metrics-port', String(metricsPort), '--json'], io);
    // Driven by what watch reports, not by the clock: a cold start on a busy machine may take seconds.
    const seen = (test: (e: { event: string; kind?: string; to?: string }) => boolean) =>
      captured.out().split('\n').filter(Boolean).some((l) => test(JSON.parse(l)));
    const until = async (what: string, test: Parameters<typeof seen>[0]) => {
      const end = Date.now() + 20_000;
      while (!seen(test)) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${captured.out()}${captured.err()}`);
        await sleep(100);
      }
    };
    // Then until Prometheus itself has scraped the new state: on a loaded machine a fixed pause can miss it.
    const stored = async (query: string, expected: number) => {
      const end = Date.now() + 30_000;
      for (;;) {
        const series = await prometheus!.queryRange(query, t0, Math.ceil(Date.now() / 1000), 1).catch(() => []);
        const last = series[0]?.values.at(-1);
        if (last && Number(last[1]) === expected) return;
        if (Date.now() > end) throw new Error(`Prometheus never stored ${query} = ${expected}\n${prometheus!.logs()}`);
        await sleep(250);
      }
    };
    await until('the baseline', (e) => e.event === 'baseline');
    await stored('x402_probe_up', 1);
    phase = 'broken';
    await until('pass -> fail', (e) => e.kind === 'verdict' && e.to === 'fail');
    await stored('x402_probe_up', 0);
    phase = 'repaired';
    await until('the price change', (e) => e.kind === 'price');
    await stored('x402_probe_advertised_price{requirement="0"}', 0.02);
    stopWatch();
    expect(await watching).toBe(0);
    // One more scrape interval for the last samples to land.
    await sleep(1_500);
    const t1 = Math.ceil(Date.now() / 1000);
    const values = async (query: string) => {
      const result = await prometheus!.queryRange(query, t0, t1, 1);
      expect(result, `${query} has one series\n${prometheus!.logs()}`).toHaveLength(1);
      return result[0].values.map(([, v]) => Number(v));
    };
    // Consecutive duplicates collapsed: the shape of the story, whatever the exact timing.
    const story = (xs: number[]) => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);

    expect(story(await values('x402_probe_up'))).toEqual([1, 0, 1]);
    expect(story(await values('x402_probe_verdict'))).toEqual([1, 0, 1]);
    expect(story(await values('x402_probe_check_status{check="challenge.found",status="fail"}'))).toEqual([0, 1, 0]);
    expect(story(await values('x402_probe_advertised_price{requirement="0"}'))).toEqual([0.01, 0.02]);
    expect(Math.max(...(await values('x402_probe_changes_total{kind="verdict"}')))).toBe(2);
    expect(Math.max(...(await values('x402_probe_changes_total{kind="price"}')))).toBe(1);
    const target = (await prometheus.queryRange('x402_probe_up', t0, t1, 1))[0].metric;
    expect(target).toMatchObject({ job: 'x402-probe-watch', target: seller.url });

    const events = captured.out().trim().split('\n').map((l) => JSON.parse(l) as { event: string; kind?: string; to?: string });
    expect(events.filter((e) => e.event === 'change').map((e) => `${e.kind}:${e.to ?? ''}`)).toEqual(['verdict:fail', 'verdict:pass', expect.stringMatching(/^price:/)]);
  }, 60_000);
});
