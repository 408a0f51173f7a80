import { ConfigError, UsageError } from '../errors.js';
import type { KubeClient } from '../kube/client.js';
import { ollamaBaseUrl } from '../obol/ollama.js';
import { preflight, type PreflightType } from '../obol/preflight.js';
import { renderPreflightJson, renderPreflightPretty } from '../obol/renderPreflight.js';
import type { CliIO } from './context.js';
import { kubeClientFor } from './kube.js';
import type { KubeCommandOptions } from './options.js';
import type { CostCommandOptions } from './costOptions.js';
import { commandOutput } from './output.js';

export interface PreflightCommandOptions extends KubeCommandOptions, CostCommandOptions {
  measure?: boolean;
  json?: boolean;
  signer?: string;
  address?: string;
  rpc?: string;
  ollama?: string;
  endpoint: string[];
  /** Known to resolveNetwork: parseNetwork checked it as it was read. */
  network: string;
  type: PreflightType;
  timeout: number;
}

/** `x402-probe preflight`: exit 0 when every required item is ready, 1 otherwise, 2 for bad flags. */
export async function runPreflight(options: PreflightCommandOptions, io: CliIO): Promise<number> {
  if (options.signer && options.address) throw new UsageError('pass --signer or --address, not both');
  let kube: KubeClient | { error: string };
  try {
    kube = (await kubeClientFor(options, io, options.timeout)).client;
  } catch (error) {
    // A kubeconfig the user named is a usage error; finding none is what preflight reports.
    if (!(error instanceof ConfigError) || options.kubeconfig || options.context) throw error;
    kube = { error: error.shortMessage };
  }
  const output = commandOutput(options, io);
  const progress = output.progress();
  progress.update(`checking cluster, Ollama${options.endpoint.length ? ', endpoints' : ''}, wallet and tunnel`);
  const result = await preflight({
    kube,
    ollamaUrl: ollamaBaseUrl(options.ollama, io.env),
    signerUrl: options.signer,
    address: options.address,
    rpc: options.rpc,
    network: options.network,
    type: options.type,
    endpoints: options.endpoint,
    measure: options.measure
      ? {
          watts: options.watts,
          energyPrice: options.energyPrice,
          tokensPerRequest: options.tokensPerRequest,
          maxTokens: options.measureTokens,
          timeoutMs: options.measureTimeout,
          onMeasure: (model, index, total) => progress.update(`measuring ${model} (${index + 1}/${total}, at most ${options.measureTokens} tokens)`),
        }
      : undefined,
    timeoutMs: options.timeout,
  }).finally(() => progress.stop());
  io.stdout(output.json ? renderPreflightJson(result) : renderPreflightPretty(result, { color: output.color }));
  return result.ready ? 0 : 1;
}
