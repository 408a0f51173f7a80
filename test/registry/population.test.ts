/**
 * The registry cross-check against a sandbox registry holding the sandbox sellers plus 55
 * fixture agents of mixed quality: each defect is caught by the check its spec names, good
 * agents pass every registry.* check, and the market scan prices the comparable ones.
 */
import { createPublicClient, http, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/context.js';
import { run } from '../../src/engine/run.js';
import type { CheckResult } from '../../src/report/types.js';
import { enumerateAgents } from '../../src/registry/enumerateAgents.js';
import { mapLimit } from '../../src/registry/market.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/startSandbox.js';
import { startFakeOllama } from '../../src/sandbox/fakeOllama.js';
import { registerPopulation, type Population, type RegisteredAgent } from '../../fixtures/registry/population.js';
import { MARKET_MODEL, POPULATION } from '../../fixtures/registry/specs.js';

let sandbox: Sandbox;
let population: Population;
const results = new Map<string, CheckResult[]>();

function io(): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    isTTY: false,
    color: false,
    env: {},
    waitForInterrupt: () => new Promise(() => {}),
    out: () => out,
    err: () => err,
  };
}

async function probeAgent(agent: RegisteredAgent): Promise<CheckResult[]> {
  // The population is served on loopback: its agentURIs are registry data, allowed here explicitly.
  const { report } = await run({ url: agent.endpoint, agent: agent.ref, rpc: sandbox.rpcUrl, ipfsGateway: population.ipfsGateway, attacks: false, timeoutMs: 3_000, allowPrivate: true });
  return report.checks;
}

beforeAll(async () => {
  sandbox = await startSandbox();
  population = await registerPopulation(sandbox.rpcUrl, sandbox.accounts);
  const checks = await mapLimit(population.agents, 6, probeAgent);
  population.agents.forEach((a, i) => results.set(a.spec.key, checks[i]));
}, 120_000);

afterAll(async () => {
  await population?.close();
  await sandbox?.stop();
});

describe('the population', () => {
  it('holds at least 50 fixture agents of mixed quality, by several owners and every URI style', () => {
    expect(population.agents.length).toBe(POPULATION.length);
    expect(population.agents.length).toBeGreaterThanOrEqual(50);
    expect(new Set(population.agents.map((a) => a.owner)).size).toBe(4);
    expect(new Set(population.agents.map((a) => a.agentURI.split(':')[0])).size).toBeGreaterThanOrEqual(4);
  });
});

describe.each(POPULATION.filter((s) => s.expect.length > 0).map((s) => [s.key, s] as const))('%s', (key, spec) => {
  it.each(spec.expect.map((e) => [`${e.check} → ${e.status}${e.messageId ? ` (${e.messageId})` : ''}`, e] as const))('%s', (_label, expected) => {
    const result = results.get(key)!.find((c) => c.id === expected.check);
    expect(result, `no ${expected.check} result`).toBeDefined();
    expect({ status: result!.status, messageId: expected.messageId ? result!.messageId : undefined }, result!.message).toEqual({ status: expected.status, messageId: expected.messageId });
  });
});

describe('good agents', () => {
  it.each(POPULATION.filter((s) => s.defect === '').map((s) => [s.key]))('%s passes every registry check (price-agrees may skip)', (key) => {
    const registry = results.get(key)!.filter((c) => c.id.startsWith('registry.'));
    expect(registry).toHaveLength(11);
    const bad = registry.filter((c) => c.status === 'fail' || c.status === 'warn' || (c.status === 'skip' && c.id !== 'registry.price-agrees'));
    expect(bad.map((c) => `${c.id}: ${c.status} ${c.message}`)).toEqual([]);
  });
});

describe('enumerateAgents on the sandbox registry', () => {
  it('finds the same agents, URIs and owners by logs in small chunks and by ownerOf probing', async () => {
    const client = createPublicClient({ transport: http(sandbox.rpcUrl) }) as PublicClient;
    const logs = await enumerateAgents({ client, registry: sandbox.identityRegistry, chunkSize: 7n });
    const probed = await enumerateAgents({ client, registry: sandbox.identityRegistry, method: 'ownerOf', batchSize: 16 });
    expect(logs.agents.length).toBe(population.agents.length + sandbox.sellers.length);
    expect(logs.requests).toBeGreaterThan(5);
    expect(probed.agents).toEqual(logs.agents);
    const byId = new Map(logs.agents.map((a) => [a.agentId, a.uri]));
    for (const agent of population.agents) expect(byId.get(agent.agentId)).toBe(agent.agentURI);
  });
});

describe('agents the registry does not hold', () => {
  it('fails agent-exists for an id never minted and for a registry address with no code', async () => {
    const unminted = await run({ url: population.agents[0].endpoint, agent: `eip155:84532:${sandbox.identityRegistry}:999999`, rpc: sandbox.rpcUrl, attacks: false });
    expect(unminted.report.checks.find((c) => c.id === 'registry.agent-exists')).toMatchObject({ status: 'fail', messageId: 'notRegistered' });
    const nowhere = await run({ url: population.agents[0].endpoint, agent: 'eip155:84532:0x000000000000000000000000000000000000dEaD:1', rpc: sandbox.rpcUrl, attacks: false });
    expect(nowhere.report.checks.find((c) => c.id === 'registry.agent-exists')).toMatchObject({ status: 'fail', messageId: 'noRegistry' });
    expect(nowhere.report.checks.find((c) => c.id === 'registry.uri-resolves')?.status).toBe('skip');
  });
});

describe('x402-probe registry show', () => {
  const byKey = (key: string) => population.agents.find((a) => a.spec.key === key)!;

  it('prints a good agent, its file and the checks, and exits 0', async () => {
    const out = io();
    const code = await main(['registry', 'show', byKey('good-ipfs').ref, '--rpc', sandbox.rpcUrl, '--ipfs-gateway', population.ipfsGateway, '--allow-private'], out);
    expect(code, out.err()).toBe(0);
    expect(out.out()).toContain('fixture good-ipfs');
    expect(out.out()).toContain('✓ registry.back-reference');
    expect(out.out()).toMatch(/PASS/);
  });

  it('exits 1 with --json when a check fails', async () => {
    const out = io();
    const code = await main(['registry', 'show', String(byKey('broken-json').agentId), '--rpc', sandbox.rpcUrl, '--allow-private', '--json'], out);
    expect(code).toBe(1);
    const json = JSON.parse(out.out());
    expect(json.verdict).toBe('fail');
    expect(json.checks.find((c: CheckResult) => c.id === 'registry.file-schema')).toMatchObject({ status: 'fail', messageId: 'notJson' });
    expect(json.checks.map((c: CheckResult) => c.id)).not.toContain('registry.price-agrees');
  });

  it('is a configuration error (exit 2) when the RPC does not answer', async () => {
    const out = io();
    const code = await main(['registry', 'show', '1', '--rpc', 'http://127.0.0.1:9/', '--timeout', '1000'], out);
    expect(code).toBe(2);
    expect(out.err()).toContain('did not answer');
  });
});

describe('x402-probe market', () => {
  it(`lists the priced ${MARKET_MODEL} services and recommends a band from their 402s`, async () => {
    const out = io();
    const code = await main(['market', '--model', MARKET_MODEL, '--type', 'inference', '--rpc', sandbox.rpcUrl, '--ipfs-gateway', population.ipfsGateway, '--allow-private', '--concurrency', '4', '--json'], out);
    expect(code, out.err()).toBe(0);
    expect(out.err()).toBe('');
    const result = JSON.parse(out.out());
    const inBand = POPULATION.filter((s) => s.inBand).map((s) => `fixture ${s.key}`).sort();
    const priced = result.services.filter((s: { status: string }) => s.status === 'priced');
    expect(priced.map((s: { agentName: string }) => s.agentName).sort()).toEqual(inBand);
    expect(result.services.find((s: { agentName: string }) => s.agentName === 'fixture dead-endpoint')).toMatchObject({ status: 'unreachable' });
    // 1000, 2000, 3000, 4000, 5000, 6000, 8000, 10000 atomic USDC (the 402s, not the files).
    expect(result.band).toEqual({ count: 8, min: '0.001', q1: '0.00275', median: '0.0045', q3: '0.0065', max: '0.01', symbol: 'USDC' });
    expect(result.services.find((s: { agentName: string }) => s.agentName === 'fixture good-llama-permtok')).toMatchObject({ perMTok: '3', perMTokSource: 'registration' });
    expect(result.bandPerMTok).toMatchObject({ count: 1, median: '3' });
    expect(result.excluded['inactive']).toBeGreaterThanOrEqual(1);
    expect(result.excluded['not declared x402']).toBeGreaterThanOrEqual(2);
  });

  it('assigns each comparable service a size class and gives the band of the candidate\'s class beside the overall band', async () => {
    const out = io();
    const code = await main(['market', '--type', 'inference', '--size', '8b', '--rpc', sandbox.rpcUrl, '--ipfs-gateway', population.ipfsGateway, '--allow-private', '--json'], out);
    expect(code, out.err()).toBe(0);
    const { pricing, services, band } = JSON.parse(out.out());
    expect(band.count).toBe(14);
    expect(pricing.unsizedCount, 'services that name no model').toBe(3);
    expect(services.find((s: { model: string }) => s.model === 'fixture-llama-70b')).toMatchObject({ sizeClass: 'over-40b' });
    expect(pricing.classes.map((c: { id: string; count: number }) => [c.id, c.count])).toEqual([['under-4b', 1], ['4b-14b', 9], ['14b-40b', 0], ['over-40b', 1]]);
    // 700, 1000, 2000, 3000, 4000, 5000, 6000, 8000, 10000 atomic USDC: the llama-8b sellers and the mistral-7b one.
    expect(pricing.classBand).toEqual({ count: 9, min: '0.0007', q1: '0.002', median: '0.004', q3: '0.006', max: '0.01', symbol: 'USDC' });
    expect(pricing).toMatchObject({ thin: false, guideline: { id: 'llm-4b-14b', min: '0.001', max: '0.005' }, recommendation: { basis: 'class-band', low: '0.002', median: '0.004', high: '0.006' } });

    const small = io();
    await main(['market', '--type', 'inference', '--size', '1.5b', '--rpc', sandbox.rpcUrl, '--ipfs-gateway', population.ipfsGateway, '--allow-private'], small);
    expect(small.out()).toContain('class < 4B band: 0.0004 – 0.0004 USDC (median 0.0004; from 1 service)');
    expect(small.out()).toContain('thin class: 1 comparable service of < 4B (fewer than 3): the guideline and the cost floor decide');
    expect(small.out()).toMatch(/guideline LLM < 4B: 0\.0005 – 0\.002 USDC per request \(guideline from obol's monetize-guide table, not a market price\)/);
    expect(small.out()).toContain('candidates: 0.0005 · 0.00125 · 0.002 USDC per request (low · middle · high, from the guideline)');
  });

  it('band below floor: a measured run on a power-hungry machine puts the floor above the market, and says so in one line', async () => {
    const ollama = await startFakeOllama({ models: ['qwen3:8b'] });
    try {
      const out = io();
      // The fake Ollama generates 1000 tokens/s: 1 s per request at 100 kW and 1 USD/kWh is 0.027778 USDC.
      const argv = ['market', '--model', MARKET_MODEL, '--size', '8b', '--measure', 'qwen3:8b', '--ollama', ollama.url, '--watts', '100000', '--energy-price', '1', '--rpc', sandbox.rpcUrl, '--ipfs-gateway', population.ipfsGateway, '--allow-private'];
      const code = await main([...argv, '--json'], out);
      expect(code, out.err()).toBe(0);
      expect(out.err(), 'quiet with --json').toBe('');
      const { pricing } = JSON.parse(out.out());
      expect(pricing.floor).toMatchObject({ perRequest: '0.027778', tokensPerSecond: 1000 });
      expect(pricing.belowFloor).toBe(true);
      expect(pricing.recommendation).toMatchObject({ low: '0.027778', median: '0.027778', high: '0.027778', raisedToFloor: true });
      const pretty = { ...io(), isTTY: true };
      await main(argv, pretty);
      expect(pretty.out().split('\n').filter((l) => l.includes('below your cost floor'))).toEqual(['  the market band is below your cost floor (0.027778 USDC per request): selling at the market price loses money']);
      expect(pretty.err(), 'progress on a TTY').toContain(`measuring qwen3:8b at ${ollama.url} (at most 128 tokens, 120 s)`);
    } finally {
      await ollama.close();
    }
  });

  it('prints a table and the band for people, and respects --limit', async () => {
    const out = io();
    const code = await main(['market', '--model', MARKET_MODEL, '--rpc', sandbox.rpcUrl, '--ipfs-gateway', population.ipfsGateway, '--allow-private'], out);
    expect(code).toBe(0);
    expect(out.out()).toContain('per request:   0.00275 – 0.0065 USDC (median 0.0045');
    expect(out.out()).toContain('it never sets a price');
    const limited = io();
    await main(['market', '--limit', '5', '--rpc', sandbox.rpcUrl, '--allow-private', '--json'], limited);
    expect(JSON.parse(limited.out()).agents).toBe(5);
  });
});
