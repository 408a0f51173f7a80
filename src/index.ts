export { run, type RunParameters, type RunResult } from './engine/run.js';
export type { ProbeOptions, ProgressEvent } from './engine/options.js';
export { NetworkPolicy, classifyAddress, type NetworkPolicyOptions, type TargetSource, type HostLookup, type AddressClassifier } from './gather/network.js';
export type { Report, CheckResult, Finding, RequirementSummary } from './report/types.js';
export type { Artifacts, ArtifactName } from './artifacts/index.js';
export type { Check, CheckMeta, CheckOutcome, CheckReturn, CheckStatus, Severity } from './checks/types.js';
export { decodeChallenge } from './protocol/decodeChallenge.js';
export { ProbeError, UsageError, ConfigError, InvalidAgentRefError } from './errors.js';
export { startSandbox } from './sandbox/startSandbox.js';
export type { Sandbox, SandboxAccount, SandboxAccounts, SandboxPermit2Seller, SandboxPermit2SellerName, SandboxSeller, SandboxSellerName, StartSandboxOptions } from './sandbox/types.js';
export { SandboxError } from './errors.js';
// obol-stack: ServiceOffer probe, client (client-node loads on first connectKube), pricing, manifests, preflight.
export { probeOffer, type ProbeOfferParameters, type ProbeOfferReturnType } from './engine/probeOffer.js';
export { connectKube, type ConnectKubeParameters } from './kube/connect.js';
export type { KubeClient, PatchKind } from './kube/client.js';
export type { ServiceOffer, ServiceOfferSpec, ServiceOfferStatus } from './kube/types.js';
export { KubeApiError } from './kube/errors.js';
export { KubeError } from './errors.js';
export { applyOffer, type ApplyOfferReturnType } from './kube/applyOffer.js';
export { waitForOffer, type WaitForOfferParameters, type WaitForOfferReturnType } from './obol/waitForOffer.js';
export { effectivePrice, atomicCharge, type EffectivePrice, type PriceModel } from './obol/pricing.js';
export { offerExpectations, type OfferExpectations } from './obol/expectations.js';
export { buildPublicUrl, type BuildPublicUrlParameters, type BuildPublicUrlReturnType } from './obol/publicUrl.js';
export { buildOfferManifest, manifestYaml, type SellInput, type SellInferenceInput, type SellHttpInput, type RegistrationMetadata } from './obol/manifest.js';
export { CONDITION_ORDER, type OfferConditionType } from './obol/conditions.js';
export { preflight, type PreflightParameters, type PreflightResult, type PreflightItem, type PreflightType } from './obol/preflight.js';
export type { OfferArtifact, OfferCondition, KubeErrorReason } from './artifacts/index.js';
// ERC-8004: agent refs, registry reads, registration files, enumeration, market research.
export { identityRegistryAbi, IDENTITY_REGISTRY_TESTNET, IDENTITY_REGISTRY_MAINNET, REGISTRATION_TYPE } from './registry/abi.js';
export { parseAgentRef, formatAgentRef, type AgentRef, type AgentLocator } from './registry/agentRef.js';
export { readAgent, type ReadAgentParameters, type ReadAgentReturnType } from './registry/readAgent.js';
export { fetchRegistrationFile, type FetchRegistrationFileParameters, type FetchRegistrationFileReturnType } from './registry/fetchRegistrationFile.js';
export { validateRegistrationFile, registrationFileSchema, type RegistrationValidation, type RegistrationFile } from './registry/validateRegistrationFile.js';
export { enumerateAgents, type EnumerateAgentsParameters, type EnumerateAgentsReturnType, type EnumeratedAgent } from './registry/enumerateAgents.js';
export { inspectAgent, type InspectAgentParameters, type AgentInspection } from './engine/inspectAgent.js';
export { scanMarket, type MarketParameters, type MarketResult, type MarketService } from './registry/market.js';
export type { PriceBand } from './registry/marketStats.js';
export type { RegistrySummary } from './registry/summarizeRegistry.js';
export type { RegistrationFetch, RegistryAgentArtifact } from './artifacts/index.js';

import { run } from './engine/run.js';
import type { ProbeOptions } from './engine/options.js';
import type { Report } from './report/types.js';

/** Probe one x402 endpoint as a buyer and return the report. */
export async function probe(options: ProbeOptions): Promise<Report> {
  return (await run(options)).report;
}
