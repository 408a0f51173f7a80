/**
 * `x402-probe sell inference|http`: dry-run YAML, create, update with a conflict retry, waiting
 * for the condition driver to mark the offer Ready, the timeout path, and the Kubernetes errors.
 */
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OfferDriver, startOfferDriver, type Stall } from '../../fixtures/kube/driver.js';
import { type FakeKubeApi, startFakeKubeApi } from '../../fixtures/kube/fakeApiServer.js';
import { kubeconfigDir } from '../../fixtures/kube/kubeconfig.js';
import { PAY_TO } from '../../fixtures/sellers/challenge.js';
import { editFirst, makeSeller } from '../../fixtures/sellers/good.js';
import { type FixtureServer, startFixtureServer } from '../../fixtures/sellers/server.js';
import { json, runCli } from './cli.js';

const check = (report: Record<string, any>, id: string) => report.checks.find((c: { id: string }) => c.id === id);

describe('x402-probe sell', () => {
  let api: FakeKubeApi;
  let inferenceSeller: FixtureServer;
  let httpSeller: FixtureServer;
  let driver: OfferDriver | null = null;
  const files = kubeconfigDir();
  let kubeconfig: string;
  const inference = (...extra: string[]) => ['sell', 'inference', 'qwen', '--model', 'qwen3:0.6b', '--price', '0.5', '--per-mtok', '--pay-to', PAY_TO, '--kubeconfig', kubeconfig, '--base-url', inferenceSeller.origin, ...extra];
  const drive = (stall?: Stall) => (driver = startOfferDriver(api.store, { stepMs: 10, stallFor: () => stall }));

  beforeAll(async () => {
    api = await startFakeKubeApi();
    inferenceSeller = await startFixtureServer(makeSeller('v2-mirrored', { challenge: editFirst((r) => void (r.amount = '500')) }));
    httpSeller = await startFixtureServer(makeSeller('v2-mirrored'));
    kubeconfig = files.write('config', [{ name: 'obol', server: api.url }]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), inferenceSeller?.close(), httpSeller?.close()]);
    files.cleanup();
  });
  beforeEach(() => {
    api.store.offers.clear();
    api.store.validators.length = 0;
    api.onRequest = null;
  });
  afterEach(() => {
    driver?.stop();
    driver = null;
  });

  it('--dry-run prints the YAML obol sell writes and touches nothing', async () => {
    const before = api.requests.length;
    const run = await runCli(inference('--dry-run', '--no-register'));
    expect(run.code).toBe(0);
    expect(parse(run.stdout)).toEqual({
      apiVersion: 'obol.org/v1alpha1',
      kind: 'ServiceOffer',
      metadata: { name: 'qwen', namespace: 'llm' },
      spec: {
        type: 'inference',
        model: { name: 'qwen3:0.6b', runtime: 'ollama' },
        upstream: { service: 'ollama', namespace: 'llm', port: 11434, healthPath: '/health' },
        payment: { scheme: 'exact', network: 'base-sepolia', payTo: PAY_TO, price: { perMTok: '0.5' } },
        path: '/services/qwen',
      },
    });
    expect(api.requests.length).toBe(before);
    const http = parse((await runCli(['sell', 'http', 'weather', '--upstream', 'weather-api:8080', '--price', '0.01', '--per-hour', '--pay-to', PAY_TO, '--network', 'base', '--dry-run'])).stdout);
    expect(http.spec).toMatchObject({ type: 'http', upstream: { service: 'weather-api', namespace: 'default', port: 8080 }, payment: { network: 'base', maxTimeoutSeconds: 300, price: { perHour: '0.01' } }, registration: { enabled: true, name: 'weather' } });
  });

  it("takes obol's registration flags, price alias and --upstream <svc> --port <n> form, writing spec.registration as obol does", async () => {
    const registration = ['--register-name', 'Weather API', '--description', 'Forecasts by city, 0.01 USDC a call', '--register-image', 'https://weather.example/icon.png', '--register-skills', 'a/b,c/d', '--register-skills', 'e/f', '--register-domains', 'technology/data', '--register-metadata', 'region=eu', '--register-metadata', 'tier = gold, note='];
    const http = await runCli(['sell', 'http', 'weather', '--upstream', 'weather-api', '--port', '8080', '--per-request', '0.01', '--pay-to', PAY_TO, ...registration, '--dry-run']);
    expect(http.code, http.stderr).toBe(0);
    expect(parse(http.stdout).spec).toMatchObject({
      upstream: { service: 'weather-api', port: 8080 },
      payment: { price: { perRequest: '0.01' } },
      registration: {
        enabled: true,
        name: 'Weather API',
        description: 'Forecasts by city, 0.01 USDC a call',
        image: 'https://weather.example/icon.png',
        skills: ['a/b', 'c/d', 'e/f'],
        domains: ['technology/data'],
        metadata: { region: 'eu', tier: 'gold', note: '' },
      },
    });
    // The same offer with x402-probe's own spellings, and obol's key order under registration.
    const same = await runCli(['sell', 'http', 'weather', '--upstream', 'weather-api:8080', '--port', '8080', '--price', '0.01', '--pay-to', PAY_TO, ...registration, '--dry-run']);
    expect(same.stdout).toBe(http.stdout);
    expect(Object.keys(parse(http.stdout).spec.registration)).toEqual(['enabled', 'name', 'description', 'image', 'skills', 'domains', 'metadata']);
    const plain = parse((await runCli(inference('--register-description', 'qwen3 0.6B chat', '--dry-run'))).stdout);
    expect(plain.spec.registration).toEqual({ enabled: true, name: 'qwen', description: 'qwen3 0.6B chat' });
  });

  it('creates the offer with its registration metadata', async () => {
    const run = await runCli(inference('--register-name', 'qwen3 chat', '--register-skills', 'natural_language_processing/natural_language_generation/text_completion', '--register-metadata', 'model=qwen3:0.6b', '--wait', '0'));
    expect(run.code, run.stderr).toBe(0);
    expect(api.store.getOffer('llm', 'qwen')?.spec.registration).toEqual({
      enabled: true,
      name: 'qwen3 chat',
      skills: ['natural_language_processing/natural_language_generation/text_completion'],
      metadata: { model: 'qwen3:0.6b' },
    });
  });

  it('creates the offer, waits until the driver marks it Ready, then probes it (quiet with --json)', async () => {
    drive();
    const run = await runCli(inference('--no-register', '--wait', '10', '--json'));
    const report = json(run);
    expect(run.code, report.checks.filter((c: { status: string }) => c.status === 'fail').map((c: { message: string }) => c.message).join('\n')).toBe(0);
    expect(run.stderr).toBe('');
    expect(check(report, 'offer.conditions-ready').status).toBe('pass');
    expect(check(report, 'offer.spec-agrees').status).toBe('pass');
    expect(report.target).toBe(`${inferenceSeller.origin}/services/qwen/health`);
    expect(api.store.getOffer('llm', 'qwen')?.spec.payment.price).toEqual({ perMTok: '0.5' });
  });

  it('shows progress on a TTY and leaves the registry cross-check out with --no-agent', async () => {
    drive();
    const run = await runCli(['sell', 'http', 'weather', '--upstream', 'weather-api:8080', '--price', '0.01', '--pay-to', PAY_TO, '--kubeconfig', kubeconfig, '--base-url', httpSeller.origin, '--no-agent', '--wait', '10'], {}, { isTTY: true });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stderr).toContain('ServiceOffer default/weather created');
    expect(run.stderr).toContain('waiting for default/weather');
    expect(run.stderr).toMatch(/is Ready after \d+\.\d s/);
    expect(api.store.getOffer('default', 'weather')?.status.agentId).toBe('42');
  });

  it('updates an existing offer, re-reading and retrying once on a 409', async () => {
    api.store.createOffer('llm', { metadata: { name: 'qwen' }, spec: { type: 'inference', model: { name: 'old', runtime: 'ollama' }, payment: { payTo: PAY_TO, network: 'base-sepolia', price: { perRequest: '1' } } } });
    let raced = 0;
    api.onRequest = (req) => {
      if (req.verb === 'update' && req.resource === 'serviceoffers' && raced++ === 0) api.store.writeStatus('llm', 'qwen', { conditions: [] });
    };
    const run = await runCli(inference('--no-register', '--wait', '0'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/ServiceOffer llm\/qwen updated \(generation 2\)/);
    expect(raced).toBe(2);
    expect(api.store.getOffer('llm', 'qwen')?.spec.model.name).toBe('qwen3:0.6b');
    const quiet = await runCli(inference('--no-register', '--wait', '0', '--json'));
    expect(json(quiet)).toMatchObject({ command: 'sell', action: 'updated', namespace: 'llm', name: 'qwen', conflicts: 0 });
    expect(quiet.stderr).toBe('');
  });

  it('times out on a stalled offer, explains the stall, and exits 1', async () => {
    drive({ type: 'Registered', reason: 'AwaitingExternalRegistration', message: 'no tunnel yet' });
    const run = await runCli(inference('--wait', '1', '--no-agent'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/timed out after 1 s waiting for ServiceOffer llm\/qwen: Registered=False \(AwaitingExternalRegistration\)/);
    expect(run.stdout).toMatch(/✗ offer\.conditions-ready\s+Registered=False \(AwaitingExternalRegistration\)/);
  });

  it('maps a missing CRD, forbidden, an invalid spec and a repeated conflict to one line and exit 2', async () => {
    const one = async (...extra: string[]) => {
      const run = await runCli(inference('--no-register', '--wait', '0', ...extra));
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      return run.stderr;
    };
    api.crdInstalled = false;
    expect(await one()).toMatch(/^x402-probe: the ServiceOffer CRD \(serviceoffers\.obol\.org, v1alpha1\) is not installed/);
    api.crdInstalled = true;

    api.onRequest = (req) => (req.verb === 'create' ? [403, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403, message: 'serviceoffers.obol.org is forbidden: User "dev" cannot create resource "serviceoffers"' }] : undefined);
    expect(await one()).toMatch(/^x402-probe: forbidden: cannot create ServiceOffer llm\/qwen/);
    api.onRequest = null;

    api.store.validators.push((offer) => (offer.spec?.payment?.network === 'base-sepolia' ? [{ field: 'spec.payment', message: 'Invalid value: "object": payTo and network are required unless method is card' }] : []));
    expect(await one()).toMatch(/^x402-probe: the API server rejected ServiceOffer llm\/qwen as invalid \(422\): .*spec\.payment/);
    api.store.validators.length = 0;

    api.store.createOffer('llm', { metadata: { name: 'qwen' }, spec: { payment: { price: { perRequest: '1' } } } });
    api.onRequest = (req) => (req.verb === 'update' ? void api.store.writeStatus('llm', 'qwen', { conditions: [] }) : undefined);
    expect(await one()).toMatch(/^x402-probe: conflict: ServiceOffer llm\/qwen was changed by someone else/);
  });

  it('refuses contradictory or unusable flags with exit 2', async () => {
    for (const argv of [
      inference('--per-hour', '--dry-run'),
      ['sell', 'http', 'api', '--upstream', 'api', '--price', '0.01', '--pay-to', PAY_TO, '--dry-run'],
      ['sell', 'http', 'api', '--upstream', 'api:99999', '--price', '0.01', '--pay-to', PAY_TO, '--dry-run'],
      ['sell', 'inference', 'qwen', '--model', 'm', '--price', '0.01', '--pay-to', PAY_TO, '--network', 'narnia', '--dry-run'],
      ['sell', 'inference', 'qwen', '--model', 'm', '--price', 'free', '--pay-to', PAY_TO, '--dry-run'],
      ['sell', 'inference', 'qwen', '--model', 'm', '--price', '1', '--pay-to', PAY_TO, '--path', 'services/x', '--dry-run'],
    ]) {
      const run = await runCli(argv);
      expect([run.code, run.stderr.split('\n').length], argv.join(' ')).toEqual([2, 2]);
    }
  });

  it('refuses bad registration, price and upstream flags with exit 2 and one line', async () => {
    const http = (...extra: string[]) => ['sell', 'http', 'api', '--pay-to', PAY_TO, '--dry-run', ...extra];
    for (const [argv, message] of [
      [inference('--register-metadata', 'gpu', '--dry-run'), /--register-metadata must be key=value, got "gpu"/],
      [inference('--register-metadata', '=A100', '--dry-run'), /--register-metadata must be key=value/],
      [inference('--register-metadata', 'gpu=A100,80GB', '--dry-run'), /got "80GB"/],
      [inference('--no-register', '--register-name', 'Q', '--dry-run'), /--no-register contradicts --register-name/],
      [inference('--no-register', '--description', 'chat', '--dry-run'), /--no-register contradicts --description/],
      [inference('--no-register', '--register-metadata', 'a=b', '--dry-run'), /--no-register contradicts --register-metadata/],
      [inference('--register-description', 'a', '--description', 'b', '--dry-run'), /same flag/],
      [inference('--register-skills', 'text completion', '--dry-run'), /--register-skills takes OASF slugs/],
      [inference('--register-image', 'icon.png', '--dry-run'), /--register-image must be/],
      [inference('--per-request', '0.001', '--dry-run'), /--per-request is a per-request price/],
      [http('--upstream', 'api:8080', '--port', '9090', '--price', '0.01'), /--upstream api:8080 and --port 9090 name different ports/],
      [http('--upstream', 'api', '--price', '0.01'), /--upstream api names no port/],
      [http('--upstream', 'api', '--port', '0', '--price', '0.01'), /--port must be a port number/],
      [http('--upstream', 'api:8080', '--price', '0.01', '--per-request', '0.02'), /--price 0\.01 and --per-request 0\.02 disagree/],
      [http('--upstream', 'api:8080'), /a price is required/],
    ] as const) {
      const run = await runCli([...argv]);
      expect([run.code, run.stderr.split('\n').length], argv.join(' ')).toEqual([2, 2]);
      expect(run.stderr, argv.join(' ')).toMatch(message);
    }
  });
});
