/**
 * The Kubernetes objects `x402-probe k8s watch|scan` prints or applies: plain data, no cluster.
 * Every pod runs as a non-root user on a read-only root filesystem with no capabilities, and a
 * key or RPC URL reaches it only through a secretKeyRef, never as a literal in the manifest.
 */
import { OFFER_GROUP, OFFER_PLURAL, TUNNEL_CONFIGMAP } from './types.js';

export type KubeObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [field: string]: unknown };

/** `<secret>:<key>`: a value the pod reads from a Secret. */
export interface SecretRef {
  name: string;
  key: string;
}

export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

/** One watcher polls and serves metrics: little CPU. */
export const WATCH_RESOURCES: Resources = { requests: { cpu: '50m', memory: '96Mi' }, limits: { cpu: '500m', memory: '192Mi' } };
/** A scan shard uses its cores (worker pool) and stays under ~200 MB (bench/scan-throughput.mjs). */
export const SCAN_RESOURCES: Resources = { requests: { cpu: '500m', memory: '192Mi' }, limits: { cpu: '2', memory: '384Mi' } };
export const DEFAULT_METRICS_PORT = 9464;
/** 03:17 UTC: nightly, off the top of the hour when everyone else's CronJobs start. */
export const DEFAULT_SCAN_SCHEDULE = '17 3 * * *';
/** The UID of distroless' `nonroot` user, and of most images' unprivileged one. */
const NON_ROOT_UID = 65532;
const KEY_ENV = 'X402_PROBE_KEY';
const RPC_ENV = 'X402_PROBE_RPC';

export interface WatchManifestParameters {
  /** The ServiceOffer to watch and its namespace (where the watcher runs too). */
  offer: string;
  namespace: string;
  image: string;
  metricsPort?: number;
  /** Seconds between probes (watch's own default when absent). */
  interval?: number;
  /** watch --pay-every N, with the buyer key from `keySecret`. */
  payEvery?: number;
  /** watch --daily-cap: the most the paid probes spend per UTC day (required with payEvery). */
  dailyCap?: string;
  keySecret?: SecretRef;
  /** Add a prometheus-operator ServiceMonitor (when monitoring.coreos.com/v1 is served). */
  serviceMonitor?: boolean;
}

export interface ScanManifestParameters {
  namespace: string;
  image: string;
  /** Pods (completions); each scans shard $(JOB_COMPLETION_INDEX)/shards. */
  shards: number;
  /** Pods at once (default: all). */
  parallelism?: number;
  /** A CronJob on this schedule instead of a Job run once. */
  schedule?: string;
  /** The registry chain's RPC URL from a Secret (it often carries an API key). */
  rpcSecret?: SecretRef;
  registry?: string;
  limit?: number;
  /** scan --workers inside each pod. */
  workers?: number;
  name?: string;
}

function labels(component: 'watch' | 'scan', instance: string): Record<string, string> {
  return { 'app.kubernetes.io/name': 'x402-probe', 'app.kubernetes.io/component': component, 'app.kubernetes.io/instance': instance, 'app.kubernetes.io/managed-by': 'x402-probe' };
}

/** The pod-level half of the hardening; the container's is `containerSecurityContext`. */
const podSecurityContext = { runAsNonRoot: true, runAsUser: NON_ROOT_UID, runAsGroup: NON_ROOT_UID, fsGroup: NON_ROOT_UID, seccompProfile: { type: 'RuntimeDefault' } };
const containerSecurityContext = { runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ['ALL'] } };

/** Node writes nothing but temp files: a small emptyDir at /tmp keeps the root filesystem read-only. */
const tmpVolume = { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } };
const tmpMount = { name: 'tmp', mountPath: '/tmp' };
/**
 * Where a paying watcher keeps its daily spend (--spend-file): an emptyDir outlives a container
 * restart (a crash loop must not reset the cap), though not the pod being rescheduled.
 */
const SPEND_DIR = '/var/lib/x402-probe';
const spendVolume = { name: 'spend', emptyDir: { sizeLimit: '1Mi' } };
const spendMount = { name: 'spend', mountPath: SPEND_DIR };

const fromSecret = (env: string, ref: SecretRef) => ({ name: env, valueFrom: { secretKeyRef: { name: ref.name, key: ref.key } } });

/** A name for things derived from `base` that stays a DNS label (63 characters). */
function dnsLabel(base: string): string {
  const cleaned = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned.slice(0, 63).replace(/-+$/, '') || 'x402-probe';
}

/**
 * A watcher for one ServiceOffer: ServiceAccount and RBAC to read the offer (and obol's tunnel
 * ConfigMap), a one-replica Deployment (Recreate: two watchers would pay twice), a Service with
 * Prometheus scrape annotations, and optionally a ServiceMonitor.
 */
export function watchManifests(params: WatchManifestParameters): KubeObject[] {
  const name = dnsLabel(`x402-probe-watch-${params.offer}`);
  const { namespace } = params;
  const port = params.metricsPort ?? DEFAULT_METRICS_PORT;
  const meta = (extra: Partial<KubeObject['metadata']> = {}, ns = namespace) => ({ name, namespace: ns, labels: labels('watch', name), ...extra });
  const scrape = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port), 'prometheus.io/path': '/metrics' };
  // watch binds 127.0.0.1 by default; in a pod Prometheus scrapes the pod's own address.
  const args = ['watch', '--offer', params.offer, '-n', namespace, '--metrics-port', String(port), '--metrics-host', '0.0.0.0'];
  if (params.interval !== undefined) args.push('--interval', String(params.interval));
  const env: object[] = [];
  // watch takes a key only for paid probes, and paid probes only under a daily cap.
  if (params.keySecret && params.payEvery !== undefined && params.dailyCap !== undefined) {
    env.push(fromSecret(KEY_ENV, params.keySecret));
    args.push('--key-env', KEY_ENV, '--pay-every', String(params.payEvery), '--daily-cap', params.dailyCap, '--spend-file', `${SPEND_DIR}/spend.json`);
  }
  const paying = env.length > 0;
  const subject = [{ kind: 'ServiceAccount', name, namespace }];
  const objects: KubeObject[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(), automountServiceAccountToken: true },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta(), rules: [{ apiGroups: [OFFER_GROUP], resources: [OFFER_PLURAL], verbs: ['get', 'list'] }] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta(), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name }, subjects: subject },
    // The offer's public URL is in obol's tunnel ConfigMap: read that one object, nothing else there.
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta({}, TUNNEL_CONFIGMAP.namespace), rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: [TUNNEL_CONFIGMAP.name], verbs: ['get'] }] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta({}, TUNNEL_CONFIGMAP.namespace), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name }, subjects: subject },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(),
      spec: {
        replicas: 1,
        strategy: { type: 'Recreate' },
        selector: { matchLabels: { 'app.kubernetes.io/instance': name } },
        template: {
          metadata: { labels: labels('watch', name), annotations: scrape },
          spec: {
            serviceAccountName: name,
            securityContext: podSecurityContext,
            containers: [{
              name: 'watch',
              image: params.image,
              args,
              ...(env.length ? { env } : {}),
              ports: [{ name: 'metrics', containerPort: port, protocol: 'TCP' }],
              readinessProbe: { httpGet: { path: '/metrics', port: 'metrics' }, periodSeconds: 15 },
              livenessProbe: { httpGet: { path: '/metrics', port: 'metrics' }, periodSeconds: 30, failureThreshold: 4 },
              resources: WATCH_RESOURCES,
              securityContext: containerSecurityContext,
              volumeMounts: paying ? [tmpMount, spendMount] : [tmpMount],
            }],
            volumes: paying ? [tmpVolume, spendVolume] : [tmpVolume],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta({ annotations: scrape }),
      spec: { type: 'ClusterIP', selector: { 'app.kubernetes.io/instance': name }, ports: [{ name: 'metrics', port, targetPort: 'metrics', protocol: 'TCP' }] },
    },
  ];
  if (params.serviceMonitor) {
    objects.push({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: meta(),
      spec: { selector: { matchLabels: { 'app.kubernetes.io/instance': name } }, namespaceSelector: { matchNames: [namespace] }, endpoints: [{ port: 'metrics', path: '/metrics', interval: '30s' }] },
    });
  }
  return objects;
}

/**
 * A registry-wide scan as an Indexed Job (or a CronJob of one): pod i runs
 * `scan --from-registry --shard i/N --json` and leaves its NDJSON in its log for `scan merge`.
 * A scan that finds failing sellers exits 0 (`--exit-zero`), so only the probe's own trouble
 * fails a pod, and a usage error (exit 2) fails the whole Job at once: retrying cannot fix it.
 */
export function scanManifests(params: ScanManifestParameters): KubeObject[] {
  const name = dnsLabel(params.name ?? (params.schedule ? 'x402-probe-nightly-scan' : 'x402-probe-scan'));
  const { namespace, shards } = params;
  const args = ['scan', '--from-registry', '--json', '--exit-zero', '--shard', `$(JOB_COMPLETION_INDEX)/${shards}`];
  // $(VAR) in args expands only variables the container declares: declare the index explicitly.
  const env: object[] = [{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }];
  if (params.rpcSecret) {
    env.push(fromSecret(RPC_ENV, params.rpcSecret));
    args.push('--rpc', `$(${RPC_ENV})`);
  }
  if (params.registry) args.push('--registry', params.registry);
  if (params.limit !== undefined) args.push('--limit', String(params.limit));
  if (params.workers !== undefined) args.push('--workers', String(params.workers));
  const jobSpec = {
    completionMode: 'Indexed',
    completions: shards,
    parallelism: Math.min(params.parallelism ?? shards, shards),
    backoffLimit: shards * 2,
    podFailurePolicy: {
      rules: [
        { action: 'FailJob', onExitCodes: { containerName: 'scan', operator: 'In', values: [2] } },
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
      ],
    },
    ttlSecondsAfterFinished: 7 * 24 * 3600,
    template: {
      metadata: { labels: labels('scan', name) },
      spec: {
        restartPolicy: 'Never',
        automountServiceAccountToken: false,
        securityContext: podSecurityContext,
        containers: [{ name: 'scan', image: params.image, args, env, resources: SCAN_RESOURCES, securityContext: containerSecurityContext, volumeMounts: [tmpMount] }],
        volumes: [tmpVolume],
      },
    },
  };
  const metadata = { name, namespace, labels: labels('scan', name) };
  if (!params.schedule) return [{ apiVersion: 'batch/v1', kind: 'Job', metadata, spec: jobSpec }];
  return [{
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata,
    spec: { schedule: params.schedule, concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 3600, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 3, jobTemplate: { metadata: { labels: labels('scan', name) }, spec: jobSpec } },
  }];
}
