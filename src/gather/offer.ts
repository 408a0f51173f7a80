/**
 * The `offer` artifact: the ServiceOffer as the cluster holds it, and the public URL built from
 * it. `readOffer` talks to the API server before the run (the URL to probe depends on it); the
 * gatherer places what was read among the run's artifacts. Facts only, no verdicts.
 */
import type { KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/errors.js';
import { TUNNEL_CONFIGMAP, type ServiceOffer, type ServiceOfferCondition } from '../kube/types.js';
import { buildPublicUrl } from '../obol/publicUrl.js';
import { redactSecrets } from '../util/redact.js';
import type { OfferArtifact, OfferCondition } from '../artifacts/index.js';
import { defineGatherer } from './defineGatherer.js';

export interface ReadOfferParameters {
  namespace: string;
  name: string;
  /** --base-url: the public origin to prefix status.endpoint with. */
  baseUrl?: string;
  /** --path: subpath under the endpoint (default /health, as `obol sell test`). */
  path?: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

function condition(c: ServiceOfferCondition): OfferCondition {
  return {
    type: typeof c?.type === 'string' ? c.type : String(c?.type ?? ''),
    status: typeof c?.status === 'string' ? c.status : String(c?.status ?? ''),
    reason: str(c?.reason),
    message: str(c?.message),
    lastTransitionTime: str(c?.lastTransitionTime),
  };
}

/** An artifact for an offer that could not be read. */
function unread(client: KubeClient, params: ReadOfferParameters, error: KubeApiError): OfferArtifact {
  return {
    name: params.name,
    namespace: params.namespace,
    cluster: { server: client.server, context: client.context },
    found: false,
    readError: { reason: error.reason, status: error.status, message: redactSecrets(error.shortMessage) },
    type: undefined,
    model: undefined,
    upstream: undefined,
    payment: undefined,
    path: undefined,
    registrationEnabled: undefined,
    generation: null,
    observedGeneration: null,
    conditions: [],
    endpoint: undefined,
    agentId: undefined,
    publicUrl: null,
    publicUrlSource: null,
    publicUrlError: 'the ServiceOffer could not be read',
    tunnelUrl: null,
  };
}

/** The tunnel URL the cluster records, or null (absent, unreadable, or not a URL). */
export async function readTunnelUrl(client: KubeClient): Promise<string | null> {
  try {
    const cm = await client.getConfigMap(TUNNEL_CONFIGMAP.namespace, TUNNEL_CONFIGMAP.name);
    const value = cm.data?.[TUNNEL_CONFIGMAP.key]?.trim();
    return value ? value : null;
  } catch (error) {
    if (error instanceof KubeApiError) return null;
    throw error;
  }
}

/** Read the ServiceOffer and build its public URL. Kubernetes failures are recorded, never thrown. */
export async function readOffer(client: KubeClient, params: ReadOfferParameters): Promise<OfferArtifact> {
  let offer: ServiceOffer;
  try {
    offer = await client.getOffer(params.namespace, params.name);
  } catch (error) {
    if (error instanceof KubeApiError) return unread(client, params, error);
    throw error;
  }
  const spec = offer.spec ?? {};
  const status = offer.status ?? {};
  // The tunnel is only needed when no base URL was given.
  const tunnelUrl = params.baseUrl ? null : await readTunnelUrl(client);
  const built = buildPublicUrl({ endpoint: status.endpoint, path: params.path, baseUrl: params.baseUrl, tunnelUrl });
  return {
    name: params.name,
    namespace: params.namespace,
    cluster: { server: client.server, context: client.context },
    found: true,
    readError: null,
    type: spec.type,
    model: spec.model?.name,
    upstream: spec.upstream,
    payment: spec.payment,
    path: spec.path,
    registrationEnabled: spec.registration?.enabled,
    generation: int(offer.metadata?.generation),
    observedGeneration: int(status.observedGeneration),
    conditions: Array.isArray(status.conditions) ? status.conditions.map(condition) : [],
    endpoint: status.endpoint,
    agentId: status.agentId,
    publicUrl: built.url,
    publicUrlSource: built.source,
    publicUrlError: built.error,
    tunnelUrl,
  };
}

/** Puts the offer read before the run (ProbeOptions.offer) among the artifacts. */
export const offerGatherer = defineGatherer({
  meta: { artifact: 'offer', dependencies: [], offline: true },
  notRequested: (options) => (options.offer ? null : 'not a ServiceOffer probe (x402-probe offer)'),
  gather: async ({ options }) => structuredClone(options.offer!),
});
