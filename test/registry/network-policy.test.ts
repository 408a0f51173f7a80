/**
 * Registry data that points the probe at private networks (issue 11, item 1), through the sandbox
 * registry: an agent whose file lists loopback endpoints (one a POST to /admin), one whose
 * endpoint is "public" and redirects to loopback, one whose agentURI itself is a loopback file,
 * and one whose host name resolves to loopback. The forbidden server records every request it
 * gets and answers with a secret; none of it may reach it, nor its secret a report, unless the
 * user opts in with --allow-private. 127.0.0.9 stands in for a public host through a test
 * classifier (library API); the CLI judges with the real one, where 127.0.0.9 is loopback too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPopulation, type Population } from '../../fixtures/registry/population.js';
import { REGISTRATION_TYPE, type AgentSpec } from '../../fixtures/registry/specs.js';
import { main } from '../../src/cli/main.js';
import { classifyAddress, type HostLookup } from '../../src/gather/network.js';
import { scanMarket } from '../../src/registry/market.js';
import type { CheckResult, Report } from '../../src/report/types.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/startSandbox.js';
import { registryTargets } from '../../src/scan/registryTargets.js';
import { scanTargets } from '../../src/scan/scanTargets.js';
import { captureIO } from '../helpers/cli.js';

const SECRET = 'ADMIN-SECRET-7f3a';
const PUBLIC_STAND_IN = '127.0.0.9';
const standInClassifier = (address: string) => (address === PUBLIC_STAND_IN ? 'unicast' : classifyAddress(address));
/** Never the system resolver: the test's names all resolve to the forbidden server's address. */
const testLookup: HostLookup = async (hostname) => {
  if (hostname === 'localhost' || hostname.endsWith('.test')) return ['127.0.0.1'];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

interface Recorder {
  origin: string;
  port: number;
  requests: string[];
  server: Server;
}

async function listen(host: string, handler: (path: string, respond: (status: number, headers: Record<string, string>, body?: string) => void) => void): Promise<Recorder> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    handler(req.url ?? '/', (status, headers, body) => void res.writeHead(status, headers).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return { origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, requests, server };
}

const ndjson = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Report);
const checkOf = (report: Report, id: string) => report.checks.find((c) => c.id === id) as CheckResult;

let sandbox: Sandbox;
let admin: Recorder;
let adminV6: Recorder;
let stranger: Recorder;
const populations: Population[] = [];

const hostile = (key: string, services: () => object[], uri: AgentSpec['uri'] = 'data'): AgentSpec => ({
  key,
  defect: 'points the probe at a private network',
  uri,
  expect: [],
  edit: (doc) => ({ ...doc, type: REGISTRATION_TYPE, services: services() }),
});

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  admin = await listen('127.0.0.1', (_path, respond) => respond(200, { 'content-type': 'text/plain' }, `${SECRET}: everything deleted`));
  adminV6 = await listen('::1', (_path, respond) => respond(200, { 'content-type': 'text/plain' }, `${SECRET} over IPv6`));
  stranger = await listen(PUBLIC_STAND_IN, (path, respond) => respond(307, { location: `${admin.origin}/admin?from=${encodeURIComponent(path)}`, 'content-length': '0' }));
  populations.push(
    await registerPopulation(sandbox.rpcUrl, sandbox.accounts, [
      hostile('loopback-lister', () => [
        { name: 'web', endpoint: `${admin.origin}/admin`, method: 'POST' },
        { name: 'api', endpoint: `http://localhost:${admin.port}/api/weather` },
        { name: 'v6', endpoint: `${adminV6.origin}/api/weather` },
      ]),
      hostile('public-redirector', () => [{ name: 'web', endpoint: `${stranger.origin}/api/weather` }]),
      // Its agentURI is an http file on a loopback host (the population's hub).
      hostile('loopback-file', () => [{ name: 'web', endpoint: `${stranger.origin}/via-file` }], 'http'),
    ]),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(populations.map((p) => p.close()));
  await Promise.all([admin, adminV6, stranger].filter(Boolean).map((r) => new Promise<void>((resolve) => r.server.close(() => resolve()))));
  await sandbox?.stop();
});

const agentOf = (key: string) => populations.flatMap((p) => p.agents).find((a) => a.spec.key === key)!;
const forbiddenHits = () => [...admin.requests, ...adminV6.requests];

describe('registry data that points at private networks', () => {
  it('scan --from-registry refuses every loopback endpoint and file: no request, the check fails with the reason, no secret in the NDJSON', async () => {
    const { io, out, err } = captureIO();
    const code = await main(['scan', '--from-registry', '--rpc', sandbox.rpcUrl, '--json', '--timeout', '3000'], io);
    expect(err()).toBe('');
    expect(code).toBe(1);
    const reports = ndjson(out());
    expect(reports.map((r) => r.target).sort()).toEqual([`${admin.origin}/admin`, `http://localhost:${admin.port}/api/weather`, `${adminV6.origin}/api/weather`, `${stranger.origin}/api/weather`].sort());
    for (const report of reports) {
      expect(report.verdict).toBe('fail');
      expect(checkOf(report, 'http.reachable'), report.target).toMatchObject({ status: 'fail', messageId: 'forbidden' });
      expect(checkOf(report, 'http.reachable').message).toMatch(/is loopback; targets from registry data must be public \(--allow-private\)/);
    }
    expect(checkOf(reports.find((r) => r.target.includes('localhost'))!, 'http.reachable').message).toContain(`localhost resolves to `);
    expect(out()).not.toContain(SECRET);
    // 127.0.0.9 is loopback to the real classifier: the "public" stranger is refused too.
    expect([...forbiddenHits(), ...stranger.requests]).toEqual([]);
  });

  it('scan (pretty) says the loopback registration file was left out', async () => {
    const { io, out } = captureIO();
    await main(['scan', '--from-registry', '--rpc', sandbox.rpcUrl, '--timeout', '3000'], io);
    expect(out()).toContain('1 registration file not at a public address');
    expect(forbiddenHits()).toEqual([]);
  });

  it('registry show fails registry.uri-resolves for a loopback agentURI without fetching it', async () => {
    const { io, out } = captureIO();
    const code = await main(['registry', 'show', agentOf('loopback-file').ref, '--rpc', sandbox.rpcUrl, '--json'], io);
    expect(code).toBe(1);
    const shown = JSON.parse(out()) as { checks: CheckResult[]; file: unknown };
    expect(shown.checks.find((c) => c.id === 'registry.uri-resolves')).toMatchObject({ status: 'fail', messageId: 'forbidden' });
    expect(shown.file).toBeNull();
    const opted = captureIO();
    expect(await main(['registry', 'show', agentOf('loopback-file').ref, '--rpc', sandbox.rpcUrl, '--allow-private', '--json'], opted.io)).toBe(0);
    expect(JSON.parse(opted.out()).checks.find((c: CheckResult) => c.id === 'registry.uri-resolves')).toMatchObject({ status: 'pass' });
  });

  it('market marks loopback candidates forbidden and never requests them', async () => {
    const { io, out } = captureIO();
    expect(await main(['market', '--rpc', sandbox.rpcUrl, '--json', '--timeout', '3000'], io)).toBe(0);
    const result = JSON.parse(out()) as { services: { endpoint: string; status: string; error: string | null }[]; excluded: Record<string, number> };
    expect(result.services.map((s) => s.status)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
    expect(result.services[0].error).toMatch(/is loopback; targets from registry data must be public/);
    expect(result.excluded['registration file not at a public address']).toBe(1);
    expect(out()).not.toContain(SECRET);
    expect([...forbiddenHits(), ...stranger.requests]).toEqual([]);
  });

  it('follows a "public" endpoint only until it redirects to loopback, under the library API', async () => {
    const policy = { classifyAddress: standInClassifier, lookup: testLookup };
    const { targets, excluded } = await registryTargets({ rpcUrl: sandbox.rpcUrl, timeoutMs: 3_000, ...policy });
    expect(excluded['registration file not at a public address']).toBe(1);
    const lines: string[] = [];
    await scanTargets({ targets, probe: { timeoutMs: 3_000, ...policy }, onResult: (r) => lines.push(JSON.stringify(r.report)) });
    const reports = lines.map((l) => JSON.parse(l) as Report);
    const redirected = reports.find((r) => r.target === `${stranger.origin}/api/weather`)!;
    expect(checkOf(redirected, 'http.reachable')).toMatchObject({ status: 'fail', messageId: 'forbidden' });
    expect(checkOf(redirected, 'http.reachable').message).toContain('127.0.0.1 is loopback');
    expect(checkOf(redirected, 'http.redirects')).toMatchObject({ status: 'fail', messageId: 'crossOrigin' });
    expect(checkOf(redirected, 'http.redirects').evidence).toContain('forbidden-address');
    // The "public" host answers (its 402 probe and its well-known file); both redirect to loopback, where nothing goes.
    expect(stranger.requests.splice(0).sort()).toEqual(['GET /.well-known/agent-registration.json', 'GET /api/weather']);
    expect(lines.join('\n')).not.toContain(SECRET);

    const market = await scanMarket({ rpcUrl: sandbox.rpcUrl, timeoutMs: 3_000, ...policy });
    expect(market.services.find((s) => s.endpoint === `${stranger.origin}/api/weather`)).toMatchObject({ status: 'forbidden' });
    expect(stranger.requests.splice(0)).toEqual(['GET /api/weather']);
    expect(forbiddenHits()).toEqual([]);
  });

  it('--allow-private lets the registry reach them (the POST to /admin included)', async () => {
    const { io, out } = captureIO();
    await main(['scan', '--from-registry', '--rpc', sandbox.rpcUrl, '--allow-private', '--no-attacks', '--json', '--timeout', '3000'], io);
    expect(ndjson(out()).find((r) => r.target === `${admin.origin}/admin`)?.checks.find((c) => c.id === 'http.reachable')?.status).toBe('pass');
    expect(admin.requests).toContain('POST /admin');
    expect(adminV6.requests).toContain('GET /api/weather');
    expect(stranger.requests).toContain('GET /api/weather');
    admin.requests.splice(0);
    adminV6.requests.splice(0);
    stranger.requests.splice(0);
  });

  it('still probes a loopback URL the user typed, without --allow-private, while its --agent file on loopback is refused', async () => {
    const { io, out } = captureIO();
    await main(['check', `${admin.origin}/api/weather`, '--agent', agentOf('loopback-file').ref, '--rpc', sandbox.rpcUrl, '--no-attacks', '--json'], io);
    const report = JSON.parse(out()) as Report;
    expect(checkOf(report, 'http.reachable')).toMatchObject({ status: 'pass' });
    expect(checkOf(report, 'registry.uri-resolves')).toMatchObject({ status: 'fail', messageId: 'forbidden' });
    // The target, its own well-known file and its discovery documents: the user's origin.
    expect(admin.requests.splice(0).sort()).toEqual(['GET /.well-known/agent-registration.json', 'GET /.well-known/openapi.json', 'GET /.well-known/x402', 'GET /api/weather', 'GET /openapi.json']);
  });

  it('refuses a registered host name that resolves to loopback (through the test lookup)', async () => {
    // Registered last: with --allow-private the system resolver would be asked for this name.
    populations.push(await registerPopulation(sandbox.rpcUrl, sandbox.accounts, [hostile('rebinder', () => [{ name: 'web', endpoint: `http://seller.rebind.test:${admin.port}/api/weather` }])]));
    const policy = { classifyAddress: standInClassifier, lookup: testLookup };
    const { targets } = await registryTargets({ rpcUrl: sandbox.rpcUrl, timeoutMs: 3_000, ...policy });
    const rebinder = targets.filter((t) => t.url.includes('rebind.test'));
    expect(rebinder).toHaveLength(1);
    const reports: Report[] = [];
    await scanTargets({ targets: rebinder, probe: { timeoutMs: 3_000, ...policy }, onResult: (r) => reports.push(r.report!) });
    expect(checkOf(reports[0], 'http.reachable').message).toContain('seller.rebind.test resolves to 127.0.0.1, which is loopback');
    expect(forbiddenHits()).toEqual([]);
  });
});
