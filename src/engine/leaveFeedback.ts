import type { LocalAccount } from 'viem';
import type { Artifacts } from '../artifacts/index.js';
import { resolveNetwork } from '../protocol/networks.js';
import { IDENTITY_REGISTRY_MAINNET, IDENTITY_REGISTRY_TESTNET } from '../registry/abi.js';
import { giveFeedback } from '../registry/publishTrust.js';
import { createRegistryClient } from '../registry/readAgent.js';
import { canonicalTrustRegistries } from '../registry/trustAbi.js';
import { dataUriOf, hashOf, validationScore, validationTag } from '../registry/validationDocument.js';
import type { Report } from '../report/types.js';
import { errorLine } from '../util/errorLine.js';
import { version } from '../version.js';

/** What `check --pay --feedback` did: the report's `feedback` field. */
export interface FeedbackOutcome {
  sent: boolean;
  /** Why no feedback was sent (nothing settled on chain, no agent, the registry refused). */
  reason: string | null;
  reputationRegistry: string | null;
  agentId: string | null;
  value: number | null;
  valueDecimals: 0;
  tag1: string;
  tag2: string;
  endpoint: string;
  feedbackURI: string | null;
  feedbackHash: string | null;
  /** The settlement the feedback is proof-tied to. */
  proofOfPayment: { fromAddress: string; toAddress: string; chainId: number; txHash: string } | null;
  transaction: { hash: string; blockNumber: string } | null;
}

export interface LeaveFeedbackParameters {
  report: Report;
  artifacts: Partial<Artifacts>;
  account: LocalAccount;
  rpcUrl: string;
  mainnet: boolean;
  timeoutMs: number;
}

/** The paid URL as it goes on chain for good: origin and path, never the userinfo or query the user typed (credentials, tokens). */
function publicEndpoint(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}

/**
 * Leave ERC-8004 Reputation feedback for the paid endpoint: value 100 for a passing probe, else
 * the share of error checks passed; tag1 `x402-probe/<version>`, tag2 the verdict; the feedback
 * file (a data: URI, keccak256 as feedbackHash) carries the settlement transaction as
 * proofOfPayment. Only a settlement confirmed on chain is proof. Never throws: a refusal is
 * recorded as the reason.
 */
export async function leaveFeedback(params: LeaveFeedbackParameters): Promise<FeedbackOutcome> {
  const { report, artifacts } = params;
  const agent = artifacts.registryAgent;
  const value = validationScore([report]);
  const out: FeedbackOutcome = {
    sent: false, reason: null, reputationRegistry: null, agentId: agent?.agentId ?? null, value, valueDecimals: 0,
    tag1: validationTag(version), tag2: report.verdict, endpoint: publicEndpoint(report.target), feedbackURI: null, feedbackHash: null, proofOfPayment: null, transaction: null,
  };
  const onChain = report.checks.find((c) => c.id === 'pay.settlement-onchain');
  const txHash = typeof report.payment?.transaction === 'string' ? report.payment.transaction : null;
  const chainId = agent?.chainId ?? null;
  if (!agent || agent.agentId === null || chainId === null || agent.owner === null) return { ...out, reason: 'no ERC-8004 agent was found to leave feedback for (see registry.agent-exists)' };
  if (!txHash || onChain?.status !== 'pass') return { ...out, reason: 'no settlement was confirmed on chain, so there is no proof of payment to tie feedback to' };
  if (agent.rpcChainId !== chainId) return { ...out, reason: `the agent is on chain ${chainId}, but --rpc reads chain ${agent.rpcChainId ?? 'unknown'}` };
  const network = resolveNetwork(`eip155:${chainId}`);
  if (!(network?.testnet ?? false) && !params.mainnet) return { ...out, reason: `feedback on chain ${chainId} (a mainnet) needs --mainnet` };
  // The canonical Reputation registry rates agents of the canonical Identity registry only: an
  // agentId of any other registry names a different agent there.
  const identity = network?.testnet ?? false ? IDENTITY_REGISTRY_TESTNET : IDENTITY_REGISTRY_MAINNET;
  if (agent.registry?.toLowerCase() !== identity.toLowerCase()) return { ...out, reason: `the agent is in registry ${agent.registry}, not the canonical Identity registry ${identity} the Reputation registry rates` };
  // The agent must claim the endpoint paid: otherwise a seller (its well-known file, with --agent
  // auto) picks whose reputation this payment moves.
  if (report.checks.find((c) => c.id === 'registry.endpoint-listed')?.status !== 'pass') return { ...out, reason: `agent ${agent.agentId} does not list the paid endpoint among its services (see registry.endpoint-listed)` };
  const registry = canonicalTrustRegistries(network?.testnet ?? false).reputation;
  const transfer = artifacts.settlement?.transfers.find((t) => t.from.toLowerCase() === params.account.address.toLowerCase()) ?? artifacts.settlement?.transfers[0];
  const proofOfPayment = { fromAddress: transfer?.from ?? params.account.address, toAddress: transfer?.to ?? String(report.requirements[0]?.payTo ?? ''), chainId, txHash };
  // The feedback file as the EIP lays it out, with the x402 settlement as proofOfPayment.
  const file = {
    agentRegistry: `eip155:${chainId}:${agent.registry}`,
    agentId: Number(agent.agentId),
    clientAddress: `eip155:${chainId}:${params.account.address}`,
    createdAt: report.startedAt,
    value,
    valueDecimals: 0,
    tag1: out.tag1,
    tag2: out.tag2,
    endpoint: out.endpoint,
    proofOfPayment,
  };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  Object.assign(out, { reputationRegistry: registry, feedbackURI: dataUriOf(text), feedbackHash: hashOf(text), proofOfPayment });
  try {
    const client = await createRegistryClient(params.rpcUrl, params.timeoutMs);
    const code = await client.getCode({ address: registry });
    if (!code || code === '0x') return { ...out, reason: `no Reputation registry at ${registry} on chain ${chainId}` };
    const sent = await giveFeedback({
      client, rpcUrl: params.rpcUrl, account: params.account, chainId, reputationRegistry: registry, agentId: BigInt(agent.agentId), value: BigInt(value), valueDecimals: 0,
      tag1: out.tag1, tag2: out.tag2, endpoint: out.endpoint, feedbackURI: out.feedbackURI!, feedbackHash: out.feedbackHash as `0x${string}`, timeoutMs: params.timeoutMs,
    });
    return { ...out, sent: true, transaction: { hash: sent.hash, blockNumber: sent.blockNumber } };
  } catch (error) {
    return { ...out, reason: `the Reputation registry refused the feedback: ${errorLine(error)}` };
  }
}
