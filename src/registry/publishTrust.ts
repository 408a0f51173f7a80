import type { LocalAccount, PublicClient } from 'viem';
import { ConfigError } from '../errors.js';
import { errorLine } from '../util/errorLine.js';
import { identityRegistryAbi } from './abi.js';
import { reputationRegistryAbi, validationRegistryAbi } from './trustAbi.js';
import type { ValidationResponseFields } from './validationDocument.js';

export interface SentTransaction {
  hash: `0x${string}`;
  blockNumber: string;
  to: string;
}

/**
 * Sign and send one call, bound to `chainId`: the RPC must be on that chain (a mainnet answering
 * for a testnet would otherwise get a mainnet transaction past the --mainnet gate), and the
 * signature carries it (EIP-155), so no other chain can replay the transaction.
 */
async function send(client: PublicClient, rpcUrl: string, account: LocalAccount, chainId: number, to: `0x${string}`, data: `0x${string}`, what: string, timeoutMs: number): Promise<SentTransaction> {
  const { createWalletClient, defineChain, http } = await import('../util/lazyViem.js');
  const rpcChainId = await client.getChainId().catch((error: unknown) => {
    throw new ConfigError(`${what} was not sent: the RPC did not answer eth_chainId (${errorLine(error)})`);
  });
  if (rpcChainId !== chainId) throw new ConfigError(`${what} was not sent: the RPC is on chain ${rpcChainId}, not chain ${chainId}`);
  const chain = defineChain({ id: chainId, name: `chain ${chainId}`, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } });
  const wallet = createWalletClient({ account, chain, transport: http(rpcUrl, { timeout: timeoutMs, retryCount: 0 }) });
  let hash: `0x${string}`;
  try {
    hash = await wallet.sendTransaction({ to, data, value: 0n, chain });
  } catch (error) {
    throw new ConfigError(`${what} was not sent: ${errorLine(error)}`);
  }
  const receipt = await client.waitForTransactionReceipt({ hash, timeout: Math.max(timeoutMs, 30_000), pollingInterval: 250 });
  if (receipt.status !== 'success') throw new ConfigError(`${what} reverted (transaction ${hash})`);
  return { hash, blockNumber: receipt.blockNumber.toString(), to };
}

/**
 * The request this validator should answer for the agent: the newest unanswered one addressed to
 * it, else the newest answered one (a validator may answer again); null when there is none.
 */
export async function findValidationRequest(client: PublicClient, registry: `0x${string}`, validator: `0x${string}`, agentId: bigint): Promise<`0x${string}` | null> {
  const hashes = (await client.readContract({ address: registry, abi: validationRegistryAbi, functionName: 'getValidatorRequests', args: [validator] })) as readonly `0x${string}`[];
  let answered: `0x${string}` | null = null;
  for (const requestHash of [...hashes].reverse().slice(0, 200)) {
    const [, id, , , , lastUpdate] = (await client.readContract({ address: registry, abi: validationRegistryAbi, functionName: 'getValidationStatus', args: [requestHash] })) as readonly [string, bigint, number, string, string, bigint];
    if (id !== agentId) continue;
    if (lastUpdate === 0n) return requestHash;
    answered ??= requestHash;
  }
  return answered;
}

export interface PublishValidationParameters {
  client: PublicClient;
  rpcUrl: string;
  account: LocalAccount;
  /** The agent's chain: every transaction is signed for it. */
  chainId: number;
  identityRegistry: `0x${string}`;
  validationRegistry: `0x${string}`;
  agentId: bigint;
  /** Response fields; requestHash is what a self-request would use when no request is found. */
  fields: ValidationResponseFields;
  /** --request-hash: answer exactly this request. */
  requestHash?: `0x${string}`;
  timeoutMs: number;
}

export interface PublishValidationReturnType {
  requestHash: `0x${string}`;
  /** given: --request-hash; request: a request addressed to this validator; self: the validator asked itself first. */
  requestSource: 'given' | 'request' | 'self';
  request: SentTransaction | null;
  response: SentTransaction;
}

/**
 * Answer a validationRequest addressed to the key's address; without one, ask on the agent's
 * behalf first when the key owns or operates the agent (the registry lets the agent's own wallet
 * validate it). Anything else is the user's setup, a ConfigError.
 */
export interface ValidationRequestPlan {
  /** The request to answer, or null: the validator asks on the agent's behalf first. */
  requestHash: `0x${string}` | null;
  requestSource: 'given' | 'request' | 'self';
}

/**
 * Which request the key will answer, decided before anything is probed or sent: --request-hash
 * (which must be addressed to the key), else the newest request addressed to the key, else a
 * self-request when the key owns or operates the agent; anything else is a ConfigError.
 */
export async function planValidationRequest(params: Pick<PublishValidationParameters, 'client' | 'account' | 'identityRegistry' | 'validationRegistry' | 'agentId' | 'requestHash'>): Promise<ValidationRequestPlan> {
  const { client, account, validationRegistry, agentId } = params;
  if (params.requestHash) {
    const [validator] = (await client
      .readContract({ address: validationRegistry, abi: validationRegistryAbi, functionName: 'getValidationStatus', args: [params.requestHash] })
      .catch(() => [null])) as readonly [string | null];
    if (!validator) throw new ConfigError(`--request-hash: no validationRequest ${params.requestHash} in the Validation registry`);
    if (validator.toLowerCase() !== account.address.toLowerCase()) throw new ConfigError(`--request-hash: that request is addressed to ${validator}, not to the --key-env address ${account.address}`);
    return { requestHash: params.requestHash, requestSource: 'given' };
  }
  const found = await findValidationRequest(client, validationRegistry, account.address, agentId);
  if (found) return { requestHash: found, requestSource: 'request' };
  const mayRequest = (await client.readContract({ address: params.identityRegistry, abi: identityRegistryAbi, functionName: 'isAuthorizedOrOwner', args: [account.address, agentId] }).catch(() => false)) as boolean;
  if (!mayRequest) {
    throw new ConfigError(`no validationRequest for agent ${agentId} is addressed to ${account.address}, and only the agent's owner or operator may ask for one`, {
      hints: ['ask the agent owner to call validationRequest(<your address>, agentId, requestURI, requestHash), then run validate --publish again'],
    });
  }
  return { requestHash: null, requestSource: 'self' };
}

/**
 * Answer a validationRequest addressed to the key's address; without one, ask on the agent's
 * behalf first when the key owns or operates the agent (the registry lets the agent's own wallet
 * validate it). `plan` is planValidationRequest's answer, made before the probe.
 */
export async function publishValidation(params: PublishValidationParameters & { plan: ValidationRequestPlan }): Promise<PublishValidationReturnType> {
  const { client, account, validationRegistry, agentId, plan } = params;
  const { encodeFunctionData } = await import('../util/lazyViem.js');
  let request: SentTransaction | null = null;
  let requestHash = plan.requestHash;
  if (!requestHash) {
    requestHash = params.fields.requestHash;
    const data = encodeFunctionData({ abi: validationRegistryAbi, functionName: 'validationRequest', args: [account.address, agentId, params.fields.responseURI.startsWith('data:') ? '' : params.fields.responseURI, requestHash] });
    request = await send(client, params.rpcUrl, account, params.chainId, validationRegistry, data, 'validationRequest', params.timeoutMs);
  }
  const data = encodeFunctionData({ abi: validationRegistryAbi, functionName: 'validationResponse', args: [requestHash, params.fields.response, params.fields.responseURI, params.fields.responseHash, params.fields.tag] });
  const response = await send(client, params.rpcUrl, account, params.chainId, validationRegistry, data, 'validationResponse', params.timeoutMs);
  return { requestHash, requestSource: plan.requestSource, request, response };
}

export interface GiveFeedbackParameters {
  client: PublicClient;
  rpcUrl: string;
  account: LocalAccount;
  /** The agent's chain: the transaction is signed for it. */
  chainId: number;
  reputationRegistry: `0x${string}`;
  agentId: bigint;
  value: bigint;
  valueDecimals: number;
  tag1: string;
  tag2: string;
  endpoint: string;
  feedbackURI: string;
  feedbackHash: `0x${string}`;
  timeoutMs: number;
}

/** giveFeedback(agentId, value, valueDecimals, tag1, tag2, endpoint, feedbackURI, feedbackHash). */
export async function giveFeedback(params: GiveFeedbackParameters): Promise<SentTransaction> {
  const { encodeFunctionData } = await import('../util/lazyViem.js');
  const data = encodeFunctionData({
    abi: reputationRegistryAbi,
    functionName: 'giveFeedback',
    args: [params.agentId, params.value, params.valueDecimals, params.tag1, params.tag2, params.endpoint, params.feedbackURI, params.feedbackHash],
  });
  return send(params.client, params.rpcUrl, params.account, params.chainId, params.reputationRegistry, data, 'giveFeedback', params.timeoutMs);
}
