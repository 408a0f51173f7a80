import type { KubeClient } from '../kube/client.js';
import type { CliIO } from './context.js';
import { assertOptionalPackages } from './optionalPackages.js';
import type { KubeCommandOptions } from './options.js';

/**
 * The client for --context/--kubeconfig; an unusable kubeconfig is a ConfigError (exit 2), and so
 * is a core install without @kubernetes/client-node, which loads only here.
 */
export async function kubeClientFor(options: KubeCommandOptions, io: CliIO, timeoutMs?: number): Promise<{ client: KubeClient; namespace: string | null }> {
  assertOptionalPackages('cluster');
  const [{ createKubeClient }, { resolveKubeConfig }] = await Promise.all([import('../kube/client.js'), import('../kube/kubeconfig.js')]);
  const resolved = resolveKubeConfig({ kubeconfig: options.kubeconfig, context: options.context, env: io.env });
  return { client: createKubeClient(resolved, { timeoutMs }), namespace: resolved.namespace };
}
