/**
 * The few Kubernetes calls x402-probe makes, on @kubernetes/client-node 1.x (2.x crashes on
 * Node 20). Every call has a deadline; every failure becomes a KubeApiError with one line.
 */
import {
  type ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  Observable,
  PatchStrategy,
  type RequestContext,
  type ResponseContext,
  VersionApi,
} from '@kubernetes/client-node';
import { type KubeCallContext, toKubeError } from './errors.js';
import type { ResolvedKubeConfig } from './kubeconfig.js';
import { type ConfigMap, type KubeService, OFFER_GROUP, OFFER_KIND, OFFER_PLURAL, OFFER_VERSION, type ServiceOffer } from './types.js';

const DEFAULT_KUBE_TIMEOUT_MS = 10_000;

/** `merge`: application/merge-patch+json (a partial status); `json`: application/json-patch+json (ops). */
export type PatchKind = 'merge' | 'json';

export interface KubeClient {
  readonly server: string;
  readonly context: string;
  /** GET /version: proves the API server answers. */
  version(): Promise<{ gitVersion: string }>;
  /** Whether the API server serves serviceoffers in obol.org/v1alpha1 (discovery, allowed to every user). */
  offerCrdServed(): Promise<boolean>;
  getOffer(namespace: string, name: string): Promise<ServiceOffer>;
  listOffers(namespace: string): Promise<ServiceOffer[]>;
  createOffer(offer: ServiceOffer): Promise<ServiceOffer>;
  /** PUT: the body must carry metadata.resourceVersion; a stale one is a 409 conflict. */
  replaceOffer(offer: ServiceOffer): Promise<ServiceOffer>;
  patchOfferStatus(namespace: string, name: string, patch: unknown, kind?: PatchKind): Promise<ServiceOffer>;
  deleteOffer(namespace: string, name: string): Promise<void>;
  getConfigMap(namespace: string, name: string): Promise<ConfigMap>;
  /** ConfigMaps across all namespaces matching a label selector. */
  listConfigMaps(labelSelector: string): Promise<ConfigMap[]>;
  /** Services across all namespaces (what could be sold over HTTP). */
  listServices(): Promise<KubeService[]>;
}

export interface CreateKubeClientParameters {
  /** Per-call deadline in ms (default 10 000). */
  timeoutMs?: number;
}

function deadline(ms: number, extra: Record<string, string> = {}): ConfigurationOptions {
  return {
    middleware: [
      {
        pre: (request: RequestContext) => {
          request.setSignal(AbortSignal.timeout(ms));
          for (const [k, v] of Object.entries(extra)) request.setHeaderParam(k, v);
          return new Observable(Promise.resolve(request));
        },
        post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}

/** A client for the resolved context. Loads nothing over the network until a method is called. */
export function createKubeClient(resolved: ResolvedKubeConfig, params: CreateKubeClientParameters = {}): KubeClient {
  const { kc, server, context } = resolved;
  const timeoutMs = params.timeoutMs ?? DEFAULT_KUBE_TIMEOUT_MS;
  const custom = kc.makeApiClient(CustomObjectsApi);
  const core = kc.makeApiClient(CoreV1Api);
  const versionApi = kc.makeApiClient(VersionApi);
  const base = { group: OFFER_GROUP, version: OFFER_VERSION, plural: OFFER_PLURAL };
  const offerWhat = (namespace: string, name: string) => `${OFFER_KIND} ${namespace}/${name}`;

  async function call<T>(ctx: Omit<KubeCallContext, 'server'>, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toKubeError(error, { ...ctx, server });
    }
  }

  return {
    server,
    context,
    version: () => call({ verb: 'get', what: 'the API server version' }, async () => ({ gitVersion: String((await versionApi.getCode(deadline(timeoutMs))).gitVersion) })),
    async offerCrdServed() {
      try {
        const list = await custom.getAPIResources({ group: OFFER_GROUP, version: OFFER_VERSION }, deadline(timeoutMs));
        return (list.resources ?? []).some((r) => r.name === OFFER_PLURAL);
      } catch (error) {
        const mapped = toKubeError(error, { verb: 'discover', what: `${OFFER_GROUP}/${OFFER_VERSION}`, server });
        if (mapped.reason === 'missing-crd' || mapped.reason === 'not-found') return false;
        throw mapped;
      }
    },
    getOffer: (namespace, name) =>
      call({ verb: 'get', what: offerWhat(namespace, name) }, () => custom.getNamespacedCustomObject({ ...base, namespace, name }, deadline(timeoutMs)) as Promise<ServiceOffer>),
    listOffers: (namespace) =>
      call({ verb: 'list', what: `${OFFER_KIND}s in ${namespace}` }, async () => ((await custom.listNamespacedCustomObject({ ...base, namespace }, deadline(timeoutMs))) as { items?: ServiceOffer[] }).items ?? []),
    createOffer: (offer) =>
      call({ verb: 'create', what: offerWhat(offer.metadata.namespace ?? '', offer.metadata.name ?? '') }, () =>
        custom.createNamespacedCustomObject({ ...base, namespace: offer.metadata.namespace ?? '', body: offer }, deadline(timeoutMs)) as Promise<ServiceOffer>,
      ),
    replaceOffer: (offer) =>
      call({ verb: 'update', what: offerWhat(offer.metadata.namespace ?? '', offer.metadata.name ?? '') }, () =>
        custom.replaceNamespacedCustomObject({ ...base, namespace: offer.metadata.namespace ?? '', name: offer.metadata.name ?? '', body: offer }, deadline(timeoutMs)) as Promise<ServiceOffer>,
      ),
    patchOfferStatus: (namespace, name, patch, kind = 'merge') =>
      call({ verb: 'patch', what: `the status of ${offerWhat(namespace, name)}` }, () =>
        custom.patchNamespacedCustomObjectStatus(
          { ...base, namespace, name, body: patch as object },
          deadline(timeoutMs, { 'Content-Type': kind === 'merge' ? PatchStrategy.MergePatch : PatchStrategy.JsonPatch }),
        ) as Promise<ServiceOffer>,
      ),
    deleteOffer: (namespace, name) =>
      call({ verb: 'delete', what: offerWhat(namespace, name) }, async () => {
        await custom.deleteNamespacedCustomObject({ ...base, namespace, name }, deadline(timeoutMs));
      }),
    getConfigMap: (namespace, name) =>
      call({ verb: 'get', what: `ConfigMap ${namespace}/${name}` }, () => core.readNamespacedConfigMap({ namespace, name }, deadline(timeoutMs)) as Promise<ConfigMap>),
    listConfigMaps: (labelSelector) =>
      call({ verb: 'list', what: `ConfigMaps (${labelSelector})` }, async () => (await core.listConfigMapForAllNamespaces({ labelSelector }, deadline(timeoutMs))).items as ConfigMap[]),
    listServices: () => call({ verb: 'list', what: 'Services' }, async () => (await core.listServiceForAllNamespaces({}, deadline(timeoutMs))).items as KubeService[]),
  };
}
