import { createKubeClient, type KubeClient } from '../kube/client.js';
import { resolveKubeConfig } from '../kube/kubeconfig.js';
import type { CliIO } from './context.js';
import type { KubeCommandOptions } from './options.js';

/** The client for --context/--kubeconfig; an unusable kubeconfig is a ConfigError (exit 2). */
export function kubeClientFor(options: KubeCommandOptions, io: CliIO, timeoutMs?: number): { client: KubeClient; namespace: string | null } {
  const resolved = resolveKubeConfig({ kubeconfig: options.kubeconfig, context: options.context, env: io.env });
  return { client: createKubeClient(resolved, { timeoutMs }), namespace: resolved.namespace };
}
