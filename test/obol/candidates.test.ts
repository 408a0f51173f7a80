/**
 * `preflight` finds what can be sold (local Ollama models, OpenAI-compatible servers named with
 * --endpoint, in-cluster Services) and, with --measure, each model's cost floor; against the fake
 * Ollama, a fake vLLM-like server, the fake Kubernetes API and hostile OpenAI-compatible servers
 * on loopback that send a huge model list, garbage, nothing at all, or lie about their usage.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeKubeApi, startFakeKubeApi } from '../../fixtures/kube/fakeApiServer.js';
import { kubeconfigDir } from '../../fixtures/kube/kubeconfig.js';
import { type FakeOllama, startFakeOllama } from '../../src/sandbox/fakeOllama.js';
import { type FakeOpenAiServer, startFakeOpenAi } from '../../src/sandbox/fakeOpenAi.js';
import { listenLoopback, type LoopbackServer } from '../../src/sandbox/httpServer.js';
import { measureGeneration } from '../../src/obol/measureGeneration.js';
import { json, runCli } from './cli.js';

type Json = Record<string, any>;
const candidate = (report: Json, name: string): Json => (report.candidates as Json[]).find((c) => c.name === name) ?? {};
const item = (report: Json, id: string) => (report.items as Json[]).filter((i) => i.id === id);

/** An OpenAI-compatible server whose /v1/models and /v1/chat/completions answers the test picks. */
async function hostile(models: (res: ServerResponse) => void, completion: (res: ServerResponse) => void = (res) => res.end()): Promise<LoopbackServer> {
  return listenLoopback((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/v1/models') return models(res);
    if (path === '/v1/chat/completions') return completion(res);
    res.writeHead(404).end();
  });
}
const sendJson = (res: ServerResponse, body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const modelList = (ids: string[]) => (res: ServerResponse) => sendJson(res, { object: 'list', data: ids.map((id) => ({ id, object: 'model' })) });
const usage = (value: unknown) => (res: ServerResponse) => sendJson(res, { object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'hi' } }], usage: { completion_tokens: value } });

describe('sellable candidates and the measured cost floor', () => {
  let ollama: FakeOllama;
  let vllm: FakeOpenAiServer;
  let api: FakeKubeApi;
  const servers: LoopbackServer[] = [];
  const files = kubeconfigDir();
  let kubeconfig: string;

  beforeAll(async () => {
    [ollama, vllm, api] = await Promise.all([startFakeOllama({ models: ['qwen3:8b', 'nomic-embed-text'] }), startFakeOpenAi({ models: ['Qwen/Qwen2.5-7B-Instruct', 'meta-llama/Llama-3.1-70B-Instruct'] }), startFakeKubeApi()]);
    kubeconfig = files.write('config', [{ name: 'obol', server: api.url }]);
    api.store.putService('default', 'kubernetes', [{ port: 443, name: 'https' }]);
    api.store.putService('kube-system', 'kube-dns', [{ port: 53 }]);
    api.store.putService('x402', 'x402-verifier', [{ port: 8080 }]);
    api.store.putService('llm', 'litellm', [{ port: 4000 }]);
    api.store.putService('apps', 'weather-api', [{ port: 8080, name: 'http' }, { port: 9090 }]);
    api.store.putService('apps', 'headless', []);
  });
  afterAll(async () => {
    await Promise.all([ollama?.close(), vllm?.close(), api?.close(), ...servers.map((s) => s.close())]);
    files.cleanup();
  });

  it('lists Ollama models with their size, the endpoint models with theirs, and the Services outside the system namespaces', async () => {
    const run = await runCli(['preflight', '--kubeconfig', kubeconfig, '--address', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '--ollama', ollama.url, '--endpoint', `${vllm.url}/v1`, '--json']);
    const report = json(run);
    expect(run.code, run.stdout).toBe(0);
    expect(candidate(report, 'qwen3:8b')).toMatchObject({ kind: 'ollama-model', source: ollama.url, parameterSize: { billions: 8, text: '8.0B', source: 'ollama' }, sizeClass: '4b-14b' });
    expect(candidate(report, 'nomic-embed-text')).toMatchObject({ kind: 'ollama-model', sizeClass: 'under-4b' });
    expect(candidate(report, 'Qwen/Qwen2.5-7B-Instruct')).toMatchObject({ kind: 'endpoint-model', source: `${vllm.url}/v1`, parameterSize: { billions: 7, source: 'name' }, sizeClass: '4b-14b' });
    expect(candidate(report, 'meta-llama/Llama-3.1-70B-Instruct')).toMatchObject({ sizeClass: 'over-40b' });
    const services = report.candidates.filter((c: Json) => c.kind === 'cluster-service');
    expect(services.map((c: Json) => c.source)).toEqual(['apps/weather-api', 'llm/litellm']);
    expect(services[0]).toMatchObject({ namespace: 'apps', ports: [8080, 9090] });
    expect(item(report, 'endpoint')[0]).toMatchObject({ status: 'ready', required: false, data: { url: `${vllm.url}/v1`, models: ['Qwen/Qwen2.5-7B-Instruct', 'meta-llama/Llama-3.1-70B-Instruct'] } });
    expect(item(report, 'services')[0]).toMatchObject({ status: 'ready', required: false });
    expect(report.candidates.some((c: Json) => 'measurement' in c), 'nothing measured without --measure').toBe(false);
    expect(vllm.completions).toEqual([]);

    const pretty = await runCli(['preflight', '--kubeconfig', kubeconfig, '--address', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '--ollama', ollama.url, '--endpoint', vllm.url]);
    expect(pretty.stdout).toContain('Sellable candidates');
    expect(pretty.stdout).toMatch(/endpoint +Qwen\/Qwen2\.5-7B-Instruct +7B \(4–14B\)/);
    expect(pretty.stdout).toMatch(/service +weather-api +ports 8080, 9090/);
  });

  it('a cluster that forbids listing Services: the services item says so, and preflight is still ready', async () => {
    api.forbid({ verb: 'list', resource: 'services' });
    const report = json(await runCli(['preflight', '--kubeconfig', kubeconfig, '--address', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '--ollama', ollama.url, '--json']));
    expect(item(report, 'services')[0]).toMatchObject({ status: 'not-ready', required: false, detail: expect.stringMatching(/could not list the cluster's Services: .*forbidden/i) });
    expect(report.ready).toBe(true);
    expect(report.candidates.filter((c: Json) => c.kind === 'cluster-service')).toEqual([]);
  });

  it('--measure: the fake Ollama reports deterministic counts and durations, so its floor is exact; the endpoint is timed', async () => {
    const run = await runCli(['preflight', '--ollama', ollama.url, '--endpoint', vllm.url, '--measure', '--measure-tokens', '8', '--watts', '300', '--energy-price', '0.20', '--json']);
    const report = json(run);
    expect(run.stderr, 'quiet with --json').toBe('');
    // 8 tokens at 1 ms each: 1000 tokens/s; 1000 tokens = 1 s at 300 W = 300/3.6e6 kWh × 0.20 = 0.0000167 USD.
    expect(candidate(report, 'qwen3:8b')).toMatchObject({ measurement: { ok: true, api: 'ollama', tokens: 8, timing: 'reported', tokensPerSecond: 1000 }, floor: { perRequest: '0.000017', perMTok: '0.016667', tokensPerRequest: 1000 } });
    const lan = candidate(report, 'Qwen/Qwen2.5-7B-Instruct');
    expect(lan.measurement).toMatchObject({ ok: true, api: 'openai', tokens: 8, timing: 'wall-clock' });
    expect(lan.measurement.tokensPerSecond).toBeGreaterThan(0);
    expect(Number(lan.floor.perRequest)).toBeGreaterThan(0);
    expect(vllm.completions.map((c) => c.maxTokens)).toEqual([8, 8]);
  });

  it('shows measuring progress on a TTY and prints the floor for people', async () => {
    const run = await runCli(['preflight', '--ollama', ollama.url, '--measure', '--measure-tokens', '8'], {}, { isTTY: true });
    expect(run.stderr).toContain('measuring qwen3:8b (1/2, at most 8 tokens)');
    expect(run.stdout).toMatch(/1000 tokens\/s; cost floor 0\.000017 USDC per request \(1000 tokens, 300 W, 0\.20 USD\/kWh\)/);
  });

  it('refuses flags that would make a floor meaningless (exit 2, one line)', async () => {
    for (const [flag, value] of [['--watts', '-5'], ['--energy-price', 'cheap'], ['--tokens-per-request', '0'], ['--measure-tokens', '100000']]) {
      const run = await runCli(['preflight', '--measure', flag, value]);
      expect([run.code, run.stderr.split('\n').length], `${flag} ${value}`).toEqual([2, 2]);
      expect(run.stderr).toContain(flag);
    }
  });

  it('market refuses a measurement without a model, --endpoint without --measure and a --size it cannot read (exit 2, before any request)', async () => {
    const before = vllm.completions.length;
    for (const [argv, message] of [
      [['market', '--measure'], '--measure needs a model'],
      [['market', '--endpoint', vllm.url, '--model', 'qwen3:8b'], '--endpoint names the server to measure on'],
      [['market', '--size', 'huge'], '--size must spell a parameter size'],
    ] as const) {
      const run = await runCli([...argv, '--rpc', 'http://127.0.0.1:9/']);
      expect([run.code, run.stderr.trim()], argv.join(' ')).toEqual([2, expect.stringContaining(message)]);
    }
    expect(vllm.completions.length).toBe(before);
  });

  describe('hostile OpenAI-compatible servers: a per-candidate finding, never a crash or a NaN price', () => {
    it('a huge /v1/models, garbage JSON, a hang and a list of 10 000 models each get their own one-line finding', async () => {
      const huge = await hostile((res) => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":[${'{"id":"x"},'.repeat(80_000)}{"id":"y"}]}`));
      const garbage = await hostile((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": [{"id": "qwen'));
      const hang = await hostile(() => {});
      const many = await hostile(modelList(Array.from({ length: 10_000 }, (_, i) => `m${i}:7b`)));
      const escapes = await hostile(modelList(['good:7b', 'evil\u001b[2J:7b', '\u202eevil:7b']));
      servers.push(huge, garbage, hang, many, escapes);
      const run = await runCli(['preflight', '--timeout', '500', ...[huge, garbage, hang, many, escapes].flatMap((s) => ['--endpoint', s.origin]), '--json']);
      const report = json(run);
      const endpoints = item(report, 'endpoint');
      expect(endpoints.map((i: Json) => i.status)).toEqual(['not-ready', 'not-ready', 'not-ready', 'ready', 'ready']);
      expect(endpoints[0].detail).toMatch(/sent more than 512 KB/);
      expect(endpoints[1].detail).toMatch(/did not answer JSON/);
      expect(endpoints[2].detail).toMatch(/did not answer \(timeout\)/);
      expect(endpoints[3].data).toMatchObject({ omitted: 9_950 });
      expect(endpoints[3].data.models).toHaveLength(50);
      expect(endpoints[4].data.models).toEqual(['good:7b']);
      expect(report.candidates.filter((c: Json) => c.source === `${many.origin}/v1`)).toHaveLength(50);
    });

    const lies: Array<[string, (res: ServerResponse) => void, string]> = [
      ['negative tokens', usage(-40), 'bad-tokens'],
      ['absurd tokens', usage(1e308), 'bad-tokens'],
      ['more tokens than asked', usage(5000), 'tokens-over-limit'],
      ['no usage', (res) => sendJson(res, { choices: [] }), 'no-usage'],
      ['garbage', (res) => res.writeHead(200).end('<html>oops'), 'not-json'],
      ['a 500', (res) => res.writeHead(500).end('{}'), 'http-status'],
      ['a hang', () => {}, 'no-response'],
    ];
    for (const [what, completion, messageId] of lies) {
      it(`a completion with ${what}: measurement finding ${messageId}, no floor`, async () => {
        const server = await hostile(modelList(['liar:8b']), completion);
        servers.push(server);
        const run = await runCli(['preflight', '--endpoint', server.origin, '--measure', '--measure-timeout', '500', '--json']);
        const report = json(run);
        const liar = candidate(report, 'liar:8b');
        expect(liar.measurement).toMatchObject({ ok: false, messageId });
        expect(liar.floor).toBeNull();
        expect(run.stdout).not.toMatch(/NaN|Infinity/);
        const pretty = await runCli(['preflight', '--endpoint', server.origin, '--measure', '--measure-timeout', '500']);
        expect(pretty.stdout).toContain(`measurement failed (${messageId})`);
      });
    }

    it('an Ollama on the LAN whose tags carry terminal escapes: nothing of them reaches the terminal', async () => {
      const evil = await listenLoopback((req, res) => {
        req.resume();
        sendJson(res, {
          models: [
            { name: 'good:7b', size: 4_000_000_000, details: { parameter_size: '7.6B', quantization_level: 'Q4_K_M' } },
            { name: 'evil\u001b]0;pwned\u0007\u001b[2J:8b', size: 1, details: { parameter_size: '8B', quantization_level: 'Q4' } },
            { name: 'plain:3b', size: 1, details: { parameter_size: '\u001b[31m3B', quantization_level: '\u009b2J\u202e' } },
          ],
        });
      });
      servers.push(evil);
      const run = await runCli(['preflight', '--ollama', evil.origin]);
      expect(run.stdout).toContain('good:7b');
      expect(run.stdout).toContain('plain:3b');
      expect(run.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    });

    it("an Ollama that reports zero or impossible durations gets a finding too", async () => {
      const fake = (body: unknown) => listenLoopback((req, res) => {
        req.resume();
        sendJson(res, body);
      });
      const zero = await fake({ eval_count: 50, eval_duration: 0 });
      const slow = await fake({ eval_count: 50, eval_duration: 9_000_000_000_000 });
      servers.push(zero, slow);
      expect(await measureGeneration({ api: 'ollama', url: zero.origin, model: 'm', maxTokens: 64, timeoutMs: 2_000 })).toMatchObject({ ok: false, messageId: 'bad-duration' });
      expect(await measureGeneration({ api: 'ollama', url: slow.origin, model: 'm', maxTokens: 64, timeoutMs: 2_000 })).toMatchObject({ ok: false, messageId: 'duration-over-wall' });
    });
  });
});
