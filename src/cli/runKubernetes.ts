import { stringify } from 'yaml';
import { UsageError } from '../errors.js';
import { type KubeObject, scanManifests, type SecretRef, watchManifests } from '../kube/manifests.js';
import type { CliIO } from './context.js';
import type { KubeCommandOptions } from './options.js';

interface ApplyOptions extends KubeCommandOptions {
  image: string;
  apply?: boolean;
}

export interface K8sWatchCommandOptions extends ApplyOptions {
  namespace: string;
  metricsPort: number;
  interval?: number;
  keySecret?: string;
  payEvery?: number;
  dailyCap?: string;
  serviceMonitor?: boolean;
}

export interface K8sScanCommandOptions extends ApplyOptions {
  namespace: string;
  shards: number;
  parallelism?: number;
  schedule?: string;
  rpcSecret?: string;
  registry?: string;
  limit?: number;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** An image reference: [registry[:port]/]path[:tag][@digest], no spaces or shell characters. */
const IMAGE = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

function checkCommon(options: ApplyOptions & { namespace: string }): void {
  if (!DNS_LABEL.test(options.namespace) || options.namespace.length > 63) throw new UsageError(`-n/--namespace must be a Kubernetes namespace name (lowercase letters, digits, -), got ${JSON.stringify(options.namespace)}`);
  if (!IMAGE.test(options.image) || options.image.length > 512) throw new UsageError(`--image must be an image reference such as ghcr.io/acme/x402-probe:0.1.0, got ${JSON.stringify(options.image.slice(0, 80))}`);
}

function parseSecretRef(flag: string, value: string | undefined): SecretRef | undefined {
  if (value === undefined) return undefined;
  const match = /^([^:]+):([-._a-zA-Z0-9]+)$/.exec(value);
  if (!match || !DNS_SUBDOMAIN.test(match[1]) || match[1].length > 253) throw new UsageError(`${flag} must be <secret-name>:<key>, e.g. buyer-key:key (the value itself never goes into a manifest)`);
  return { name: match[1], key: match[2] };
}

/** Five cron fields, each of the characters cron takes: the API server validates the rest. */
function checkSchedule(schedule: string | undefined): void {
  if (schedule === undefined) return;
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5 || fields.some((f) => !/^[0-9*/,\-A-Za-z?]+$/.test(f))) throw new UsageError(`--schedule must be a five-field cron expression such as "17 3 * * *", got ${JSON.stringify(schedule.slice(0, 80))}`);
}

function toYaml(objects: KubeObject[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}

async function applyAll(objects: KubeObject[], options: ApplyOptions, io: CliIO): Promise<number> {
  const [{ resolveKubeConfig }, { createObjectClient }] = await Promise.all([import('../kube/kubeconfig.js'), import('../kube/objects.js')]);
  const client = createObjectClient(resolveKubeConfig({ kubeconfig: options.kubeconfig, context: options.context, env: io.env }));
  for (const object of objects) {
    const action = await client.apply(object);
    io.stdout(`${action} ${object.kind} ${object.metadata.namespace}/${object.metadata.name}\n`);
  }
  return 0;
}

/** `x402-probe k8s watch <offer>`: print the watcher's manifests, or apply them (ServiceMonitor when served). */
export async function runK8sWatch(offer: string, options: K8sWatchCommandOptions, io: CliIO): Promise<number> {
  checkCommon(options);
  if (!DNS_SUBDOMAIN.test(offer) || offer.length > 253) throw new UsageError(`<offer> must be a ServiceOffer name, got ${JSON.stringify(offer.slice(0, 80))}`);
  const keySecret = parseSecretRef('--key-secret', options.keySecret);
  if (options.payEvery !== undefined && !keySecret) throw new UsageError('--pay-every needs --key-secret (the buyer key the watcher pays with)');
  if (keySecret && options.payEvery === undefined) throw new UsageError('--key-secret only applies with --pay-every');
  if (options.payEvery !== undefined && options.dailyCap === undefined) throw new UsageError('--pay-every needs --daily-cap <decimal>: the most the paid probes may spend per UTC day');
  if (options.dailyCap !== undefined && options.payEvery === undefined) throw new UsageError('--daily-cap only applies with --pay-every');
  if (options.metricsPort > 65535) throw new UsageError(`--metrics-port must be at most 65535, got ${options.metricsPort}`);
  const build = (serviceMonitor: boolean) =>
    watchManifests({ offer, namespace: options.namespace, image: options.image, metricsPort: options.metricsPort, interval: options.interval, payEvery: options.payEvery, dailyCap: options.dailyCap, keySecret, serviceMonitor });
  if (!options.apply) {
    io.stdout(toYaml(build(Boolean(options.serviceMonitor))));
    return 0;
  }
  const [{ resolveKubeConfig }, { createObjectClient }] = await Promise.all([import('../kube/kubeconfig.js'), import('../kube/objects.js')]);
  const served = await createObjectClient(resolveKubeConfig({ kubeconfig: options.kubeconfig, context: options.context, env: io.env })).resourceServed('monitoring.coreos.com/v1', 'servicemonitors');
  if (!served) io.stderr('note: the cluster serves no monitoring.coreos.com/v1 ServiceMonitor; the Service\'s prometheus.io annotations are the scrape config\n');
  return applyAll(build(served), options, io);
}

/** `x402-probe k8s scan`: the sharded registry scan as an Indexed Job (or CronJob), printed or applied. */
export async function runK8sScan(options: K8sScanCommandOptions, io: CliIO): Promise<number> {
  checkCommon(options);
  checkSchedule(options.schedule);
  const objects = scanManifests({
    namespace: options.namespace, image: options.image, shards: options.shards, parallelism: options.parallelism, schedule: options.schedule?.trim().split(/\s+/).join(' '),
    rpcSecret: parseSecretRef('--rpc-secret', options.rpcSecret), registry: options.registry, limit: options.limit,
  });
  if (!options.apply) {
    io.stdout(toYaml(objects));
    return 0;
  }
  return applyAll(objects, options, io);
}
