/**
 * `x402-probe k8s watch|scan`: the manifests printed without a cluster, and applied to the fake
 * API server (fixtures/kube), which validates them as the real one would.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { startFakeKubeApi, type FakeKubeApi } from '../fixtures/kube/fakeApiServer.js';
import { kubeconfigDir } from '../fixtures/kube/kubeconfig.js';
import type { CliIO } from '../src/cli/context.js';
import { main } from '../src/cli/main.js';
import { parseShard } from '../src/cli/parse.js';

/** Anvil's first well-known dev key: present in the environment, it must never reach a manifest. */
const ANVIL_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const IMAGE = 'ghcr.io/acme/x402-probe:0.1.0';

async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, color: false, env, waitForInterrupt: () => new Promise(() => {}) };
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

type Obj = Record<string, any>;
const docs = (yaml: string): Obj[] => parseAllDocuments(yaml).map((d) => d.toJS());
const byKind = (objects: Obj[], kind: string) => objects.filter((o) => o.kind === kind);

function expectHardened(pod: Obj) {
  expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
  expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
  for (const c of pod.containers) {
    expect(c.securityContext).toEqual({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ['ALL'] } });
    expect(c.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(c.resources.limits).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(c.image).toBe(IMAGE);
    // A read-only root still needs somewhere for temp files.
    expect(c.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    for (const e of c.env ?? []) expect(e.value, `env ${e.name} is a literal`).toBeUndefined();
  }
}

describe('k8s watch (printed, no cluster)', () => {
  it('prints a Deployment running watch for the offer, a scrape-annotated Service and the RBAC to read the offer', async () => {
    const { code, stdout, stderr } = await cli(['k8s', 'watch', 'qwen', '-n', 'llm', '--image', IMAGE, '--kubeconfig', '/nonexistent/kubeconfig']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const objects = docs(stdout);
    expect(objects.map((o) => o.kind)).toEqual(['ServiceAccount', 'Role', 'RoleBinding', 'Role', 'RoleBinding', 'Deployment', 'Service']);
    const [deployment] = byKind(objects, 'Deployment');
    expect(deployment.metadata).toMatchObject({ name: 'x402-probe-watch-qwen', namespace: 'llm' });
    expect(deployment.spec).toMatchObject({ replicas: 1, strategy: { type: 'Recreate' } });
    const pod = deployment.spec.template.spec;
    expect(pod.containers[0].args).toEqual(['watch', '--offer', 'qwen', '-n', 'llm', '--metrics-port', '9464', '--metrics-host', '0.0.0.0']);
    expect(pod.containers[0].ports).toEqual([{ name: 'metrics', containerPort: 9464, protocol: 'TCP' }]);
    expect(pod.serviceAccountName).toBe('x402-probe-watch-qwen');
    expectHardened(pod);
    const scrape = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9464', 'prometheus.io/path': '/metrics' };
    expect(deployment.spec.template.metadata.annotations).toEqual(scrape);
    const [service] = byKind(objects, 'Service');
    expect(service.metadata.annotations).toEqual(scrape);
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    for (const [k, v] of Object.entries(deployment.spec.selector.matchLabels)) expect(deployment.spec.template.metadata.labels[k]).toBe(v);
    const roles = byKind(objects, 'Role');
    expect(roles[0].rules).toEqual([{ apiGroups: ['obol.org'], resources: ['serviceoffers'], verbs: ['get', 'list'] }]);
    expect(roles[1]).toMatchObject({ metadata: { namespace: 'obol-frontend' }, rules: [{ resources: ['configmaps'], resourceNames: ['obol-stack-config'], verbs: ['get'] }] });
  });

  it('adds a ServiceMonitor on request, and reads a paying watcher\'s key only through a secretKeyRef', async () => {
    const { stdout } = await cli(['k8s', 'watch', 'qwen', '-n', 'llm', '--image', IMAGE, '--service-monitor', '--key-secret', 'buyer:key', '--pay-every', '60', '--daily-cap', '0.5', '--interval', '30'], { X402_PROBE_KEY: ANVIL_KEY, PRIVATE_KEY: ANVIL_KEY });
    expect(stdout).not.toContain(ANVIL_KEY.slice(2));
    const objects = docs(stdout);
    const [monitor] = byKind(objects, 'ServiceMonitor');
    expect(monitor.spec).toMatchObject({ selector: { matchLabels: { 'app.kubernetes.io/instance': 'x402-probe-watch-qwen' } }, endpoints: [{ port: 'metrics', path: '/metrics' }] });
    const container = byKind(objects, 'Deployment')[0].spec.template.spec.containers[0];
    expect(container.env).toEqual([{ name: 'X402_PROBE_KEY', valueFrom: { secretKeyRef: { name: 'buyer', key: 'key' } } }]);
    expect(container.args).toEqual(['watch', '--offer', 'qwen', '-n', 'llm', '--metrics-port', '9464', '--metrics-host', '0.0.0.0', '--interval', '30', '--key-env', 'X402_PROBE_KEY', '--pay-every', '60', '--daily-cap', '0.5', '--spend-file', '/var/lib/x402-probe/spend.json']);
    // A crash loop restarts the container, not the pod: the spend survives it in an emptyDir.
    expect(container.volumeMounts).toContainEqual({ name: 'spend', mountPath: '/var/lib/x402-probe' });
  });

  it.each([
    [['k8s', 'watch', 'qwen', '-n', 'llm'], /--image/],
    [['k8s', 'watch', 'qwen', '--image', IMAGE], /--namespace/],
    [['k8s', 'watch', 'qwen', '-n', 'llm', '--image', 'evil image; rm -rf /'], /--image must be an image reference/],
    [['k8s', 'watch', 'Qwen_1', '-n', 'llm', '--image', IMAGE], /<offer> must be a ServiceOffer name/],
    [['k8s', 'watch', 'qwen', '-n', 'LLM', '--image', IMAGE], /--namespace must be/],
    [['k8s', 'watch', 'qwen', '-n', 'llm', '--image', IMAGE, '--pay-every', '5'], /--pay-every needs --key-secret/],
    [['k8s', 'watch', 'qwen', '-n', 'llm', '--image', IMAGE, '--key-secret', 'buyer:key', '--pay-every', '5'], /--pay-every needs --daily-cap/],
    [['k8s', 'watch', 'qwen', '-n', 'llm', '--image', IMAGE, '--key-secret', 'buyer:key'], /--key-secret only applies with --pay-every/],
    [['k8s', 'watch', 'qwen', '-n', 'llm', '--image', IMAGE, '--key-secret', ANVIL_KEY], /--key-secret must be <secret-name>:<key>/],
    [['k8s', 'watch', 'qwen', '-n', 'llm', '--image', IMAGE, '--metrics-port', '70000'], /--metrics-port must be at most 65535/],
    [['k8s', 'scan', '--image', IMAGE, '--shards', '0'], /--shards must be a positive integer/],
    [['k8s', 'scan', '--image', IMAGE, '--schedule', 'every night'], /--schedule must be a five-field cron/],
    [['k8s', 'scan', '--image', IMAGE, '--rpc-secret', 'https://rpc.example/v2/APIKEY'], /--rpc-secret must be <secret-name>:<key>/],
  ])('%j is a one-line usage error, exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toContain(ANVIL_KEY.slice(2));
  });
});

describe('k8s scan (printed, no cluster)', () => {
  it('prints an Indexed Job whose pod i scans shard i/N of the registry and exits 0 on findings', async () => {
    const { code, stdout } = await cli(['k8s', 'scan', '--image', IMAGE, '--shards', '5', '--parallelism', '2', '--rpc-secret', 'base-rpc:url', '-n', 'scans']);
    expect(code).toBe(0);
    const [job, ...rest] = docs(stdout);
    expect(rest).toEqual([]);
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'x402-probe-scan', namespace: 'scans' } });
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 5, parallelism: 2 });
    expect(job.spec.podFailurePolicy.rules[0]).toEqual({ action: 'FailJob', onExitCodes: { containerName: 'scan', operator: 'In', values: [2] } });
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.automountServiceAccountToken).toBe(false);
    expectHardened(pod);
    const [container] = pod.containers;
    expect(container.env).toEqual([
      { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
      { name: 'X402_PROBE_RPC', valueFrom: { secretKeyRef: { name: 'base-rpc', key: 'url' } } },
    ]);
    expect(container.args).toEqual(['scan', '--from-registry', '--json', '--exit-zero', '--shard', '$(JOB_COMPLETION_INDEX)/5', '--rpc', '$(X402_PROBE_RPC)']);
    // As the kubelet expands $(JOB_COMPLETION_INDEX) for each pod: every index is a --shard scan takes.
    const shardArg = container.args[container.args.indexOf('--shard') + 1] as string;
    const shards = Array.from({ length: 5 }, (_, i) => parseShard(shardArg.replace('$(JOB_COMPLETION_INDEX)', String(i))));
    expect(shards).toEqual(Array.from({ length: 5 }, (_, index) => ({ index, count: 5 })));
  });

  it('prints a CronJob of the same Indexed Job with --schedule', async () => {
    const { stdout } = await cli(['k8s', 'scan', '--image', IMAGE, '--shards', '3', '--schedule', '17 3 * * *']);
    const [cron] = docs(stdout);
    expect(cron).toMatchObject({ kind: 'CronJob', metadata: { name: 'x402-probe-nightly-scan', namespace: 'default' }, spec: { schedule: '17 3 * * *', concurrencyPolicy: 'Forbid' } });
    expect(cron.spec.jobTemplate.spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 3 });
    expectHardened(cron.spec.jobTemplate.spec.template.spec);
  });
});

describe('k8s watch|scan --apply (fake API server)', () => {
  let api: FakeKubeApi;
  const configs = kubeconfigDir();
  let kubeconfig: string;

  beforeAll(async () => {
    api = await startFakeKubeApi({ token: 'sekrit' });
    kubeconfig = configs.write('config', [{ name: 'fake', server: api.url, token: 'sekrit' }]);
  });
  afterAll(async () => {
    await api.close();
    configs.cleanup();
  });
  beforeEach(() => {
    api.objects.objects.clear();
    api.monitoringCrdInstalled = false;
  });

  it('creates the watcher without a ServiceMonitor when the cluster serves none, then updates it in place', async () => {
    const first = await cli(['k8s', 'watch', 'qwen', '-n', 'llm', '--image', IMAGE, '--apply', '--kubeconfig', kubeconfig]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/no monitoring\.coreos\.com\/v1 ServiceMonitor/);
    expect(first.stdout).toContain('created Deployment llm/x402-probe-watch-qwen');
    expect(api.objects.list('servicemonitors')).toEqual([]);
    expect(api.requests.some((r) => r.resource === 'servicemonitors')).toBe(false);
    const [deployment] = api.objects.list('deployments');
    expect(deployment.spec.template.spec.containers[0].args).toContain('--offer');
    expectHardened(deployment.spec.template.spec);
    expect(api.objects.list('services')).toHaveLength(1);
    expect(api.objects.get('roles', 'obol-frontend', 'x402-probe-watch-qwen')).toBeDefined();

    const again = await cli(['k8s', 'watch', 'qwen', '-n', 'llm', '--image', 'ghcr.io/acme/x402-probe:0.2.0', '--apply', '--kubeconfig', kubeconfig]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('updated Deployment llm/x402-probe-watch-qwen');
    expect(api.objects.list('deployments')[0].spec.template.spec.containers[0].image).toBe('ghcr.io/acme/x402-probe:0.2.0');
  });

  it('adds the ServiceMonitor when monitoring.coreos.com/v1 is served', async () => {
    api.monitoringCrdInstalled = true;
    const { code, stdout, stderr } = await cli(['k8s', 'watch', 'qwen', '-n', 'llm', '--image', IMAGE, '--apply', '--kubeconfig', kubeconfig]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('created ServiceMonitor llm/x402-probe-watch-qwen');
    expect(api.objects.list('servicemonitors')[0].spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics', interval: '30s' }]);
  });

  it('creates the Indexed Job and the CronJob, which the API server accepts as valid', async () => {
    const job = await cli(['k8s', 'scan', '--image', IMAGE, '--shards', '4', '--apply', '--kubeconfig', kubeconfig]);
    expect(job).toMatchObject({ code: 0, stdout: 'created Job default/x402-probe-scan\n' });
    const cron = await cli(['k8s', 'scan', '--image', IMAGE, '--shards', '4', '--schedule', '17 3 * * *', '--apply', '--kubeconfig', kubeconfig]);
    expect(cron).toMatchObject({ code: 0, stdout: 'created CronJob default/x402-probe-nightly-scan\n' });
    const [stored] = api.objects.list('jobs');
    expect(stored.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 4 });
    expect(stored.spec.template.spec.containers[0].env[0].name).toBe('JOB_COMPLETION_INDEX');
    expect(api.objects.list('cronjobs')[0].spec.jobTemplate.spec.completions).toBe(4);
  });

  it('says in one line when the cluster refuses (forbidden), exit 2', async () => {
    api.forbid({ verb: 'create', resource: 'jobs' });
    const { code, stderr } = await cli(['k8s', 'scan', '--image', IMAGE, '--apply', '--kubeconfig', kubeconfig]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^x402-probe: forbidden: cannot create Job default\/x402-probe-scan/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
