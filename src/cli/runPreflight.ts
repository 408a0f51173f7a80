import { ConfigError, UnknownNetworkError, UsageError } from '../errors.js';
import { createKubeClient, type KubeClient } from '../kube/client.js';
import { resolveKubeConfig } from '../kube/kubeconfig.js';
import { ollamaBaseUrl } from '../obol/ollama.js';
import { preflight } from '../obol/preflight.js';
import { renderPreflightJson, renderPreflightPretty } from '../obol/renderPreflight.js';
import { resolveNetwork } from '../protocol/networks.js';
import type { CliIO } from './context.js';
import type { PreflightCommandOptions } from './preflight.js';
import { createProgress } from './progress.js';

/** `x402-probe preflight`: exit 0 when every required item is ready, 1 otherwise, 2 for bad flags. */
export async function runPreflight(options: PreflightCommandOptions, io: CliIO): Promise<number> {
  if (options.signer && options.address) throw new UsageError('pass --signer or --address, not both');
  if (!resolveNetwork(options.network)) throw new UnknownNetworkError('--network', options.network);
  let kube: KubeClient | { error: string };
  try {
    kube = createKubeClient(resolveKubeConfig({ kubeconfig: options.kubeconfig, context: options.context, env: io.env }), { timeoutMs: options.timeout });
  } catch (error) {
    // A kubeconfig the user named is a usage error; finding none is what preflight reports.
    if (!(error instanceof ConfigError) || options.kubeconfig || options.context) throw error;
    kube = { error: error.shortMessage };
  }
  const progress = createProgress(io.isTTY && !options.json, io.stderr);
  progress.update('checking cluster, Ollama, wallet and tunnel');
  const result = await preflight({
    kube,
    ollamaUrl: ollamaBaseUrl(options.ollama, io.env),
    signerUrl: options.signer,
    address: options.address,
    rpc: options.rpc,
    network: options.network,
    type: options.type,
    timeoutMs: options.timeout,
  }).finally(() => progress.stop());
  io.stdout(options.json ? renderPreflightJson(result) : renderPreflightPretty(result, { color: io.color }));
  return result.ready ? 0 : 1;
}
