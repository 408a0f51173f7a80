/**
 * `x402-probe scan` end to end through the CLI entry: real loopback sellers, the real engine,
 * one shared pool. Output is captured through a fake CliIO.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenSellers } from '../fixtures/sellers/broken/index.js';
import { makeSeller } from '../fixtures/sellers/good.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/sellers/server.js';
import type { CliIO } from '../src/cli/context.js';
import { main } from '../src/cli/main.js';
import { runScan } from '../src/cli/runScan.js';
import type { Report } from '../src/report/types.js';
import { registerPopulation, type Population } from '../fixtures/registry/population.js';
import { POPULATION } from '../fixtures/registry/specs.js';
import { startSandbox, type Sandbox } from '../src/sandbox/startSandbox.js';

function fakeIo(interrupt: Promise<void> = new Promise(() => {})) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, color: false, env: {}, waitForInterrupt: () => interrupt };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'x402-probe-scan-'));
function listFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const servers: FixtureServer[] = [];
let good: FixtureServer;
let goodV1: FixtureServer;
let ungated: FixtureServer;
/** A v2 seller that counts requests and TCP connections, and answers after a pause. */
let counted: FixtureServer;
const counter = { inFlight: 0, maxInFlight: 0, requests: 0, sockets: new Set<unknown>(), paymentHeaders: 0 };

beforeAll(async () => {
  const v2 = makeSeller('v2');
  good = await startFixtureServer(v2);
  goodV1 = await startFixtureServer(makeSeller('v1'));
  ungated = await startFixtureServer(brokenSellers.find((s) => s.id === 'status-200-ungated')!.handler);
  counted = await startFixtureServer(async (req, res, ctx) => {
    counter.requests += 1;
    counter.sockets.add(req.socket);
    if (req.headers['payment-signature'] || req.headers['x-payment']) counter.paymentHeaders += 1;
    counter.inFlight += 1;
    counter.maxInFlight = Math.max(counter.maxInFlight, counter.inFlight);
    await new Promise((r) => setTimeout(r, 40));
    counter.inFlight -= 1;
    await v2(req, res, ctx);
    // A head over Node's 16 KiB default would be answered 431 on a socket it then closes: let the oversized garbage header in.
  }, { maxHeaderSize: 64 * 1024 });
  servers.push(good, goodV1, ungated, counted);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

function ndjson(text: string): Report[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Report);
}

describe('x402-probe scan', () => {
  it('--json streams one report per line and nothing else; exit 1 when a target fails', async () => {
    const file = listFile('mixed.txt', ['# good and bad sellers', good.url, '', `  ${goodV1.url}  `, ungated.url]);
    const { io, stdout, stderr } = fakeIo();
    const code = await main(['scan', file, '--json', '--timeout', '3000'], io);
    expect(stderr()).toBe('');
    expect(code).toBe(1);
    const reports = ndjson(stdout());
    expect(stdout().endsWith('\n')).toBe(true);
    expect(reports.map((r) => r.target).sort()).toEqual([good.url, goodV1.url, ungated.url].sort());
    for (const r of reports) expect(r.tool).toBe('x402-probe');
    expect(reports.find((r) => r.target === ungated.url)?.checks.find((c) => c.id === 'http.status-402')?.status).toBe('fail');
    expect(reports.find((r) => r.target === good.url)?.verdict).toBe('pass');
  });

  it("--json lines carry each check's per-target part; --full-reports the whole report, as check --json prints it", async () => {
    const file = listFile('lean.txt', [good.url]);
    const lean = fakeIo();
    const full = fakeIo();
    expect(await main(['scan', file, '--json', '--timeout', '3000'], lean.io)).toBe(0);
    expect(await main(['scan', file, '--json', '--full-reports', '--timeout', '3000'], full.io)).toBe(0);
    const [leanReport] = ndjson(lean.stdout());
    const [fullReport] = ndjson(full.stdout());
    expect(leanReport.checks.map((c) => [c.id, c.status, c.messageId])).toEqual(fullReport.checks.map((c) => [c.id, c.status, c.messageId]));
    for (const c of leanReport.checks) expect(Object.keys(c).filter((k) => !['id', 'status', 'messageId', 'message', 'evidence', 'findings'].includes(k))).toEqual([]);
    for (const c of fullReport.checks) expect(c).toMatchObject({ title: expect.any(String), severity: expect.any(String), fix: expect.any(String), docsUrl: expect.any(String) });
    expect(lean.stdout().length * 2).toBeLessThan(full.stdout().length);
  });

  it('prints a line per target and a summary table by check id; exit 0 when all pass', async () => {
    const file = listFile('good.txt', [good.url, goodV1.url]);
    const { io, stdout } = fakeIo();
    const code = await main(['scan', file, '--timeout', '3000'], io);
    expect(code).toBe(0);
    const text = stdout();
    expect(text).toContain(`PASS  ${good.url}`);
    expect(text).toContain(`PASS  ${goodV1.url}`);
    expect(text).toMatch(/^check\s+pass\s+fail\s+warn\s+skip$/m);
    expect(text).toMatch(/^http\.status-402\s+2\s+0\s+0\s+0$/m);
    expect(text).toMatch(/2 target\(s\): 2 passed, 0 failed/);
  });

  it('names the failing checks of a failed target', async () => {
    const file = listFile('bad.txt', [ungated.url]);
    const { io, stdout } = fakeIo();
    expect(await main(['scan', file], io)).toBe(1);
    expect(stdout()).toMatch(new RegExp(`FAIL  ${ungated.url.replace(/[.?]/g, '\\$&')}  .*http\\.status-402`));
  });

  it('reports a bad line as a usage error with its number (exit 2) before probing anything', async () => {
    const before = counter.requests;
    const file = listFile('typo.txt', [counted.url, '# ok', 'htp//typo.example', counted.url]);
    const { io, stdout, stderr } = fakeIo();
    expect(await main(['scan', file, '--json'], io)).toBe(2);
    expect(stderr()).toMatch(/line 3: not an absolute URL/);
    expect(stdout()).toBe('');
    expect(counter.requests).toBe(before);
  });

  it('exits 2 for a missing file, an empty list and a bad --concurrency', async () => {
    expect(await main(['scan', join(dir, 'nope.txt')], fakeIo().io)).toBe(2);
    expect(await main(['scan', listFile('empty.txt', ['# nothing'])], fakeIo().io)).toBe(2);
    const f = fakeIo();
    expect(await main(['scan', listFile('one.txt', [good.url]), '--concurrency', '0'], f.io)).toBe(2);
    expect(f.stderr()).toMatch(/--concurrency must be a positive integer/);
  });

  it('has no --pay', async () => {
    const f = fakeIo();
    expect(await main(['scan', listFile('pay.txt', [good.url]), '--pay'], f.io)).toBe(2);
    expect(f.stderr()).toMatch(/unknown option '--pay'/);
  });

  it('reads the list from standard input with -', async () => {
    const { io, stdout } = fakeIo();
    const stdin = Readable.from([`# from a pipe\n${good.url}\n`]);
    const code = await runScan('-', { method: 'GET', timeout: 3000, attacks: true, json: true, concurrency: 16, perHost: 2 }, io, stdin);
    expect(code).toBe(0);
    expect(ndjson(stdout()).map((r) => r.target)).toEqual([good.url]);
  });

  it('keeps at most --per-host probes in flight on one host, through one shared pool', async () => {
    Object.assign(counter, { inFlight: 0, maxInFlight: 0, requests: 0, paymentHeaders: 0 });
    counter.sockets.clear();
    const urls = Array.from({ length: 8 }, (_, i) => `${counted.url}?n=${i}`);
    const { io, stdout } = fakeIo();
    const code = await main(['scan', listFile('polite.txt', urls), '--json', '--concurrency', '16', '--per-host', '2', '--timeout', '5000'], io);
    expect(code).toBe(0);
    expect(ndjson(stdout())).toHaveLength(8);
    // Each probe: unpaid; forged and malformed at once; then five garbage headers, two at a time.
    expect(counter.requests).toBe(8 * 8);
    expect(counter.maxInFlight).toBeLessThanOrEqual(2 * 2);
    // One pool for the whole scan: keep-alive sockets are reused across targets.
    expect(counter.sockets.size).toBeLessThanOrEqual(2 * 2);
  });

  it('passes the probe options through (--no-attacks sends no payment header)', async () => {
    Object.assign(counter, { requests: 0, paymentHeaders: 0 });
    const { io, stdout } = fakeIo();
    const code = await main(['scan', listFile('noattacks.txt', [counted.url]), '--json', '--no-attacks', '--expect-price', '0.02'], io);
    expect(counter.requests).toBe(1);
    expect(counter.paymentHeaders).toBe(0);
    const [report] = ndjson(stdout());
    expect(report.checks.find((c) => c.id === 'pay.forged-rejected')?.status).toBe('skip');
    expect(report.checks.find((c) => c.id === 'req.expect-price')?.status).toBe('fail');
    expect(code).toBe(1);
  });

  it('stops starting probes on Ctrl-C, finishes those in flight, and exits 130', async () => {
    let interrupt!: () => void;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const urls = Array.from({ length: 6 }, (_, i) => `${counted.url}?stop=${i}`);
    const f = fakeIo(interrupted);
    const io: CliIO = { ...f.io, stdout: (t) => (f.io.stdout(t), interrupt()) };
    const code = await main(['scan', listFile('stop.txt', urls), '--concurrency', '1', '--no-attacks'], io);
    expect(code).toBe(130);
    expect(f.stdout()).toMatch(/interrupted, [1-5] not probed/);
  });
});

describe('x402-probe scan --from-registry', () => {
  // The population is served on loopback, registry data by the network policy: --allow-private opts in.
  let sandbox: Sandbox;
  let population: Population;
  /** Two good sellers, one dead endpoint, and four agents a registry scan must leave out. */
  const KEYS = ['good-data', 'good-http', 'dead-endpoint', 'x402-false', 'inactive', 'template', 'broken-json'];

  beforeAll(async () => {
    sandbox = await startSandbox({ sellers: false });
    population = await registerPopulation(sandbox.rpcUrl, sandbox.accounts, POPULATION.filter((s) => KEYS.includes(s.key)));
  }, 120_000);

  afterAll(async () => {
    await population?.close();
    await sandbox?.stop();
  });

  const agentOf = (key: string) => population.agents.find((a) => a.spec.key === key)!;

  it('scans every x402 endpoint of the registry, each with its ERC-8004 cross-check', async () => {
    const { io, stdout, stderr } = fakeIo();
    const code = await main(['scan', '--from-registry', '--rpc', sandbox.rpcUrl, '--ipfs-gateway', population.ipfsGateway, '--allow-private', '--json', '--no-attacks', '--timeout', '3000'], io);
    expect(stderr()).toBe('');
    const reports = ndjson(stdout());
    const wanted = ['good-data', 'good-http', 'dead-endpoint'].map(agentOf);
    expect(reports.map((r) => r.target).sort()).toEqual(wanted.map((a) => a.endpoint).sort());
    for (const r of reports) expect(r.checks.find((c) => c.id === 'registry.agent-exists')?.status, r.target).toBe('pass');
    expect(reports.find((r) => r.target === agentOf('dead-endpoint').endpoint)?.checks.find((c) => c.id === 'http.reachable')?.status).toBe('fail');
    expect(code).toBe(1);
  });

  it('says in pretty mode what it found and left out, and names each target\'s agent', async () => {
    const { io, stdout } = fakeIo();
    await main(['scan', '--from-registry', '--rpc', sandbox.rpcUrl, '--ipfs-gateway', population.ipfsGateway, '--allow-private', '--no-attacks', '--timeout', '3000', '--limit', '50'], io);
    const text = stdout();
    expect(text).toMatch(/Registry eip155:84532:0x8004A818BFB912233c491871b3d84c89A494BD9e: 7 agent\(s\), 3 x402 endpoint\(s\) to scan; left out: /);
    expect(text).toContain('1 not declared x402');
    expect(text).toContain('1 inactive');
    expect(text).toContain('1 endpoint has an {agentId} template');
    expect(text).toContain('1 registration file unreadable');
    expect(text).toContain(`(agent ${agentOf('good-data').agentId})`);
  });

  it('takes a file or --from-registry, not both', async () => {
    const f = fakeIo();
    expect(await main(['scan', listFile('both.txt', [good.url]), '--from-registry'], f.io)).toBe(2);
    expect(f.stderr()).toMatch(/not both/);
    expect(await main(['scan'], fakeIo().io)).toBe(2);
    expect(await main(['scan', listFile('lim.txt', [good.url]), '--limit', '3'], fakeIo().io)).toBe(2);
  });
});
