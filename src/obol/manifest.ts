/**
 * The ServiceOffer `obol sell inference|http` writes (reference §1.1, §2.2, §2.3; cmd/obol/sell.go
 * buildInferenceServiceOfferSpec and the sell http action), built from validated inputs.
 */
import { stringify } from 'yaml';
import { OFFER_API_VERSION, OFFER_KIND, type ServiceOffer, type ServiceOfferSpec } from '../kube/types.js';
import type { PriceModel } from './pricing.js';

interface SellCommon {
  name: string;
  namespace: string;
  /** Decimal in the token's units, e.g. "0.001". */
  price: string;
  priceModel: PriceModel;
  payTo: string;
  /** obol's chain name, e.g. base-sepolia (the gate resolves it to CAIP-2). */
  network: string;
  /** URL path prefix (default /services/<name>). */
  path?: string;
  healthPath: string;
  /** ERC-8004 registration (obol's default: on). */
  register: boolean;
  /** What the --register-* flags set; only with registration on. */
  registration?: RegistrationMetadata;
}

/** The agent's registration file fields `obol sell --register-*` writes under spec.registration (§1.1). */
export interface RegistrationMetadata {
  /** Agent name (default: the offer name). */
  name?: string;
  description?: string;
  /** Icon URL (obol's default: <base>/agent-icon.png, filled in by the controller). */
  image?: string;
  /** OASF skill slugs, in the order given. */
  skills?: string[];
  /** OASF domain slugs, in the order given. */
  domains?: string[];
  /** Free key/value pairs. */
  metadata?: Record<string, string>;
}

export interface SellInferenceInput extends SellCommon {
  kind: 'inference';
  model: string;
  upstreamService: string;
  upstreamPort: number;
}

export interface SellHttpInput extends SellCommon {
  kind: 'http';
  upstreamService: string;
  upstreamPort: number;
  /** Payment validity window (obol's --max-timeout, default 300). */
  maxTimeoutSeconds: number;
}

export type SellInput = SellInferenceInput | SellHttpInput;

export function buildOfferManifest(input: SellInput): ServiceOffer {
  const path = input.path ?? `/services/${input.name}`;
  const upstream = { service: input.upstreamService, namespace: input.namespace, port: input.upstreamPort, healthPath: input.healthPath };
  const payment: NonNullable<ServiceOfferSpec['payment']> = { scheme: 'exact', network: input.network, payTo: input.payTo };
  if (input.kind === 'http') payment.maxTimeoutSeconds = input.maxTimeoutSeconds;
  payment.price = { [input.priceModel]: input.price };
  const spec: ServiceOfferSpec =
    input.kind === 'inference'
      ? { type: 'inference', model: { name: input.model, runtime: 'ollama' }, upstream, payment, path }
      : { type: 'http', upstream, payment, path };
  if (input.register) spec.registration = registrationSpec(input.name, input.registration ?? {});
  return { apiVersion: OFFER_API_VERSION, kind: OFFER_KIND, metadata: { name: input.name, namespace: input.namespace }, spec };
}

/** obol's spec.registration: only the fields given, in the order the CLI sets them (sell.go, sell http). */
function registrationSpec(offerName: string, r: RegistrationMetadata): NonNullable<ServiceOfferSpec['registration']> {
  const out: NonNullable<ServiceOfferSpec['registration']> = { enabled: true, name: r.name ?? offerName };
  if (r.description) out.description = r.description;
  if (r.image) out.image = r.image;
  if (r.skills?.length) out.skills = r.skills;
  if (r.domains?.length) out.domains = r.domains;
  if (r.metadata && Object.keys(r.metadata).length > 0) out.metadata = r.metadata;
  return out;
}

/** The manifest as `kubectl apply -f` takes it. */
export function manifestYaml(offer: ServiceOffer): string {
  return stringify(offer, { lineWidth: 0 });
}
