import { type Command, Option } from 'commander';
import type { CliContext } from './context.js';
import { addKubeOptions } from './options.js';
import { parseAddress, parseDecimal, parseNonEmpty, parsePositiveInt } from './parse.js';
import type { K8sScanCommandOptions, K8sWatchCommandOptions } from './runKubernetes.js';

const load = () => import('./runKubernetes.js');

const imageOption = () => new Option('--image <ref>', 'container image that has x402-probe as its entrypoint (required: pin a tag or digest you built or trust)').makeOptionMandatory();
const applyOption = () => new Option('--apply', 'create or update the objects in the cluster (kubeconfig, --context) instead of printing YAML');

/** `x402-probe k8s watch|scan`: the manifests that run x402-probe in a cluster, printed or applied. */
export function registerK8s(program: Command, ctx: CliContext): void {
  const k8s = program.command('k8s').description('print (or --apply) Kubernetes manifests that run x402-probe in a cluster: a watcher for a ServiceOffer, a sharded registry scan');

  addKubeOptions(
    k8s
      .command('watch')
      .description('a Deployment running `watch --offer <name>` with its metrics Service (Prometheus scrape annotations), RBAC to read the offer, and a ServiceMonitor when the cluster serves one')
      .argument('<offer>', 'ServiceOffer name', parseNonEmpty('<offer>'))
      .requiredOption('-n, --namespace <ns>', 'namespace of the ServiceOffer (the watcher runs there too)', parseNonEmpty('--namespace'))
      .addOption(imageOption())
      .option('--metrics-port <port>', 'port the metrics are served on', parsePositiveInt('--metrics-port'), 9464)
      .option('--interval <seconds>', 'seconds between probes (watch\'s default when absent)', parsePositiveInt('--interval'))
      .option('--key-secret <secret:key>', 'the buyer key for --pay-every, read from this Secret and key (never written into the manifest)')
      .option('--pay-every <n>', 'with --key-secret and --daily-cap: make a paid probe every n probes', parsePositiveInt('--pay-every'))
      .option('--daily-cap <decimal>', 'with --pay-every: the most the paid probes spend per UTC day, in the asset', parseDecimal('--daily-cap'))
      .option('--service-monitor', 'when printing: include a prometheus-operator ServiceMonitor (with --apply it is included when the cluster serves monitoring.coreos.com/v1)')
      .addOption(applyOption()),
  )
    .action(async (offer: string, options: K8sWatchCommandOptions) => {
      const { runK8sWatch } = await load();
      ctx.exitCode = await runK8sWatch(offer, options, ctx.io);
    });

  addKubeOptions(
    k8s
      .command('scan')
      .description('an Indexed Job whose pod i runs `scan --from-registry --shard i/N --json` (or, with --schedule, a CronJob of it); merge the pods\' logs with `scan merge`')
      .option('-n, --namespace <ns>', 'namespace to run the scan in', parseNonEmpty('--namespace'), 'default')
      .addOption(imageOption())
      .option('--shards <n>', 'pods (Job completions), each scanning one shard', parsePositiveInt('--shards'), 4)
      .option('--parallelism <n>', 'pods at once (default: every shard)', parsePositiveInt('--parallelism'))
      .option('--schedule <cron>', 'a CronJob on this schedule instead of one Job now (nightly: "17 3 * * *")')
      .option('--rpc-secret <secret:key>', 'the registry chain\'s RPC URL, read from this Secret and key (RPC URLs often carry API keys); default: the public RPC')
      .option('--registry <address>', 'IdentityRegistry address (default: the canonical one)', parseAddress('--registry'))
      .option('--limit <n>', 'at most this many agents (lowest ids first)', parsePositiveInt('--limit'))
      .addOption(applyOption()),
  )
    .addHelpText('after', '\nShard output lives in the pods\' logs: collect it with kubectl logs -l job-name=x402-probe-scan --tail=-1 and combine it with x402-probe scan merge.')
    .action(async (options: K8sScanCommandOptions) => {
      const { runK8sScan } = await load();
      ctx.exitCode = await runK8sScan(options, ctx.io);
    });
}
