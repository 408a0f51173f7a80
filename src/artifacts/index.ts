/**
 * Artifacts: what the gatherers recorded, as plain JSON-serialisable facts (bigints as decimal
 * strings, times as numbers). They are the contract between gather/, which writes them, and
 * protocol/, checks/, report/ and the engine, which read them: no verdicts live here, and this
 * module imports nothing but itself. A run's artifacts can be saved and re-judged offline.
 */
import type { HttpExchange } from './http.js';
import type { ChallengeArtifact, ExtensionValidationArtifact } from './challenge.js';
import type { DeadlineArtifact, TargetArtifact } from './run.js';
import type { FacilitatorSupported, GarbageArtifact, PaymentAttempt, PaymentSession, SettlementReceipt, TokenInfo } from './payment.js';
import type { RegistrationFetch, RegistryAgentArtifact } from './registry.js';
import type { OfferArtifact } from './offer.js';
import type { DiscoveryArtifact } from './discovery.js';
import type { FollowUpSession } from './followUp.js';

export type { HttpError, HttpErrorCode, HttpExchange, RedirectHop, SentRequest } from './http.js';
export type { CarrierDecode, ChallengeArtifact, DecodeStage, ExtensionValidation, ExtensionValidationArtifact, NonStandardSignal, RequirementView } from './challenge.js';
export type { DeadlineArtifact, TargetArtifact } from './run.js';
export type { AuthorizationUsedLog, BalanceReading, DecimalsSource, FacilitatorSupported, GarbageArtifact, GarbageAttempt, GarbageEncoding, PaymentAttempt, PaymentPlan, PaymentSession, Permit2Approval, Permit2Plan, SettlementReceipt, TokenInfo, TransferLog } from './payment.js';
export type { RegistrationFetch, RegistrationFetchErrorCode, RegistryAgentArtifact } from './registry.js';
export type { DiscoveryArtifact, DiscoveryDocumentFetch, DiscoveryDocumentKind, ListedResourceProbe } from './discovery.js';
export type { FollowUpAttempt, FollowUpSession } from './followUp.js';
export type { KubeErrorReason, OfferArtifact, OfferCondition } from './offer.js';

/** Every artifact a run can produce. Absent means its gatherer did not run. */
export interface Artifacts {
  target: TargetArtifact;
  unpaid: HttpExchange;
  challenge: ChallengeArtifact;
  /** The 402's bazaar and payment-identifier declarations, as @x402/extensions validated them (only when it declares one). */
  extensionValidation: ExtensionValidationArtifact;
  tokenInfo: TokenInfo;
  /** The facilitator's /supported, when the probe knows the facilitator's URL (--facilitator, or the challenge names it). */
  facilitatorSupported: FacilitatorSupported;
  forged: PaymentAttempt;
  malformed: PaymentAttempt;
  /** Malformed payment headers of several encodings (bad base64, not JSON, wrong shape, oversized, other version). */
  garbage: GarbageArtifact;
  /** --pay: the paid probe (plan, attack payments, paid request, replay, balances). */
  payment: PaymentSession;
  /** --pay with --rpc: the settlement transaction's receipt. */
  settlement: SettlementReceipt;
  /** --pay: the follow-ups after the paid request (payment-identifier retries, --pay-failure), within --max-total. */
  followUp: FollowUpSession;
  /** --agent: the probed origin's /.well-known/agent-registration.json (ERC-8004 domain verification, `auto`). */
  registryWellKnown: RegistrationFetch;
  /** --agent: the agent and the registry's answers about it. */
  registryAgent: RegistryAgentArtifact;
  /** --agent: the registration file the agentURI points to. */
  registryFile: RegistrationFetch;
  /** The origin's discovery documents (OpenAPI x-payment-info, /.well-known/x402) and the resources they list (`--no-discovery` skips). */
  discovery: DiscoveryArtifact;
  /** `offer`: the ServiceOffer read from the cluster, and the public URL built from it. */
  offer: OfferArtifact;
  /** The run deadline and what it cut (always recorded by the engine). */
  deadline: DeadlineArtifact;
}

export type ArtifactName = keyof Artifacts;
