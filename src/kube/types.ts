/** The ServiceOffer custom resource (reference/obol-serviceoffer.md §1), loosely typed: a cluster may hold anything. */

export const OFFER_GROUP = 'obol.org';
export const OFFER_VERSION = 'v1alpha1';
export const OFFER_PLURAL = 'serviceoffers';
export const OFFER_KIND = 'ServiceOffer';
export const OFFER_API_VERSION = `${OFFER_GROUP}/${OFFER_VERSION}`;
/** The CRD's name, as `kubectl get crd` shows it. */
export const OFFER_CRD_NAME = `${OFFER_PLURAL}.${OFFER_GROUP}`;

/** Where obol-stack records the public tunnel URL (§5.3, §6.2). */
export const TUNNEL_CONFIGMAP = { namespace: 'obol-frontend', name: 'obol-stack-config', key: 'tunnelURL' } as const;

/** The label obol puts on the wallet-metadata ConfigMap of each agent's remote-signer. */
export const WALLET_METADATA = { name: 'wallet-metadata', labelSelector: 'app.kubernetes.io/component=remote-signer', key: 'addresses.json' } as const;

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  resourceVersion?: string;
  generation?: number;
  uid?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

export interface ServiceOfferPrice {
  perRequest?: string;
  perMTok?: string;
  perHour?: string;
  perEpoch?: string;
  [field: string]: unknown;
}

export interface ServiceOfferPayment {
  scheme?: string;
  network?: string;
  payTo?: string;
  maxTimeoutSeconds?: number;
  price?: ServiceOfferPrice;
  asset?: { address?: string; symbol?: string; decimals?: number; [field: string]: unknown };
  [field: string]: unknown;
}

export interface ServiceOfferSpec {
  type?: string;
  model?: { name?: string; runtime?: string };
  upstream?: { service?: string; namespace?: string; port?: number; healthPath?: string };
  payment?: ServiceOfferPayment;
  path?: string;
  registration?: { enabled?: boolean; name?: string; [field: string]: unknown };
  [field: string]: unknown;
}

export interface ServiceOfferCondition {
  type?: unknown;
  status?: unknown;
  reason?: unknown;
  message?: unknown;
  lastTransitionTime?: unknown;
}

export interface ServiceOfferStatus {
  conditions?: ServiceOfferCondition[];
  endpoint?: unknown;
  agentId?: unknown;
  observedGeneration?: unknown;
  [field: string]: unknown;
}

export interface ServiceOffer {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: ServiceOfferSpec;
  status?: ServiceOfferStatus;
}

export interface ConfigMap {
  metadata: ObjectMeta;
  data?: Record<string, string>;
}

/** A core/v1 Service, as far as a seller needs it: where it is and which ports it serves. */
export interface KubeService {
  metadata: ObjectMeta;
  spec?: {
    type?: string;
    clusterIP?: string;
    ports?: Array<{ name?: string; port?: number; protocol?: string }>;
  };
}
