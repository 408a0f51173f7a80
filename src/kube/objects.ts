/**
 * Creating or updating any object (Deployments, Jobs, ServiceMonitors...) through
 * @kubernetes/client-node's generic KubernetesObjectApi, with a deadline on every call.
 */
import { KubernetesObjectApi } from '@kubernetes/client-node';
import { KubeApiError, toKubeError } from './errors.js';
import type { ResolvedKubeConfig } from './kubeconfig.js';
import type { KubeObject } from './manifests.js';

export interface ObjectClient {
  readonly server: string;
  /** Whether the API server serves `plural` in `groupVersion` (`monitoring.coreos.com/v1`, `servicemonitors`). */
  resourceServed(groupVersion: string, plural: string): Promise<boolean>;
  /** Create the object, or replace the live one (keeping its resourceVersion). */
  apply(object: KubeObject): Promise<'created' | 'updated'>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The generic API takes no per-call signal: stop waiting at the deadline instead. */
function withDeadline<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { name: 'AbortError' })), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export function createObjectClient(resolved: ResolvedKubeConfig, params: { timeoutMs?: number } = {}): ObjectClient {
  const { kc, server } = resolved;
  const timeoutMs = params.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const api = KubernetesObjectApi.makeApiClient(kc);
  const discovery = api as unknown as { resource(apiVersion: string, kind: string): Promise<unknown>; apiVersionResourceCache: Record<string, { resources?: { name: string }[] } | undefined> };
  const what = (o: KubeObject) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
  return {
    server,
    async resourceServed(groupVersion, plural) {
      try {
        // resource() reads (and caches) the group version's discovery list: look the plural up in it.
        await withDeadline(timeoutMs, discovery.resource(groupVersion, '-'));
        return (discovery.apiVersionResourceCache[groupVersion]?.resources ?? []).some((r) => r.name === plural);
      } catch (error) {
        const mapped = toKubeError(error, { verb: 'discover', what: groupVersion, server });
        if (mapped.reason === 'missing-crd' || mapped.reason === 'not-found') return false;
        throw mapped;
      }
    },
    async apply(object) {
      const [group] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : [''];
      const plural = `${object.kind.toLowerCase()}s`;
      if (!(await this.resourceServed(object.apiVersion, plural))) {
        throw new KubeApiError('missing-crd', 404, `the cluster at ${server} does not serve ${object.kind} (${object.apiVersion})${group ? '; install what provides it or leave it out' : ''}`);
      }
      const spec = structuredClone(object);
      let live: KubeObject | null = null;
      try {
        live = (await withDeadline(timeoutMs, api.read({ apiVersion: spec.apiVersion, kind: spec.kind, metadata: { name: spec.metadata.name, namespace: spec.metadata.namespace } }))) as unknown as KubeObject;
      } catch (error) {
        const mapped = toKubeError(error, { verb: 'get', what: what(object), server });
        if (mapped.reason !== 'not-found') throw mapped;
      }
      try {
        if (!live) {
          await withDeadline(timeoutMs, api.create(spec as never));
          return 'created';
        }
        const resourceVersion = (live.metadata as { resourceVersion?: string }).resourceVersion;
        await withDeadline(timeoutMs, api.replace({ ...spec, metadata: { ...spec.metadata, resourceVersion } } as never));
        return 'updated';
      } catch (error) {
        throw toKubeError(error, { verb: live ? 'update' : 'create', what: what(object), server });
      }
    },
  };
}
