/**
 * What this machine could sell, each with its kind and facts: local Ollama models, models of the
 * OpenAI-compatible servers the user names (`--endpoint`), and in-cluster Services outside the
 * system namespaces. Model candidates carry their parameter size where it can be known.
 */
import type { KubeClient } from '../kube/client.js';
import type { KubeService } from '../kube/types.js';
import { errorLine } from '../util/errorLine.js';
import { modelParameterSize, type ParameterSize, type SizeClassId, sizeClassOf } from './modelSize.js';
import type { CostFloor } from './costFloor.js';
import type { Measurement } from './measurement.js';
import type { OllamaModel } from './ollama.js';

export type SellCandidateKind = 'ollama-model' | 'endpoint-model' | 'cluster-service';

export interface SellCandidate {
  kind: SellCandidateKind;
  /** The model id, or the Service's name. */
  name: string;
  /** Where it runs: Ollama's URL, the endpoint's API base (…/v1), or `<namespace>/<service>`. */
  source: string;
  /** Parameters, for models: from Ollama's details or the name; null when neither tells. */
  parameterSize: ParameterSize | null;
  sizeClass: SizeClassId | null;
  /** For a cluster Service: its namespace and ports. */
  namespace?: string;
  ports?: number[];
  /** With --measure: the measured run (or the finding that stopped it) and the cost floor. */
  measurement?: Measurement;
  floor?: CostFloor | null;
}

/**
 * Namespaces whose Services are the platform, not something to sell: Kubernetes' own and
 * obol-stack's infrastructure (the x402 verifier, Traefik and the tunnel, the frontend).
 * `llm` stays: its LiteLLM is how a LAN endpoint is sold.
 */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'x402', 'traefik', 'obol-frontend', 'cert-manager']);

function sized(size: ParameterSize | null): Pick<SellCandidate, 'parameterSize' | 'sizeClass'> {
  return { parameterSize: size, sizeClass: size ? sizeClassOf(size.billions).id : null };
}

export function ollamaCandidates(url: string, models: readonly OllamaModel[]): SellCandidate[] {
  return models.map((m) => ({ kind: 'ollama-model', name: m.name, source: url, ...sized(modelParameterSize(m.name, m.parameterSize)) }));
}

export function endpointCandidates(base: string, models: readonly string[]): SellCandidate[] {
  return models.map((id) => ({ kind: 'endpoint-model', name: id, source: base, ...sized(modelParameterSize(id)) }));
}

/** The Services worth offering: outside the system namespaces, with a port, not the API server itself. */
export function serviceCandidates(services: readonly KubeService[]): SellCandidate[] {
  const out: SellCandidate[] = [];
  for (const svc of services) {
    const namespace = svc.metadata?.namespace ?? 'default';
    const name = svc.metadata?.name;
    if (typeof name !== 'string' || SYSTEM_NAMESPACES.has(namespace) || (namespace === 'default' && name === 'kubernetes')) continue;
    const ports = (svc.spec?.ports ?? []).map((p) => p?.port).filter((p): p is number => Number.isInteger(p) && p! > 0 && p! <= 65535);
    if (ports.length === 0) continue;
    out.push({ kind: 'cluster-service', name, source: `${namespace}/${name}`, parameterSize: null, sizeClass: null, namespace, ports });
  }
  return out.sort((a, b) => a.source.localeCompare(b.source));
}

export async function clusterServiceCandidates(client: KubeClient): Promise<{ candidates: SellCandidate[] } | { error: string }> {
  try {
    return { candidates: serviceCandidates(await client.listServices()) };
  } catch (error) {
    return { error: `could not list the cluster's Services: ${errorLine(error)}` };
  }
}
