/**
 * `watch --offer <name> -n <ns>`: the ServiceOffer is read again on every probe, as `offer`
 * reads it, so an edit to its spec (a new payTo the route does not charge) is a change event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markConditions } from '../../fixtures/kube/driver.js';
import { type FakeKubeApi, startFakeKubeApi } from '../../fixtures/kube/fakeApiServer.js';
import { kubeconfigDir } from '../../fixtures/kube/kubeconfig.js';
import { PAY_TO } from '../../fixtures/sellers/challenge.js';
import { editFirst, makeSeller } from '../../fixtures/sellers/good.js';
import { type FixtureServer, startFixtureServer } from '../../fixtures/sellers/server.js';
import { main } from '../../src/cli/main.js';

const OTHER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const spec = (payTo: string) => ({
  type: 'inference',
  model: { name: 'qwen3:0.6b', runtime: 'ollama' },
  upstream: { service: 'ollama', namespace: 'llm', port: 11434, healthPath: '/health' },
  payment: { scheme: 'exact', network: 'base-sepolia', payTo, price: { perMTok: '0.5' } },
  path: '/services/qwen',
});

describe('watch --offer', () => {
  let api: FakeKubeApi;
  let seller: FixtureServer;
  const files = kubeconfigDir();
  let kubeconfig: string;

  beforeAll(async () => {
    api = await startFakeKubeApi();
    seller = await startFixtureServer(makeSeller('v2-mirrored', { challenge: editFirst((r) => void (r.amount = '500')) }));
    kubeconfig = files.write('config', [{ name: 'obol', server: api.url, namespace: 'llm' }]);
  });
  afterAll(async () => {
    await api?.close();
    await seller?.close();
    files.cleanup();
  });

  it('re-reads the offer on every probe: a spec edit the route does not follow is pass -> fail', async () => {
    api.store.createOffer('llm', { apiVersion: 'obol.org/v1alpha1', kind: 'ServiceOffer', metadata: { name: 'qwen' }, spec: spec(PAY_TO) });
    markConditions(api.store, 'llm', 'qwen');
    let out = '';
    let err = '';
    let stop: () => void = () => {};
    const stopped = new Promise<void>((r) => (stop = r));
    const exit = main(['watch', '--offer', 'qwen', '-n', 'llm', '--kubeconfig', kubeconfig, '--base-url', seller.origin, '--interval', '1', '--timeout', '900', '--deadline', '5000', '--json'], {
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      isTTY: false,
      color: false,
      env: { HOME: '/nonexistent-x402-probe-home' },
      waitForInterrupt: () => stopped,
    });
    const events = () => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const waitFor = async (what: string, test: () => boolean) => {
      const end = Date.now() + 20_000;
      while (!test()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor('the baseline', () => events().some((e) => e.event === 'baseline'));
      expect(events()[0]).toMatchObject({ event: 'started', target: 'serviceoffer/llm/qwen', metricsUrl: null });
      expect(events()[1]).toMatchObject({ event: 'baseline', target: 'serviceoffer/llm/qwen', verdict: 'pass' });
      const offer = api.store.offers.get('llm/qwen') as { spec: ReturnType<typeof spec> } | undefined;
      if (offer) offer.spec = spec(OTHER);
      else api.store.createOffer('llm', { apiVersion: 'obol.org/v1alpha1', kind: 'ServiceOffer', metadata: { name: 'qwen' }, spec: spec(OTHER) });
      await waitFor('the verdict change', () => events().some((e) => e.kind === 'verdict'));
    } finally {
      stop();
    }
    expect(await exit).toBe(0);
    const change = events().find((e) => e.kind === 'verdict');
    expect(change).toMatchObject({ event: 'change', from: 'pass', to: 'fail' });
    expect(change?.failing).toEqual(expect.arrayContaining(['offer.spec-agrees']));
  }, 40_000);
});
