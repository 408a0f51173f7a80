/** `x402-probe preflight` against the fake API server, the sandbox's fake Ollama and a fake remote-signer. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeKubeApi, startFakeKubeApi } from '../../fixtures/kube/fakeApiServer.js';
import { kubeconfigDir } from '../../fixtures/kube/kubeconfig.js';
import { type FakeSigner, startFakeSigner } from '../../fixtures/signer/fakeSigner.js';
import { type FakeOllama, startFakeOllama } from '../../src/sandbox/fakeOllama.js';
import { ollamaBaseUrl } from '../../src/obol/ollama.js';
import { json, runCli } from './cli.js';

type Item = { id: string; status: string; required: boolean; detail: string; fix: string | null; data?: Record<string, any> };
const byId = (report: Record<string, any>) => Object.fromEntries((report.items as Item[]).map((i) => [i.id, i]));

describe('x402-probe preflight', () => {
  let api: FakeKubeApi;
  let ollama: FakeOllama;
  let empty: FakeOllama;
  let signer: FakeSigner;
  const files = kubeconfigDir();
  let kubeconfig: string;

  beforeAll(async () => {
    [api, ollama, empty, signer] = await Promise.all([startFakeKubeApi(), startFakeOllama({ models: ['qwen3:0.6b', 'llama3.2:1b'] }), startFakeOllama({ models: [] }), startFakeSigner()]);
    kubeconfig = files.write('config', [{ name: 'obol', server: api.url }]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), ollama?.close(), empty?.close(), signer?.close()]);
    files.cleanup();
  });
  beforeEach(() => {
    api.store.configMaps.clear();
    api.crdInstalled = true;
  });

  it('is ready with a cluster, the CRD, Ollama models, a remote-signer wallet and a tunnel', async () => {
    api.store.putConfigMap('obol-frontend', 'obol-stack-config', { tunnelURL: 'https://quick-fox.trycloudflare.com' });
    const run = await runCli(['preflight', '--kubeconfig', kubeconfig, '--signer', signer.url, '--ollama', ollama.url, '--json']);
    const items = byId(json(run));
    expect(run.code, run.stdout).toBe(0);
    expect(json(run).ready).toBe(true);
    for (const id of ['cluster', 'crd', 'ollama', 'wallet', 'tunnel']) expect(items[id].status, id).toBe('ready');
    expect(items.wallet.data).toMatchObject({ address: signer.address, source: 'remote-signer' });
    expect(items.ollama.data?.models[0]).toEqual({ name: 'qwen3:0.6b', size: 522653767, sizeText: '523 MB', parameterSize: '751.63M', quantization: 'Q4_K_M' });
    expect([items.usdc.status, items.gas.status]).toEqual(['skipped', 'skipped']);
    expect(signer.requests).toContainEqual({ method: 'GET', path: '/api/v1/keys' });
  });

  it('prints each item with its fix, and finds the wallet in the cluster (OLLAMA_HOST honoured)', async () => {
    api.store.putConfigMap('hermes-abc', 'wallet-metadata', { 'addresses.json': JSON.stringify({ instanceId: 'abc', addresses: [{ address: signer.address }], count: 1 }) }, { 'app.kubernetes.io/component': 'remote-signer' });
    const host = new URL(empty.url).host;
    const run = await runCli(['preflight', '--kubeconfig', kubeconfig], { OLLAMA_HOST: host });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✓ Seller wallet resolved\s+0xf39F.*remote-signer wallet of namespace hermes-abc/);
    expect(run.stdout).toMatch(/✗ Ollama reachable, with models\s+Ollama at http:\/\/127\.0\.0\.1:\d+ has no models\n\s+fix: pull a model, e\.g\. ollama pull qwen3:0\.6b/);
    expect(run.stdout).toMatch(/✗ Public tunnel \(optional\)/);
    expect(run.stdout).toMatch(/NOT READY {2}3 of 4 required items ready/);
  });

  it('is not ready when the cluster is down, the CRD missing, or no kubeconfig exists', async () => {
    const down = files.write('down', [{ name: 'down', server: 'http://127.0.0.1:9' }]);
    const run = await runCli(['preflight', '--kubeconfig', down, '--address', signer.address, '--ollama', ollama.url, '--json']);
    const items = byId(json(run));
    expect(run.code).toBe(1);
    expect(items.cluster).toMatchObject({ status: 'not-ready', detail: expect.stringMatching(/cannot reach the Kubernetes API at http:\/\/127\.0\.0\.1:9/) });
    expect([items.crd.status, items.tunnel.status, items.ollama.status, items.wallet.status]).toEqual(['not-ready', 'not-ready', 'ready', 'ready']);

    api.crdInstalled = false;
    const noCrd = byId(json(await runCli(['preflight', '--kubeconfig', kubeconfig, '--address', signer.address, '--ollama', ollama.url, '--json'])));
    expect(noCrd.crd).toMatchObject({ status: 'not-ready', fix: expect.stringContaining('obol stack up') });

    const none = byId(json(await runCli(['preflight', '--ollama', ollama.url, '--json'])));
    expect(none.cluster).toMatchObject({ status: 'not-ready', detail: expect.stringMatching(/^no kubeconfig/) });
    expect(none.wallet.status).toBe('not-ready');
  });

  it('reports an unreachable Ollama and a signer without keys', async () => {
    const keyless = await startFakeSigner({ noKeys: true });
    try {
      const items = byId(json(await runCli(['preflight', '--kubeconfig', kubeconfig, '--signer', keyless.url, '--ollama', 'http://127.0.0.1:9', '--json'])));
      expect(items.ollama).toMatchObject({ status: 'not-ready', fix: expect.stringContaining('ollama serve') });
      expect(items.wallet).toMatchObject({ status: 'not-ready', detail: expect.stringContaining('lists no key') });
    } finally {
      await keyless.close();
    }
  });

  it('--type http reports Ollama but does not require it: an HTTP-only seller is ready; inference is not', async () => {
    api.store.putConfigMap('obol-frontend', 'obol-stack-config', { tunnelURL: 'https://quick-fox.trycloudflare.com' });
    const base = ['preflight', '--kubeconfig', kubeconfig, '--address', signer.address, '--ollama', 'http://127.0.0.1:9', '--json'];
    const http = await runCli([...base, '--type', 'http']);
    expect(http.code, http.stdout).toBe(0);
    expect(json(http)).toMatchObject({ type: 'http', ready: true });
    expect(byId(json(http)).ollama).toMatchObject({ status: 'not-ready', required: false, fix: expect.stringContaining('ollama serve') });
    expect(byId(json(http)).wallet.required).toBe(true);

    for (const argv of [base, [...base, '--type', 'inference']]) {
      const inference = await runCli(argv);
      expect(inference.code).toBe(1);
      expect(json(inference)).toMatchObject({ type: 'inference', ready: false });
      expect(byId(json(inference)).ollama).toMatchObject({ status: 'not-ready', required: true });
    }

    const pretty = await runCli(['preflight', '--kubeconfig', kubeconfig, '--address', signer.address, '--ollama', empty.url, '--type', 'http']);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toMatch(/✗ Ollama reachable, with models \(optional\)/);
    expect(pretty.stdout).toMatch(/READY {2}3 of 3 required items ready/);
  });

  it('exits 2 for contradictory or invalid flags', async () => {
    expect((await runCli(['preflight', '--signer', signer.url, '--address', signer.address])).code).toBe(2);
    expect((await runCli(['preflight', '--network', 'narnia'])).code).toBe(2);
    expect((await runCli(['preflight', '--kubeconfig', `${files.dir}/absent`])).code).toBe(2);
    expect((await runCli(['preflight', '--address', '0x12'])).code).toBe(2);
    const type = await runCli(['preflight', '--type', 'mcp']);
    expect([type.code, type.stderr]).toEqual([2, 'x402-probe: --type must be one of inference, http, got "mcp"\n']);
  });

  it('reads OLLAMA_HOST the way Ollama does', () => {
    expect(ollamaBaseUrl(undefined, {})).toBe('http://localhost:11434');
    expect(ollamaBaseUrl(undefined, { OLLAMA_HOST: '0.0.0.0' })).toBe('http://127.0.0.1:11434');
    expect(ollamaBaseUrl(undefined, { OLLAMA_HOST: 'gpu-box:8000' })).toBe('http://gpu-box:8000');
    expect(ollamaBaseUrl(undefined, { OLLAMA_HOST: 'https://ollama.example' })).toBe('https://ollama.example');
    expect(ollamaBaseUrl('http://127.0.0.1:5000/', { OLLAMA_HOST: 'ignored' })).toBe('http://127.0.0.1:5000');
  });
});
