import type { CreateKubeClientParameters, KubeClient } from './client.js';
import type { ResolveKubeConfigParameters } from './kubeconfig.js';

export type ConnectKubeParameters = ResolveKubeConfigParameters & CreateKubeClientParameters;

/**
 * A ServiceOffer client for the kubeconfig and context kubectl would use. @kubernetes/client-node
 * is loaded here, on first use, so importing the library stays cheap.
 *
 * @example
 * const client = await connectKube({ context: 'obol' });
 * const { report } = await probeOffer({ client, namespace: 'llm', name: 'qwen' });
 */
export async function connectKube(params: ConnectKubeParameters = {}): Promise<KubeClient> {
  const [{ resolveKubeConfig }, { createKubeClient }] = await Promise.all([import('./kubeconfig.js'), import('./client.js')]);
  return createKubeClient(resolveKubeConfig(params), { timeoutMs: params.timeoutMs });
}
