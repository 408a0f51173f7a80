import type { Dispatcher } from 'undici';
import { registryChecks } from '../checks/registry/index.js';
import { runChecks } from './runChecks.js';
import type { Artifacts, RegistryAgentArtifact } from '../artifacts/index.js';
import { NetworkPolicy, type NetworkPolicyOptions } from '../gather/network.js';
import type { CheckResult } from '../report/types.js';
import { formatAgentRef, type AgentLocator } from '../registry/agentRef.js';
import { fetchRegistrationFile } from '../registry/fetchRegistrationFile.js';
import { createRegistryClient, readAgent } from '../registry/readAgent.js';
import { readTrust, type TrustReads } from '../registry/readTrust.js';
import { canonicalTrustRegistries } from '../registry/trustAbi.js';
import { verifyEvidence } from '../registry/verifyEvidence.js';
import { resolveNetwork } from '../protocol/networks.js';

/** NetworkPolicyOptions: the agentURI is data, fetched only at a public address unless `allowPrivate`. */
export interface InspectAgentParameters extends NetworkPolicyOptions {
  locator: AgentLocator;
  /** --agent as the user wrote it. */
  ref: string;
  source: RegistryAgentArtifact['source'];
  rpcUrl: string;
  ipfsGateway?: string;
  timeoutMs?: number;
  dispatcher?: Dispatcher;
}

/** `registry show`: the agent, its file, and the registry checks that need no 402. */
export interface AgentInspection {
  agent: string;
  verdict: 'pass' | 'fail';
  registryAgent: RegistryAgentArtifact;
  /** The registration document (decoded JSON), or null when none was read. */
  file: unknown;
  fileUri: string | null;
  checks: CheckResult[];
  summary: { pass: number; fail: number; warn: number; skip: number };
  /**
   * Validations (Validation registry, each with whether its evidence hashes to its responseHash)
   * and a reputation summary (Reputation registry). Null when the chain could not be read.
   */
  trust: TrustReads | null;
}

/** The registry checks that judge the agent and its file alone (no target URL, no challenge). */
const AGENT_ONLY_CHECKS = registryChecks.filter((c) => !c.meta.requires.some((r) => r === 'target' || r === 'challenge'));

export async function inspectAgent(params: InspectAgentParameters): Promise<AgentInspection> {
  const { locator } = params;
  const client = await createRegistryClient(params.rpcUrl, params.timeoutMs ?? 10_000);
  const trustRegistries = canonicalTrustRegistries(resolveNetwork(`eip155:${locator.chainId}`)?.testnet ?? false);
  const [reads, trustReads] = await Promise.all([
    readAgent({ rpcUrl: params.rpcUrl, registry: locator.registry, agentId: locator.agentId, timeoutMs: params.timeoutMs, client }),
    readTrust({ client, agentId: locator.agentId, validationRegistry: trustRegistries.validation, reputationRegistry: trustRegistries.reputation }),
  ]);
  const registryAgent: RegistryAgentArtifact = {
    ref: params.ref, source: params.source, autoEntry: null, autoError: null,
    chainId: locator.chainId, registry: locator.registry, agentId: locator.agentId.toString(), ...reads,
  };
  const artifacts: Partial<Artifacts> = { registryAgent };
  const notGathered: Partial<Record<keyof Artifacts, string>> = {};
  const network = new NetworkPolicy({ allowPrivate: params.allowPrivate, lookup: params.lookup, classifyAddress: params.classifyAddress, connectTimeoutMs: params.timeoutMs });
  try {
    // A responseURI is anyone's to write, like an agentURI: data, fetched under the same policy.
    const evidence = verifyEvidence(trustReads.validations, { network, dispatcher: params.dispatcher, ipfsGateway: params.ipfsGateway, timeoutMs: params.timeoutMs });
    if (typeof reads.tokenURI === 'string') {
      artifacts.registryFile = await fetchRegistrationFile({ uri: reads.tokenURI, ipfsGateway: params.ipfsGateway, timeoutMs: params.timeoutMs, dispatcher: params.dispatcher, source: 'data', network });
    } else {
      notGathered.registryFile = 'the registry gave no agentURI';
    }
    await evidence;
  } finally {
    await network.close();
  }
  const checks = runChecks(AGENT_ONLY_CHECKS, artifacts, notGathered);
  const summary = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const c of checks) summary[c.status] += 1;
  const json = artifacts.registryFile?.json;
  return {
    agent: formatAgentRef(locator),
    verdict: summary.fail > 0 ? 'fail' : 'pass',
    registryAgent,
    file: json?.ok ? json.value : null,
    fileUri: reads.tokenURI,
    checks,
    summary,
    trust: reads.rpcError ? null : trustReads,
  };
}
