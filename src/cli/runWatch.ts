import { UsageError } from '../errors.js';
import { isSafePath } from '../obol/publicUrl.js';
import type { Report } from '../report/types.js';
import { targetLabel } from '../watch/labels.js';
import { resolvePay, resolveRpc } from './buyerSetup.js';
import type { CliIO } from './context.js';
import { kubeClientFor } from './kube.js';
import { assertOptionalPackages } from './optionalPackages.js';
import { type KubeCommandOptions, type ProbeCommandOptions, probeOptionsFromCli } from './options.js';
import type { WatchEvent } from '../watch/watchTarget.js';

/** The `check` options that fit a probe repeated forever: no reporter, no --pay (--pay-every), no --agent. */
export type WatchProbeOptionName =
  | 'method' | 'header' | 'body' | 'timeout' | 'deadline' | 'expectPrice' | 'expectPayTo' | 'expectNetwork' | 'expectAsset'
  | 'rpc' | 'attacks' | 'discovery' | 'strict' | 'allowPrivate' | 'maxAmount' | 'maxValidity' | 'mainnet' | 'keyEnv' | 'signer';

export type WatchCommandOptions = Pick<ProbeCommandOptions, WatchProbeOptionName> &
  KubeCommandOptions & {
    offer?: string;
    baseUrl?: string;
    path: string;
    interval: number;
    payEvery?: number;
    dailyCap?: string;
    spendFile?: string;
    metricsPort?: number;
    metricsHost: string;
    webhook?: string;
    webhookTimeout: number;
    count?: number;
    json?: boolean;
  };

function validate(url: string | undefined, options: WatchCommandOptions): void {
  if ((url === undefined) === (options.offer === undefined)) throw new UsageError('watch takes a URL or --offer <name>, exactly one');
  if (options.offer === undefined && (options.namespace || options.baseUrl || options.context || options.kubeconfig)) throw new UsageError('-n, --base-url, --context and --kubeconfig only apply with --offer');
  if (options.payEvery !== undefined && options.dailyCap === undefined) throw new UsageError('--pay-every needs --daily-cap <decimal>: the most the paid probes may spend per UTC day');
  if (options.payEvery === undefined && (options.keyEnv !== undefined || options.signer !== undefined)) throw new UsageError('--key-env and --signer only apply with --pay-every');
  if (options.dailyCap !== undefined && options.payEvery === undefined) throw new UsageError('--daily-cap only applies with --pay-every');
  if (options.spendFile !== undefined && options.payEvery === undefined) throw new UsageError('--spend-file only applies with --pay-every');
  if (options.offer !== undefined && options.path !== '' && !isSafePath(options.path.startsWith('/') ? options.path : `/${options.path}`)) throw new UsageError(`--path must be a plain URL path, got ${JSON.stringify(options.path)}`);
}

/** `x402-probe watch`: probe on an interval until Ctrl-C or SIGTERM (or --count); exit 0 when stopped. */
export async function runWatch(url: string | undefined, options: WatchCommandOptions, io: CliIO): Promise<number> {
  validate(url, options);
  assertOptionalPackages('watch');
  // Listening from the start: a Ctrl-C while the key, RPC or server are set up still stops cleanly.
  const interrupted = io.waitForInterrupt();
  const paying = options.payEvery !== undefined;
  const { spendFileStore } = await import('../watch/spendFile.js');
  const spendStore = options.spendFile !== undefined ? spendFileStore(options.spendFile) : undefined;
  // Read once before anything starts: an unreadable or foreign file is exit 2 with nothing spent.
  spendStore?.load();
  const probeOptions: ProbeCommandOptions = { ...options, pay: paying, json: options.json };
  const pay = await resolvePay(probeOptions, io);
  const rpc = await resolveRpc(probeOptions, paying);
  const [{ run }, { probeOffer }, { createDispatcher }, { NetworkPolicy }, { createWatchMetrics }, { startMetricsServer }, { watchTarget }, { renderWatchEvent }, { postWebhook }] = await Promise.all([
    import('../engine/run.js'),
    import('../engine/probeOffer.js'),
    import('../gather/http.js'),
    import('../gather/network.js'),
    import('../watch/metrics.js'),
    import('../watch/metricsServer.js'),
    import('../watch/watchTarget.js'),
    import('../watch/renderEvent.js'),
    import('../watch/webhook.js'),
  ]);
  const kube = options.offer !== undefined ? await kubeClientFor(options, io, options.timeout) : null;
  const namespace = options.namespace ?? kube?.namespace ?? 'default';
  const target = options.offer !== undefined ? `serviceoffer/${namespace}/${options.offer}` : targetLabel(url!);
  const intervalMs = options.interval * 1000;
  // The probe must end before the next tick is due, or a hanging seller would stretch the interval.
  const deadlineMs = options.deadline ?? Math.min(3 * options.timeout, intervalMs);
  const dispatcher = createDispatcher({ connectTimeoutMs: options.timeout });
  const network = new NetworkPolicy({ allowPrivate: options.allowPrivate, connectTimeoutMs: options.timeout });
  const metrics = createWatchMetrics({
    target,
    intervalSeconds: options.interval,
    pay: paying ? { periodSeconds: options.interval * options.payEvery!, dailyCap: options.dailyCap! } : undefined,
    nowMs: Date.now,
  });
  const server = options.metricsPort !== undefined ? await startMetricsServer(metrics.registry, { host: options.metricsHost, port: options.metricsPort }) : null;
  const status = (line: string) => {
    if (!options.json) io.stderr(`x402-probe: ${line}\n`);
  };
  const mode = `${options.attacks ? 'unpaid + attacks' : 'unpaid, no attacks'}${paying ? `, a paid probe every ${options.payEvery} (daily cap ${options.dailyCap})` : ''}`;
  status(`watching ${target} every ${options.interval} s (${mode})${server ? `; metrics at ${server.url}` : ''}`);
  if (paying && !spendStore) status('the daily cap is counted in memory: a restarted watch counts from zero (--spend-file <path> keeps the count)');
  if (options.json) io.stdout(`${JSON.stringify({ event: 'started', target, at: new Date().toISOString(), intervalSeconds: options.interval, payEvery: options.payEvery ?? null, dailyCap: options.dailyCap ?? null, metricsUrl: server?.url ?? null })}\n`);

  let webhookQueue: Promise<void> = Promise.resolve();
  const onEvent = (event: WatchEvent) => {
    const line = options.json ? JSON.stringify(event) : renderWatchEvent(event);
    if (event.event === 'probe-error' || event.event === 'stopped') {
      if (options.json) io.stdout(`${line}\n`);
      else io.stderr(`x402-probe: ${line}\n`);
    } else io.stdout(`${line}\n`);
    if (options.webhook && event.event === 'change') {
      const webhook = options.webhook;
      // One post at a time, in order; a slow webhook delays only later posts, never a probe.
      webhookQueue = webhookQueue.then(async () => {
        const failure = await postWebhook({ url: webhook, event, timeoutMs: options.webhookTimeout });
        if (failure) {
          metrics.recordWebhookFailure();
          io.stderr(`x402-probe: ${failure}\n`);
        }
      });
    }
  };
  const base = { ...probeOptionsFromCli({ ...probeOptions, deadline: deadlineMs }), rpc, dispatcher, network };
  const probe = async (paid: { maxAmount: string } | null): Promise<Report> => {
    const payOption = paid && pay ? { ...pay, maxAmount: paid.maxAmount } : undefined;
    if (kube) {
      const result = await probeOffer({ ...base, client: kube.client, namespace, name: options.offer!, baseUrl: options.baseUrl, path: options.path, agent: false, pay: payOption });
      return result.report;
    }
    return (await run({ ...base, url: url!, pay: payOption })).report;
  };
  try {
    await watchTarget({
      target,
      intervalMs,
      probe,
      abortProbe: async () => {
        await Promise.all([dispatcher.destroy().catch(() => undefined), network.close()]);
      },
      pay: paying ? { every: options.payEvery!, dailyCap: options.dailyCap!, maxAmount: options.maxAmount } : undefined,
      spendStore,
      metrics,
      onEvent,
      stop: interrupted,
      stopGraceMs: Math.min(deadlineMs, 5_000),
      maxProbes: options.count,
    });
    // Posts still queued get their own timeout, not forever.
    await Promise.race([webhookQueue, new Promise<void>((resolve) => setTimeout(resolve, options.webhookTimeout + 1_000).unref())]);
  } finally {
    await server?.close();
    await Promise.all([dispatcher.destroy().catch(() => undefined), network.close().catch(() => undefined)]);
  }
  return 0;
}
