import type { KubeClient } from './client.js';
import { KubeApiError } from './errors.js';
import type { ServiceOffer } from './types.js';

export interface ApplyOfferReturnType {
  offer: ServiceOffer;
  action: 'created' | 'updated';
  /** Writes that lost a race (409) and were retried on a fresh read. */
  conflicts: number;
}

/** Put the desired spec on the live object: its own metadata (resourceVersion) and status are kept. */
function onto(live: ServiceOffer, desired: ServiceOffer): ServiceOffer {
  return {
    ...live,
    apiVersion: desired.apiVersion,
    kind: desired.kind,
    metadata: {
      ...live.metadata,
      labels: { ...live.metadata.labels, ...desired.metadata.labels },
      annotations: { ...live.metadata.annotations, ...desired.metadata.annotations },
    },
    spec: desired.spec,
  };
}

/**
 * Create the offer, or update the one that exists: read it, replace it with the read
 * resourceVersion, and when someone else wrote in between (409), read again and retry once.
 */
export async function applyOffer(client: KubeClient, desired: ServiceOffer): Promise<ApplyOfferReturnType> {
  const namespace = desired.metadata.namespace ?? 'default';
  const name = desired.metadata.name ?? '';
  let conflicts = 0;
  const read = async (): Promise<ServiceOffer | null> => {
    try {
      return await client.getOffer(namespace, name);
    } catch (error) {
      if (error instanceof KubeApiError && error.reason === 'not-found') return null;
      throw error;
    }
  };
  let live = await read();
  if (!live) {
    try {
      return { offer: await client.createOffer(desired), action: 'created', conflicts };
    } catch (error) {
      // Created by someone else since our read: fall through to an update.
      if (!(error instanceof KubeApiError && error.reason === 'already-exists')) throw error;
      conflicts += 1;
      live = await read();
      if (!live) throw error;
    }
  }
  for (;;) {
    try {
      return { offer: await client.replaceOffer(onto(live, desired)), action: 'updated', conflicts };
    } catch (error) {
      if (!(error instanceof KubeApiError && error.reason === 'conflict') || conflicts >= 1) throw error;
      conflicts += 1;
      live = await read();
      if (!live) return { offer: await client.createOffer(desired), action: 'created', conflicts };
    }
  }
}
