import type { Dispatcher } from 'undici';
import { registryChecks } from '../checks/registry/index.js';
import { runChecks } from './runChecks.js';
import type { Artifacts, RegistryAgentArtifact } from '../artifacts/index.js';
import { NetworkPolicy, type NetworkPolicyOptions } from '../gather/network.js';
import type { CheckResult } from '../report/types.js';
import { formatAgentRef, type AgentLocator } from '../registry/agentRef.js';
import { fetchRegistrationFile } from '../registry/fetchRegistrationFile.js';
import { readAgent } from '../registry/readAgent.js';

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
}

/** The registry checks that judge the agent and its file alone (no target URL, no challenge). */
const AGENT_ONLY_CHECKS = registryChecks.filter((c) => !c.meta.requires.some((r) => r === 'target' || r === 'challenge'));

export async function inspectAgent(params: InspectAgentParameters): Promise<AgentInspection> {
  const { locator } = params;
  const reads = await readAgent({ rpcUrl: params.rpcUrl, registry: locator.registry, agentId: locator.agentId, timeoutMs: params.timeoutMs });
  const registryAgent: RegistryAgentArtifact = {
    ref: params.ref, source: params.source, autoEntry: null, autoError: null,
    chainId: locator.chainId, registry: locator.registry, agentId: locator.agentId.toString(), ...reads,
  };
  const artifacts: Partial<Artifacts> = { registryAgent };
  const notGathered: Partial<Record<keyof Artifacts, string>> = {};
  if (typeof reads.tokenURI === 'string') {
    const network = new NetworkPolicy({ allowPrivate: params.allowPrivate, lookup: params.lookup, classifyAddress: params.classifyAddress, connectTimeoutMs: params.timeoutMs });
    try {
      artifacts.registryFile = await fetchRegistrationFile({ uri: reads.tokenURI, ipfsGateway: params.ipfsGateway, timeoutMs: params.timeoutMs, dispatcher: params.dispatcher, source: 'data', network });
    } finally {
      await network.close();
    }
  } else {
    notGathered.registryFile = 'the registry gave no agentURI';
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
  };
}
