/**
 * `watch` against hostile loopback sellers, driven through main(): a seller that hangs (the
 * interval holds, each probe is cut by its deadline), one whose price flips on every probe (one
 * change per flip, metrics show the latest), one answering garbage and one flooding requirements
 * with junk (no crash, bounded series), Ctrl-C mid-probe (exit 0 within a bound), webhooks that
 * work and webhooks that hang, and the usage errors.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { allChecks } from '../src/checks/index.js';
import { main } from '../src/cli/main.js';
import { makeSeller, paymentHeaderOf } from '../fixtures/sellers/good.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/sellers/server.js';
import { startHostileServer } from '../fixtures/hostile/server.js';
import { captureIO } from './helpers/cli.js';
import { freePort } from './helpers/prometheus.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Event = { event: string; at?: string; kind?: string; to?: unknown; from?: unknown; verdict?: string; failing?: string[]; aborted?: boolean; probes?: number };

/** Start watch in-process; `stop()` is its Ctrl-C. */
function startWatch(args: string[]) {
  const captured = captureIO();
  let interrupt: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (interrupt = resolve));
  const exit = main(['watch', ...args], { ...captured.io, waitForInterrupt: () => stopped });
  cleanups.push(async () => {
    interrupt();
    await exit;
  });
  const events = (): Event[] =>
    captured
      .out()
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Event);
  return { exit, stop: () => interrupt(), events, err: captured.err, out: captured.out };
}

async function until(what: string, test: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function seller(handler: Parameters<typeof startFixtureServer>[0]): Promise<FixtureServer> {
  const s = await startFixtureServer(handler);
  cleanups.push(() => s.close());
  return s;
}

describe('watch against hostile sellers', () => {
  it('keeps its interval against a seller that hangs: every probe is cut by the deadline', async () => {
    const hang = await startHostileServer(() => {});
    cleanups.push(() => hang.close());
    const w = startWatch([hang.url, '--interval', '1', '--timeout', '30000', '--count', '3', '--json']);
    expect(await w.exit).toBe(0);
    const baseline = w.events().find((e) => e.event === 'baseline')!;
    // From the first probe's start to the end of the third: three intervals, not three 30 s timeouts.
    const elapsed = Date.parse(w.events().at(-1)!.at as string) - Date.parse(baseline.at as string);
    expect(elapsed).toBeGreaterThanOrEqual(2_900);
    expect(elapsed).toBeLessThan(3_800);
    expect(baseline).toMatchObject({ event: 'baseline', verdict: 'fail' });
    expect(baseline.failing).toEqual(expect.arrayContaining(['http.deadline']));
    expect(w.events().at(-1)).toMatchObject({ event: 'stopped', probes: 3 });
  }, 20_000);

  it('reports one price change per flip, and its metrics show the latest price', async () => {
    let unpaid = 0;
    const cheap = makeSeller('v2');
    const dear = makeSeller('v2', { challenge: (pr) => ((pr.accepts[0].amount = '30000'), pr) });
    const s = await seller((req, res, ctx) => {
      // The price flips with each probe's unpaid request; its payment attempts see the same price.
      // Discovery documents (/.well-known/x402, /openapi.json) are read unpaid too: count the route only.
      const discovery = /openapi\.json|\.well-known/.test(req.url ?? '');
      if (paymentHeaderOf(req) === undefined && !discovery) unpaid++;
      return (unpaid % 2 === 1 ? cheap : dear)(req, res, ctx);
    });
    const port = await freePort();
    const w = startWatch([s.url, '--interval', '1', '--timeout', '900', '--deadline', '5000', '--metrics-port', String(port), '--json']);
    await until('three price changes', () => w.events().filter((e) => e.kind === 'price').length >= 3);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const prices = w.events().filter((e) => e.kind === 'price');
    w.stop();
    expect(await w.exit).toBe(0);
    // Each flip is one event, alternating between the two prices.
    const tos = prices.map((e) => (e.to as { amount: string }).amount);
    expect(tos.slice(0, 3)).toEqual(['30000', '10000', '30000']);
    const latest = Number(/^x402_probe_advertised_amount_atomic\{[^}]*requirement="0"\} (\S+)$/m.exec(metrics)?.[1]);
    expect([10000, 30000]).toContain(latest);
    const changes = Number(/^x402_probe_changes_total\{[^}]*kind="price"\} (\S+)$/m.exec(metrics)?.[1]);
    expect(changes).toBeGreaterThanOrEqual(3);
    expect(w.events().filter((e) => e.kind === 'verdict')).toEqual([]);
  }, 30_000);

  it('reads the discovery documents on every probe, and never with --no-discovery', async () => {
    const discoveryReads = { on: 0, off: 0 };
    const good = makeSeller('v2');
    const serve = (mode: 'on' | 'off') => seller((req, res, ctx) => {
      if (/openapi\.json|\.well-known/.test(req.url ?? '')) discoveryReads[mode]++;
      return good(req, res, ctx);
    });
    const [on, off] = await Promise.all([serve('on'), serve('off')]);
    const watched = [
      startWatch([on.url, '--interval', '1', '--count', '2', '--no-attacks', '--json']),
      startWatch([off.url, '--interval', '1', '--count', '2', '--no-attacks', '--no-discovery', '--json']),
    ];
    expect(await Promise.all(watched.map((w) => w.exit))).toEqual([0, 0]);
    expect(discoveryReads.on).toBeGreaterThanOrEqual(2);
    expect(discoveryReads.off).toBe(0);
  }, 20_000);

  it('survives a seller answering garbage and one flooding junk requirements, with bounded series', async () => {
    let n = 0;
    const junk = await seller((_req, res, ctx) => {
      n++;
      if (n % 3 === 0) return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0, 0xff, 0x1b, 0x5b, 0x32, 0x4a]));
      const accepts = Array.from({ length: 500 }, (_, i) => ({
        scheme: `exact\u001b[2J${n}-${i}`,
        network: `eip155:${1000 + n * 1000 + i}`,
        amount: `${n}${i}`,
        asset: `0x${'ab'.repeat(20)}`,
        payTo: `\u202e0xevil-${n}-${i}`,
        maxTimeoutSeconds: 60,
      }));
      const pr = { x402Version: 2, error: 'x', resource: { url: ctx.requestUrl }, accepts };
      res.writeHead(402, { 'payment-required': Buffer.from(JSON.stringify(pr)).toString('base64'), 'content-type': 'application/json' }).end('{}');
    });
    const port = await freePort();
    const w = startWatch([junk.url, '--interval', '1', '--timeout', '900', '--deadline', '5000', '--metrics-port', String(port), '--no-attacks']);
    await until('four probes', () => n >= 4);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    w.stop();
    expect(await w.exit).toBe(0);
    const series = metrics.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(series.filter((l) => l.startsWith('x402_probe_advertised_price{')).length).toBeLessThanOrEqual(8);
    // Nothing the seller sent became a label value.
    expect(metrics).not.toContain('evil');
    expect(metrics).not.toMatch(/[\u001b\u202e]/);
    // Four status series per check the probe knows (its own ids, never the seller's), and a few dozen others.
    const checkSeries = series.filter((l) => l.startsWith('x402_probe_check_status{'));
    expect(checkSeries.length).toBeLessThanOrEqual(allChecks.length * 4);
    expect(series.length - checkSeries.length).toBeLessThan(60);
    // Printed lines carry no raw control or bidi characters either.
    expect(w.out()).not.toMatch(/[\u0000\u001b\u202e]/);
    expect(w.err()).not.toContain('internal error');
  }, 30_000);

  it('stops cleanly on Ctrl-C while a probe hangs: exit 0 within the grace bound, metrics server closed', async () => {
    let asked = 0;
    const hang = await startHostileServer(() => void asked++);
    cleanups.push(() => hang.close());
    const port = await freePort();
    const w = startWatch([hang.url, '--interval', '60', '--timeout', '60000', '--deadline', '3000', '--metrics-port', String(port), '--json']);
    await until('the probe in flight', () => asked > 0);
    const stoppedAt = Date.now();
    w.stop();
    expect(await w.exit).toBe(0);
    // The probe in flight finishes within min(deadline, 5 s) or is aborted; here its deadline ends it.
    expect(Date.now() - stoppedAt).toBeLessThan(4_500);
    expect(w.events().at(-1)).toMatchObject({ event: 'stopped', probes: 1 });
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  }, 20_000);

  it('aborts a probe that outlives the grace period on Ctrl-C', async () => {
    let asked = 0;
    const hang = await startHostileServer(() => void asked++);
    cleanups.push(() => hang.close());
    const w = startWatch([hang.url, '--interval', '60', '--timeout', '60000', '--deadline', '60000', '--json']);
    await until('the probe in flight', () => asked > 0);
    const stoppedAt = Date.now();
    w.stop();
    expect(await w.exit).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(7_500);
    expect(w.events().at(-1)).toMatchObject({ event: 'stopped', aborted: true });
  }, 20_000);

  it('POSTs change events to --webhook, and a webhook that hangs is logged, never stops watch', async () => {
    let broken = false;
    const good = makeSeller('v2');
    const s = await seller((req, res, ctx) => (broken ? void res.writeHead(500).end('down') : good(req, res, ctx)));
    const bodies: string[] = [];
    const receiver: Server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => (receiver.closeAllConnections(), receiver.close(() => r()))));
    const hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook?token=abc`;
    const hanging = await startHostileServer(() => {});
    cleanups.push(() => hanging.close());

    const w = startWatch([s.url, '--interval', '1', '--timeout', '900', '--deadline', '5000', '--webhook', hook, '--json']);
    const h = startWatch([s.url, '--interval', '1', '--timeout', '900', '--deadline', '5000', '--webhook', hanging.url, '--webhook-timeout', '300', '--json']);
    await until('both baselines', () => w.events().some((e) => e.event === 'baseline') && h.events().some((e) => e.event === 'baseline'));
    broken = true;
    await until('the webhook post', () => bodies.length >= 1);
    await until('the hanging webhook logged', () => /webhook (timeout|deadline)/.test(h.err()));
    const probesBefore = h.events().length;
    broken = false;
    await until('a recovery after the failed webhook', () => h.events().some((e) => e.kind === 'verdict' && e.to === 'pass'));
    expect(h.events().length).toBeGreaterThan(probesBefore);
    w.stop();
    h.stop();
    expect(await w.exit).toBe(0);
    expect(await h.exit).toBe(0);
    expect(JSON.parse(bodies[0])).toMatchObject({ event: 'change', kind: 'verdict', from: 'pass', to: 'fail', target: s.url });
    expect(JSON.parse(bodies[0]).failing).toContain('http.status-402');
  }, 40_000);

  it('refuses bad usage with exit 2 and one line', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /a URL or --offer/],
      [['http://127.0.0.1:1/x', '--offer', 'o'], /a URL or --offer/],
      [['http://127.0.0.1:1/x', '--pay-every', '2'], /--daily-cap/],
      [['http://127.0.0.1:1/x', '--daily-cap', '1'], /only applies with --pay-every/],
      [['http://127.0.0.1:1/x', '--key-env', 'K'], /only apply with --pay-every/],
      [['http://127.0.0.1:1/x', '--metrics-port', '70000'], /port number/],
      [['http://127.0.0.1:1/x', '-n', 'ns'], /only apply with --offer/],
    ];
    for (const [args, message] of cases) {
      const captured = captureIO();
      expect(await main(['watch', ...args], captured.io), args.join(' ')).toBe(2);
      expect(captured.err()).toMatch(message);
      expect(captured.err().trim().split('\n')).toHaveLength(1);
    }
  });

  it('a metrics port already taken is a configuration error (exit 2), not a crash', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => taken.close(() => r())));
    const port = (taken.address() as { port: number }).port;
    const captured = captureIO();
    expect(await main(['watch', 'http://127.0.0.1:1/x', '--metrics-port', String(port), '--count', '1'], captured.io)).toBe(2);
    expect(captured.err()).toMatch(/cannot serve metrics on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
  });

  it('--help ends with examples', async () => {
    const captured = captureIO();
    expect(await main(['watch', '--help'], captured.io)).toBe(0);
    expect(captured.out()).toMatch(/Examples:\n {2}x402-probe watch /);
  });
});
