/**
 * The ServiceOffer client on @kubernetes/client-node 1.x against the fake API server: CRUD,
 * the status subresource (merge and JSON patch), and how API answers map to KubeApiError.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKubeApi, type FakeKubeApi } from '../../fixtures/kube/fakeApiServer.js';
import { createKubeClient, type KubeClient } from '../../src/kube/client.js';
import { KubeApiError } from '../../src/kube/errors.js';
import { applyOffer } from '../../src/kube/applyOffer.js';
import { resolveKubeConfig } from '../../src/kube/kubeconfig.js';
import { kubeconfigDir } from '../../fixtures/kube/kubeconfig.js';
import type { ServiceOffer } from '../../src/kube/types.js';

const PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

function offer(name: string, overrides: Record<string, unknown> = {}): ServiceOffer {
  return {
    apiVersion: 'obol.org/v1alpha1',
    kind: 'ServiceOffer',
    metadata: { name, namespace: 'llm' },
    spec: {
      type: 'inference',
      model: { name: 'qwen3:0.6b', runtime: 'ollama' },
      upstream: { service: 'ollama', namespace: 'llm', port: 11434, healthPath: '/health' },
      payment: { scheme: 'exact', network: 'base-sepolia', payTo: PAY_TO, price: { perMTok: '0.5' } },
      path: `/services/${name}`,
      ...overrides,
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<KubeApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KubeApiError);
  return error as KubeApiError;
}

describe('kube client against the fake API server', () => {
  let api: FakeKubeApi;
  let client: KubeClient;
  const files = kubeconfigDir();

  beforeAll(async () => {
    api = await startFakeKubeApi({ token: 'sekret-token' });
    const path = files.write('config', [{ name: 'fake', server: api.url, token: 'sekret-token' }]);
    client = createKubeClient(resolveKubeConfig({ kubeconfig: path, env: {} }), { timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await api?.close();
    files.cleanup();
  });
  afterEach(() => {
    api.onRequest = null;
    api.crdInstalled = true;
  });

  it('answers version and discovery, and sends the bearer token', async () => {
    expect((await client.version()).gitVersion).toMatch(/^v1\./);
    expect(await client.offerCrdServed()).toBe(true);
    expect(api.requests.at(-1)?.authorization).toBe('Bearer sekret-token');
    api.crdInstalled = false;
    expect(await client.offerCrdServed()).toBe(false);
  });

  it('creates, reads, lists, replaces and deletes a ServiceOffer', async () => {
    const created = await client.createOffer(offer('crud'));
    expect(created.metadata.generation).toBe(1);
    expect(created.metadata.resourceVersion).toMatch(/^\d+$/);
    const read = await client.getOffer('llm', 'crud');
    expect(read.spec?.payment?.price?.perMTok).toBe('0.5');
    expect((await client.listOffers('llm')).map((o) => o.metadata.name)).toContain('crud');
    const replaced = await client.replaceOffer({ ...read, spec: { ...read.spec, path: '/services/crud2' } });
    expect(replaced.metadata.generation).toBe(2);
    await client.deleteOffer('llm', 'crud');
    expect((await rejection(client.getOffer('llm', 'crud'))).reason).toBe('not-found');
  });

  it('patches only the status, by merge patch and by JSON patch', async () => {
    await client.createOffer(offer('status'));
    const merged = await client.patchOfferStatus('llm', 'status', { status: { endpoint: '/services/status', conditions: [{ type: 'ModelReady', status: 'True', reason: 'Available' }] }, spec: { path: '/hijack' } });
    expect(merged.status?.endpoint).toBe('/services/status');
    expect(merged.spec?.path).toBe('/services/status');
    expect(merged.metadata.generation).toBe(1);
    expect(api.requests.at(-1)?.contentType).toBe('application/merge-patch+json');
    const patched = await client.patchOfferStatus('llm', 'status', [{ op: 'add', path: '/status/conditions/-', value: { type: 'UpstreamHealthy', status: 'False', reason: 'Unhealthy' } }], 'json');
    expect(patched.status?.conditions?.map((c) => c.type)).toEqual(['ModelReady', 'UpstreamHealthy']);
    expect(api.requests.at(-1)?.contentType).toBe('application/json-patch+json');
  });

  it('maps 404, missing CRD, 403, 409, 422, 401 and an unreachable server', async () => {
    expect((await rejection(client.getOffer('llm', 'nope'))).message).toMatch(/ServiceOffer llm\/nope not found/);
    api.crdInstalled = false;
    const missing = await rejection(client.getOffer('llm', 'nope'));
    expect([missing.reason, missing.status]).toEqual(['missing-crd', 404]);
    api.crdInstalled = true;

    api.forbid({ verb: 'get', resource: 'serviceoffers', namespace: 'x402' });
    const forbidden = await rejection(client.getOffer('x402', 'gate'));
    expect(forbidden.reason).toBe('forbidden');
    expect(forbidden.shortMessage).toMatch(/^forbidden: cannot get ServiceOffer x402\/gate/);

    await client.createOffer(offer('race'));
    const stale = await client.getOffer('llm', 'race');
    await client.patchOfferStatus('llm', 'race', { status: { conditions: [] } });
    expect((await rejection(client.replaceOffer(stale))).reason).toBe('conflict');
    expect((await rejection(client.createOffer(offer('race')))).reason).toBe('already-exists');

    const invalid = await rejection(client.createOffer(offer('bad', { payment: { payTo: '0x12', price: { perRequest: '0.001' } } })));
    expect([invalid.reason, invalid.status]).toEqual(['invalid', 422]);
    expect(invalid.shortMessage).toMatch(/spec\.payment\.payTo/);
    expect((await rejection(client.createOffer({ ...offer('elsewhere'), metadata: { name: 'elsewhere', namespace: 'nowhere' } }))).shortMessage).toMatch(/namespaces "nowhere" not found/);

    const anonymous = createKubeClient(resolveKubeConfig({ kubeconfig: files.write('anon', [{ name: 'anon', server: api.url }]), env: {} }));
    const denied = await rejection(anonymous.getOffer('llm', 'race'));
    expect(denied.reason).toBe('unauthorized');
    expect(denied.message).not.toContain('sekret');

    const down = createKubeClient(resolveKubeConfig({ kubeconfig: files.write('down', [{ name: 'down', server: 'http://127.0.0.1:9' }]), env: {} }));
    const unreachable = await rejection(down.getOffer('llm', 'x'));
    expect(unreachable.reason).toBe('unreachable');
    expect(unreachable.shortMessage).toMatch(/cannot reach the Kubernetes API at http:\/\/127\.0\.0\.1:9/);
  });

  it('applies: creates, then updates with the read resourceVersion, retrying once on a conflict', async () => {
    const first = await applyOffer(client, offer('apply'));
    expect(first.action).toBe('created');
    let raced = false;
    api.onRequest = (req) => {
      // Another writer (the controller) updates the status between our read and our write.
      if (req.verb === 'update' && req.name === 'apply' && !raced) {
        raced = true;
        api.store.writeStatus('llm', 'apply', { conditions: [{ type: 'Ready', status: 'False', reason: 'Reconciling' }] });
      }
    };
    const second = await applyOffer(client, offer('apply', { path: '/services/apply-v2' }));
    expect([second.action, second.conflicts]).toEqual(['updated', 1]);
    expect(second.offer.spec?.path).toBe('/services/apply-v2');
    expect(second.offer.status?.conditions?.[0]?.reason).toBe('Reconciling');
    api.onRequest = (req) => {
      if (req.verb === 'update' && req.name === 'apply') api.store.writeStatus('llm', 'apply', { conditions: [] });
    };
    expect((await rejection(applyOffer(client, offer('apply', { path: '/services/apply-v3' })))).reason).toBe('conflict');
  });
});
