import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeKubeApi, startFakeKubeApi } from '../../fixtures/kube/fakeApiServer.js';
import { kubeconfigDir } from '../../fixtures/kube/kubeconfig.js';
import { offerArtifact } from '../../test/obol/offerArtifact.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { createKubeClient, type KubeClient } from '../kube/client.js';
import { resolveKubeConfig } from '../kube/kubeconfig.js';
import { offerGatherer, readOffer } from './offer.js';

let api: FakeKubeApi;
let client: KubeClient;
const files = kubeconfigDir();

beforeAll(async () => {
  api = await startFakeKubeApi();
  client = createKubeClient(resolveKubeConfig({ kubeconfig: files.write('config', [{ name: 'fake', server: api.url }]), env: {} }), { timeoutMs: 5_000 });
});

afterAll(async () => {
  await api?.close();
  files.cleanup();
});

describe('readOffer (before the run: the URL to probe depends on it)', () => {
  it('reads the ServiceOffer and builds its public URL from the tunnel', async () => {
    api.store.createOffer('llm', { apiVersion: 'obol.org/v1alpha1', kind: 'ServiceOffer', metadata: { name: 'qwen' }, spec: { type: 'inference', path: '/services/qwen' } });
    api.store.putConfigMap('obol-frontend', 'obol-stack-config', { tunnelURL: 'https://tunnel.example.com' });
    const offer = await readOffer(client, { namespace: 'llm', name: 'qwen', path: '/health' });
    expect(offer).toMatchObject({ found: true, readError: null, type: 'inference', path: '/services/qwen', tunnelUrl: 'https://tunnel.example.com' });
  });

  it('records an offer that is not there, and a cluster that answers garbage, as facts', async () => {
    expect(await readOffer(client, { namespace: 'llm', name: 'absent' })).toMatchObject({ found: false, publicUrl: null, conditions: [] });
    expect((await readOffer(client, { namespace: 'llm', name: 'absent' })).readError?.status).toBe(404);
    api.onRequest = (req) =>
      req.resource === 'serviceoffers' && req.verb === 'get'
        ? [200, { apiVersion: 'obol.org/v1alpha1', kind: 'ServiceOffer', metadata: { name: 'odd', namespace: 'llm', generation: 'two' }, spec: {}, status: { conditions: [{ type: 7, status: true }, null], observedGeneration: 1.5 } }]
        : undefined;
    try {
      const odd = await readOffer(client, { namespace: 'llm', name: 'odd', baseUrl: 'https://seller.example.com' });
      expect(odd.generation).toBeNull();
      expect(odd.observedGeneration).toBeNull();
      expect(odd.conditions.map((c) => [c.type, c.status, c.reason])).toEqual([['7', 'true', null], ['', '', null]]);
    } finally {
      api.onRequest = null;
    }
  });
});

describe('offerGatherer', () => {
  it('places a copy of the offer read before the run among the artifacts', async () => {
    const offer = offerArtifact();
    const { artifact } = await gatherWith(offerGatherer, { offer });
    expect(artifact).toEqual(offer);
    offer.conditions.length = 0;
    expect(artifact?.conditions.length).toBeGreaterThan(0);
  });

  it('is not gathered outside `x402-probe offer`', async () => {
    expect((await gatherWith(offerGatherer)).notGathered).toBe('not a ServiceOffer probe (x402-probe offer)');
  });
});
