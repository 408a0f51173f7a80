/** Hand-made `offer` artifacts for the offer.* check tests. */
import type { OfferArtifact, OfferCondition } from '../../src/artifacts/index.js';
import { CONDITION_ORDER } from '../../src/obol/conditions.js';

export const OFFER_PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const GOOD_REASONS: Record<string, string> = {
  ModelReady: 'Available',
  UpstreamHealthy: 'Healthy',
  PaymentGateReady: 'Created',
  RoutePublished: 'Created',
  Registered: 'Disabled',
  Ready: 'Reconciled',
};

export function condition(type: string, status = 'True', reason: string | null = GOOD_REASONS[type] ?? null, message: string | null = ''): OfferCondition {
  return { type, status, reason, message, lastTransitionTime: '2026-01-01T00:00:00Z' };
}

/** All six True, in order. */
export function readyConditions(): OfferCondition[] {
  return CONDITION_ORDER.map((type) => condition(type));
}

/** The six with `type` replaced (others True). */
export function withCondition(replacement: OfferCondition): OfferCondition[] {
  return readyConditions().map((c) => (c.type === replacement.type ? replacement : c));
}

export function offerArtifact(overrides: Partial<OfferArtifact> = {}): OfferArtifact {
  return {
    name: 'qwen',
    namespace: 'llm',
    cluster: { server: 'https://127.0.0.1:6443', context: 'obol' },
    found: true,
    readError: null,
    type: 'inference',
    model: 'qwen3:0.6b',
    upstream: { service: 'ollama', namespace: 'llm', port: 11434, healthPath: '/health' },
    payment: { scheme: 'exact', network: 'base-sepolia', payTo: OFFER_PAY_TO, price: { perMTok: '0.5' } },
    path: '/services/qwen',
    registrationEnabled: false,
    generation: 1,
    observedGeneration: 1,
    conditions: readyConditions(),
    endpoint: '/services/qwen',
    agentId: null,
    publicUrl: 'https://t.trycloudflare.com/services/qwen/health',
    publicUrlSource: 'tunnel',
    publicUrlError: null,
    tunnelUrl: 'https://t.trycloudflare.com',
    ...overrides,
  };
}

/** An offer the API server did not return. */
export function missingOffer(reason: NonNullable<OfferArtifact['readError']>['reason'], message: string, status: number | null = 404): OfferArtifact {
  return offerArtifact({
    found: false,
    readError: { reason, status, message },
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
    publicUrl: null,
    publicUrlSource: null,
    publicUrlError: null,
  });
}
