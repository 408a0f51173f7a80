/**
 * `x402-probe offer` end to end on loopback: a fake API server holds the ServiceOffer, the
 * condition driver reconciles it, a hand-built obol-style seller (v2 header mirrored in the
 * body) answers at its public URL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markConditions, statusFor } from '../../fixtures/kube/driver.js';
import { type FakeKubeApi, startFakeKubeApi } from '../../fixtures/kube/fakeApiServer.js';
import { kubeconfigDir } from '../../fixtures/kube/kubeconfig.js';
import { PAY_TO } from '../../fixtures/sellers/challenge.js';
import { editFirst, makeSeller } from '../../fixtures/sellers/good.js';
import { type FixtureServer, startFixtureServer } from '../../fixtures/sellers/server.js';
import { json, runCli } from './cli.js';

const OTHER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

function spec(price: Record<string, string>, payTo = PAY_TO) {
  return {
    type: 'inference',
    model: { name: 'qwen3:0.6b', runtime: 'ollama' },
    upstream: { service: 'ollama', namespace: 'llm', port: 11434, healthPath: '/health' },
    payment: { scheme: 'exact', network: 'base-sepolia', payTo, price },
    path: '/services/qwen',
  };
}

const check = (report: Record<string, any>, id: string) => report.checks.find((c: { id: string }) => c.id === id);
const failures = (report: Record<string, any>) =>
  report.checks
    .filter((c: { status: string }) => c.status === 'fail')
    .map((c: { id: string; message: string }) => `${c.id}: ${c.message}`)
    .join('\n');

describe('x402-probe offer', () => {
  let api: FakeKubeApi;
  let obolSeller: FixtureServer;
  const files = kubeconfigDir();
  let kubeconfig: string;

  beforeAll(async () => {
    api = await startFakeKubeApi();
    // The gate charges perMTok 0.5 as obol does: 0.0005 USDC, 500 atomic, to PAY_TO.
    obolSeller = await startFixtureServer(makeSeller('v2-mirrored', { challenge: editFirst((r) => void (r.amount = '500')) }));
    kubeconfig = files.write('config', [{ name: 'obol', server: api.url, namespace: 'llm' }]);
  });
  afterAll(async () => {
    await api?.close();
    await obolSeller?.close();
    files.cleanup();
  });
  beforeEach(() => {
    api.store.offers.clear();
    api.store.configMaps.clear();
  });

  const put = (price: Record<string, string>, payTo = PAY_TO, name = 'qwen') => api.store.createOffer('llm', { apiVersion: 'obol.org/v1alpha1', kind: 'ServiceOffer', metadata: { name }, spec: spec(price, payTo) });

  it('passes end to end when the route serves what the spec says, via the tunnel URL the cluster records', async () => {
    put({ perMTok: '0.5' });
    markConditions(api.store, 'llm', 'qwen');
    api.store.putConfigMap('obol-frontend', 'obol-stack-config', { tunnelURL: obolSeller.origin });
    const run = await runCli(['offer', 'qwen', '--kubeconfig', kubeconfig, '--json']);
    const report = json(run);
    expect(run.code, failures(report)).toBe(0);
    // An inference offer is probed where buyers call it: its chat-completions POST, then streamed.
    expect(report.target).toBe(`${obolSeller.origin}/services/qwen/v1/chat/completions`);
    expect(report.offer.streamed).toMatchObject({ url: `${obolSeller.origin}/services/qwen/v1/chat/completions`, verdict: 'pass' });
    for (const id of ['offer.exists', 'offer.conditions-ready', 'offer.spec-agrees', 'http.reachable']) expect(check(report, id)?.status, id).toBe('pass');
    expect(report.offer).toMatchObject({ name: 'qwen', namespace: 'llm', found: true, publicUrlSource: 'tunnel', endpoint: '/services/qwen', expected: { amount: '500', caip2: 'eip155:84532', priceModel: 'perMTok' } });
    expect(report.offer.conditions.map((c: { type: string }) => c.type)).toEqual(['ModelReady', 'UpstreamHealthy', 'PaymentGateReady', 'RoutePublished', 'Registered', 'Ready']);
  });

  it('shows the six conditions in the pretty report, and prefers --base-url', async () => {
    put({ perMTok: '0.5' });
    markConditions(api.store, 'llm', 'qwen');
    api.store.putConfigMap('obol-frontend', 'obol-stack-config', { tunnelURL: 'http://127.0.0.1:9' });
    const run = await runCli(['offer', 'qwen', '-n', 'llm', '--kubeconfig', kubeconfig, '--base-url', obolSeller.origin, '-v']);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`${obolSeller.origin}/services/qwen/v1/chat/completions`);
    expect(run.stdout).toContain('The same chat, streamed');
    expect(run.stdout).toMatch(/offer\.conditions-ready\s+All six conditions are True: ModelReady=True \(Available\), UpstreamHealthy=True \(Healthy\), PaymentGateReady=True \(Created\), RoutePublished=True \(Created\), Registered=True \(Disabled\), Ready=True \(Reconciled\)/);
  });

  it('explains a stalled offer: Registered=False AwaitingExternalRegistration', async () => {
    put({ perMTok: '0.5' });
    markConditions(api.store, 'llm', 'qwen', { stall: { type: 'Registered', reason: 'AwaitingExternalRegistration', message: 'waiting for an external registration' } });
    const run = await runCli(['offer', 'qwen', '--kubeconfig', kubeconfig, '--base-url', obolSeller.origin, '-v']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ offer\.conditions-ready\s+Registered=False \(AwaitingExternalRegistration\)/);
    expect(run.stdout).toContain('obol sell register');
    // The route is published, so the buyer-side checks still ran and passed (-v lists passes).
    expect(run.stdout).toMatch(/✓ offer\.spec-agrees/);
  });

  it('treats Registered=True (OffChainOnly) as listed off-chain: a warning with its fix, no registry cross-check, no crash', async () => {
    put({ perMTok: '0.5' });
    const status = statusFor(api.store.getOffer('llm', 'qwen')!);
    status.conditions = status.conditions.map((c: Record<string, unknown>) => (c.type === 'Registered' ? { ...c, reason: 'OffChainOnly', message: 'listed in /api/services.json only' } : c));
    // A stray id beside OffChainOnly names no agent: it must not be cross-checked (nor pass the registry checks).
    status.agentId = '5';
    api.store.writeStatus('llm', 'qwen', status);
    const run = await runCli(['offer', 'qwen', '--kubeconfig', kubeconfig, '--base-url', obolSeller.origin, '--json']);
    const report = json(run);
    expect(run.code).toBe(0);
    expect(check(report, 'offer.registered-onchain')).toMatchObject({ status: 'warn', messageId: 'offChainOnly' });
    expect(check(report, 'offer.registered-onchain').fix).toContain('obol sell register');
    expect(report.offer.agentRef).toBeNull();
    const registry = report.checks.filter((c: { id: string }) => c.id.startsWith('registry.'));
    expect(registry.length).toBeGreaterThan(0);
    expect(registry.every((c: { status: string }) => c.status === 'skip')).toBe(true);
  });

  it('explains an offer stalled before its route exists, without probing anything', async () => {
    put({ perMTok: '0.5' });
    markConditions(api.store, 'llm', 'qwen', { stall: { type: 'UpstreamHealthy', reason: 'Unhealthy', message: 'dial tcp 10.43.0.9:11434: connect: connection refused' } });
    const run = await runCli(['offer', 'qwen', '--kubeconfig', kubeconfig, '--json']);
    const report = json(run);
    expect(run.code).toBe(1);
    expect(check(report, 'offer.conditions-ready')).toMatchObject({ status: 'fail', messageId: 'upstreamUnhealthy' });
    expect(check(report, 'http.reachable')).toBeUndefined();
    expect(report.offer.publicUrlError).toMatch(/RoutePublished/);
  });

  it('fails offer.spec-agrees when the price or payTo disagrees with the spec', async () => {
    put({ perRequest: '0.01' });
    markConditions(api.store, 'llm', 'qwen');
    const price = json(await runCli(['offer', 'qwen', '--kubeconfig', kubeconfig, '--base-url', obolSeller.origin, '--json']));
    expect(check(price, 'offer.spec-agrees')).toMatchObject({ status: 'fail', messageId: 'priceMismatch' });
    expect(price.verdict).toBe('fail');

    put({ perMTok: '0.5' }, OTHER, 'other');
    markConditions(api.store, 'llm', 'other');
    const payTo = await runCli(['offer', 'other', '--kubeconfig', kubeconfig, '--base-url', obolSeller.origin, '--json']);
    expect(payTo.code).toBe(1);
    expect(check(json(payTo), 'offer.spec-agrees')).toMatchObject({ status: 'fail', messageId: 'payToMismatch' });
  });

  it('fails offer.exists with exit 1 for a missing offer, a missing CRD and a cluster that is down', async () => {
    const missing = await runCli(['offer', 'nope', '--kubeconfig', kubeconfig, '--json']);
    expect(missing.code).toBe(1);
    expect(check(json(missing), 'offer.exists')).toMatchObject({ status: 'fail', messageId: 'notFound' });
    expect(json(missing).checks.map((c: { id: string }) => c.id)).toEqual(['offer.exists', 'offer.conditions-ready', 'offer.spec-agrees', 'offer.registered-onchain']);

    api.crdInstalled = false;
    const noCrd = await runCli(['offer', 'qwen', '--kubeconfig', kubeconfig, '--json']);
    api.crdInstalled = true;
    expect(check(json(noCrd), 'offer.exists')).toMatchObject({ status: 'fail', messageId: 'missingCrd' });

    const down = files.write('down', [{ name: 'down', server: 'http://127.0.0.1:9' }]);
    // An API server that does not answer is the cluster's problem, not the offer's (issue 13).
    const unreachable = await runCli(['offer', 'qwen', '--kubeconfig', down, '--json']);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stdout).toBe('');
    expect(unreachable.stderr).toMatch(/^x402-probe: cannot reach the Kubernetes API at http:\/\/127\.0\.0\.1:9 .*is the cluster running \(obol stack up\) and the --context right\?\n$/);
  });

  it('exits 2 for an unusable kubeconfig or a bad flag', async () => {
    const noFile = await runCli(['offer', 'qwen', '--kubeconfig', `${files.dir}/absent`]);
    expect([noFile.code, noFile.stderr]).toEqual([2, expect.stringMatching(/^x402-probe: --kubeconfig .*absent: no such file\n$/)]);
    expect((await runCli(['offer', 'qwen', '--kubeconfig', kubeconfig, '--context', 'nope'])).code).toBe(2);
    expect((await runCli(['offer', 'Not_A_Name', '--kubeconfig', kubeconfig])).code).toBe(2);
    expect((await runCli(['offer', 'qwen'], { KUBECONFIG: kubeconfig, HOME: files.dir })).code).toBe(1);
  });
});
