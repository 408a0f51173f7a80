import { ConfigError, UsageError } from '../errors.js';
import type { KubeClient } from '../kube/client.js';
import { probeOffer } from '../engine/probeOffer.js';
import { isSafePath } from '../obol/publicUrl.js';
import type { Report } from '../report/types.js';
import { resolvePay, resolveRpc } from './buyerSetup.js';
import type { CliIO } from './context.js';
import { kubeClientFor } from './kube.js';
import { type KubeCommandOptions, type ProbeCommandOptions, probeOptionsFromCli } from './options.js';
import { commandOutput } from './output.js';

export interface OfferCommandOptions extends ProbeCommandOptions, KubeCommandOptions {
  baseUrl?: string;
  /** Undefined: an inference offer is probed as buyers call it, any other at /health. */
  path?: string;
  /** A ref, false for --no-agent, undefined for status.agentId. */
  agent?: string | false;
}

/** Probe an offer and print its report; shared by `offer` and `sell` (after the wait). */
export async function probeAndReport(client: KubeClient, namespace: string, name: string, options: OfferCommandOptions, io: CliIO): Promise<Report> {
  if (options.path !== undefined && options.path !== '' && !isSafePath(options.path.startsWith('/') ? options.path : `/${options.path}`)) throw new UsageError(`--path must be a plain URL path, got ${JSON.stringify(options.path)}`);
  const pay = await resolvePay(options, io);
  const rpc = await resolveRpc(options, pay !== undefined);
  const output = commandOutput(options, io);
  const progress = output.progress();
  progress.update(`reading ServiceOffer ${namespace}/${name}`);
  const { report, streamed, offer } = await probeOffer({
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
  // No answer from the API server says nothing about the offer: the cluster or the kubeconfig is
  // what to fix, so it is a configuration error rather than a failed offer.exists.
  if (offer.readError?.reason === 'unreachable') throw new ConfigError(offer.readError.message);
  output.printReport(report);
  // A person reads the streamed call's own report too; machine output stays one document.
  if (streamed && output.reporter === 'pretty') {
    io.stdout('\nThe same chat, streamed (obol sends the receipt as a trailer):\n');
    output.printReport(streamed.report);
  }
  return report;
}

/** `x402-probe offer <name> -n <ns>`: exit 0 pass, 1 failed checks (a missing offer included). */
export async function runOffer(name: string, options: OfferCommandOptions, io: CliIO): Promise<number> {
  const { client, namespace } = await kubeClientFor(options, io, options.timeout);
  const report = await probeAndReport(client, options.namespace ?? namespace ?? 'default', name, options, io);
  return report.verdict === 'pass' ? 0 : 1;
}
