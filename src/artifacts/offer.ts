/** obol-stack: the ServiceOffer read from the cluster and the public URL built from it. */

/** Why the ServiceOffer could not be read (kube/ maps API answers to these). */
export type KubeErrorReason =
  | 'not-found'
  | 'missing-crd'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'already-exists'
  | 'invalid'
  | 'unreachable'
  | 'server'
  | 'other';

/** One status condition of a ServiceOffer, as recorded (non-string values become null). */
export interface OfferCondition {
  /** `ModelReady`, `UpstreamHealthy`, `PaymentGateReady`, `RoutePublished`, `Registered`, `Ready`, or another. */
  type: string;
  /** `True`, `False`, `Unknown` (or whatever the controller wrote). */
  status: string;
  reason: string | null;
  message: string | null;
  lastTransitionTime: string | null;
}

/**
 * The ServiceOffer (obol.org/v1alpha1) as read from the cluster before the probe, with the
 * public URL the probe used. Spec and status fields keep their JSON values, types not trusted.
 */
export interface OfferArtifact {
  name: string;
  namespace: string;
  /** The API server and kubeconfig context the offer was read through. */
  cluster: { server: string; context: string } | null;
  /** True when the API server returned the object. */
  found: boolean;
  /** Why it could not be read, when it could not (one line, no credentials). */
  readError: { reason: KubeErrorReason; status: number | null; message: string } | null;
  /** `spec.type` (`inference`, `http`, ...). */
  type: unknown;
  /** `spec.model.name`. */
  model: unknown;
  /** `spec.upstream` as read: service, namespace, port, healthPath. */
  upstream: unknown;
  /** `spec.payment` as read: scheme, network, payTo, price {perRequest|perMTok|perHour}, asset, maxTimeoutSeconds. */
  payment: unknown;
  /** `spec.path`. */
  path: unknown;
  /** `spec.registration.enabled`. */
  registrationEnabled: unknown;
  /** `metadata.generation`, and `status.observedGeneration` (the spec the status describes). */
  generation: number | null;
  observedGeneration: number | null;
  /** `status.conditions`, in the order recorded. */
  conditions: OfferCondition[];
  /** `status.endpoint`: a path such as `/services/<name>` (not a URL, despite the CRD's description). */
  endpoint: unknown;
  /** `status.agentId`: the ERC-8004 agent id, for the registry cross-check. */
  agentId: unknown;
  /** The URL probed: base + endpoint + subpath, or null when none could be built. */
  publicUrl: string | null;
  /** Where the base came from: --base-url, the cluster's tunnel ConfigMap, or the local gateway. */
  publicUrlSource: 'base-url' | 'tunnel' | 'local-gateway' | null;
  /** Why no public URL could be built (no or an unsafe status.endpoint). */
  publicUrlError: string | null;
  /** `tunnelURL` of ConfigMap obol-frontend/obol-stack-config, when read and set. */
  tunnelUrl: string | null;
}
