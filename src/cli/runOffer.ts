import { UnknownNetworkError, UsageError } from '../errors.js';
import { createKubeClient, type KubeClient } from '../kube/client.js';
import { resolveKubeConfig } from '../kube/kubeconfig.js';
import { probeOffer } from '../obol/probeOffer.js';
import { isSafePath } from '../obol/publicUrl.js';
import { resolveNetwork } from '../protocol/networks.js';
import { renderReport } from '../report/index.js';
import type { Report } from '../report/types.js';
import type { CliIO } from './context.js';
import type { KubeCommandOptions, OfferCommandOptions } from './offer.js';
import { createProgress } from './progress.js';
import { probeOptionsFromCli } from './check.js';
import { resolvePay, resolveRpc } from './runCheck.js';

/** The client for --context/--kubeconfig; an unusable kubeconfig is a ConfigError (exit 2). */
export function kubeClientFor(options: KubeCommandOptions, io: CliIO, timeoutMs?: number): { client: KubeClient; namespace: string | null } {
  const resolved = resolveKubeConfig({ kubeconfig: options.kubeconfig, context: options.context, env: io.env });
  return { client: createKubeClient(resolved, { timeoutMs }), namespace: resolved.namespace };
}

/** Probe an offer and print its report; shared by `offer` and `sell` (after the wait). */
export async function probeAndReport(client: KubeClient, namespace: string, name: string, options: OfferCommandOptions, io: CliIO): Promise<Report> {
  if (options.path !== '' && !isSafePath(options.path.startsWith('/') ? options.path : `/${options.path}`)) throw new UsageError(`--path must be a plain URL path, got ${JSON.stringify(options.path)}`);
  if (options.expectNetwork && !resolveNetwork(options.expectNetwork)) {
    throw new UnknownNetworkError('--expect-network', options.expectNetwork);
  }
  const pay = await resolvePay(options, io);
  const rpc = await resolveRpc(options, pay !== undefined);
  const reporter = options.json ? 'json' : (options.reporter ?? 'pretty');
  const progress = createProgress(io.isTTY && reporter === 'pretty', io.stderr);
  progress.update(`reading ServiceOffer ${namespace}/${name}`);
  const { report } = await probeOffer({
    client,
    namespace,
    name,
    baseUrl: options.baseUrl,
    path: options.path,
    agent: options.agent,
    ...probeOptionsFromCli(options),
    rpc,
    pay,
    onProgress: (event) => progress.update(event.phase === 'gather' ? `probing ${namespace}/${name}: ${event.artifact}` : 'judging'),
  }).finally(() => progress.stop());
  io.stdout(renderReport(reporter, report, { color: io.color, verbose: options.verbose }));
  return report;
}

/** `x402-probe offer <name> -n <ns>`: exit 0 pass, 1 failed checks (a missing offer included). */
export async function runOffer(name: string, options: OfferCommandOptions, io: CliIO): Promise<number> {
  const { client, namespace } = kubeClientFor(options, io, options.timeout);
  const report = await probeAndReport(client, options.namespace ?? namespace ?? 'default', name, options, io);
  return report.verdict === 'pass' ? 0 : 1;
}
