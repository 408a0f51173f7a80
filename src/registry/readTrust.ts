import type { BaseError, PublicClient } from 'viem';
import { isViemError } from '../util/viemError.js';
import { errorLine } from '../util/errorLine.js';
import { reputationRegistryAbi, validationRegistryAbi } from './trustAbi.js';

/** Display cap for strings a registry returns (a tag or a responseURI can be anything, of any size). */
const TEXT_CAP = 512;
/** The newest validations read (and their evidence fetched) per agent. */
export const MAX_VALIDATIONS = 20;
/** The newest feedback entries listed. */
export const RECENT_FEEDBACK = 5;

export interface ValidationRecord {
  requestHash: `0x${string}`;
  validator: string;
  /** 0–100 as stored; null when the request has no response yet. */
  response: number | null;
  responseHash: string;
  tag: string;
  /** Unix seconds of the latest response (decimal string), null when unanswered. */
  lastUpdate: string | null;
  /** From the ValidationResponse event (only events carry it), clipped for display; null when no event was found. */
  responseURI: string | null;
  /** The full responseURI, kept only for fetching the evidence (not reported). */
  fullResponseURI?: string | null;
  responseURILength: number | null;
  /** keccak256 of the document at responseURI equals responseHash; null when it could not be read. */
  hashMatches: boolean | null;
  /** Why the evidence could not be read or the record judged. */
  evidenceError: string | null;
}

export interface FeedbackRecord {
  client: string;
  index: string;
  /** Decimal value (value / 10^valueDecimals). */
  value: string;
  tag1: string;
  tag2: string;
}

export interface TrustReads {
  validationRegistry: string;
  /** False: no code at the address on this chain, which is normal (it is not deployed everywhere yet). */
  validationDeployed: boolean | null;
  validations: ValidationRecord[];
  /** Agent validations beyond the newest MAX_VALIDATIONS. */
  validationsOmitted: number;
  validationError: string | null;
  reputationRegistry: string;
  reputationDeployed: boolean | null;
  reputation: { count: string; average: string | null; clients: number; recent: FeedbackRecord[] } | null;
  reputationError: string | null;
}

export function clip(text: string, cap = TEXT_CAP): string {
  return text.length > cap ? `${text.slice(0, cap)}… (${text.length} characters)` : text;
}

function describeError(error: unknown): string {
  if (isViemError(error)) {
    const reverted = error.walk((e) => (e as { name?: string }).name === 'ContractFunctionRevertedError') as (BaseError & { reason?: string }) | null;
    if (reverted) return reverted.reason ? `reverted: ${clip(reverted.reason, 120)}` : 'reverted';
    if (error.walk((e) => (e as { name?: string }).name === 'ContractFunctionZeroDataError')) return 'the call returned no data';
    if (error.walk((e) => /AbiDecodingDataSizeTooSmall|AbiDecoding|PositionOutOfBounds|SizeExceeds/i.test((e as { name?: string }).name ?? ''))) return 'the answer is not ABI-encoded as the EIP says';
  }
  return errorLine(error);
}

/** value / 10^decimals as a decimal string. */
export function scaled(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? digits.slice(digits.length - decimals).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

async function hasCode(client: PublicClient, address: `0x${string}`): Promise<boolean> {
  const code = await client.getCode({ address });
  return code !== undefined && code !== '0x';
}

async function readValidations(client: PublicClient, address: `0x${string}`, agentId: bigint): Promise<Pick<TrustReads, 'validations' | 'validationsOmitted'>> {
  const all = (await client.readContract({ address, abi: validationRegistryAbi, functionName: 'getAgentValidations', args: [agentId] })) as readonly `0x${string}`[];
  const newest = all.slice(-MAX_VALIDATIONS).reverse();
  const statuses = await Promise.allSettled(newest.map((requestHash) => client.readContract({ address, abi: validationRegistryAbi, functionName: 'getValidationStatus', args: [requestHash] })));
  // Only the event carries the responseURI; one query for all of them, the latest per request wins.
  const uris = new Map<string, string>();
  let logsError: string | null = null;
  if (newest.length > 0) {
    try {
      const logs = await client.getContractEvents({ address, abi: validationRegistryAbi, eventName: 'ValidationResponse', args: { agentId }, fromBlock: 0n, strict: false });
      for (const log of logs) {
        const args = log.args as { requestHash?: string; responseURI?: unknown };
        if (args.requestHash && typeof args.responseURI === 'string') uris.set(args.requestHash.toLowerCase(), args.responseURI);
      }
    } catch (error) {
      logsError = `responseURI not read: ${describeError(error)}`;
    }
  }
  const validations = newest.map((requestHash, i): ValidationRecord => {
    const status = statuses[i];
    const base: ValidationRecord = { requestHash, validator: '', response: null, responseHash: '', tag: '', lastUpdate: null, responseURI: null, responseURILength: null, hashMatches: null, evidenceError: null };
    if (status.status === 'rejected') return { ...base, evidenceError: describeError(status.reason) };
    const [validator, , response, responseHash, tag, lastUpdate] = status.value as readonly [string, bigint, number, string, string, bigint];
    const uri = uris.get(requestHash.toLowerCase()) ?? null;
    const answered = lastUpdate > 0n;
    return {
      ...base,
      validator,
      response: answered ? response : null,
      responseHash,
      tag: clip(tag, 120),
      lastUpdate: answered ? lastUpdate.toString() : null,
      responseURI: uri === null ? null : clip(uri),
      fullResponseURI: uri,
      responseURILength: uri === null ? null : uri.length,
      evidenceError: answered && uri === null ? (logsError ?? 'no ValidationResponse event found') : null,
    };
  });
  return { validations, validationsOmitted: Math.max(0, all.length - newest.length) };
}

async function readReputation(client: PublicClient, address: `0x${string}`, agentId: bigint): Promise<NonNullable<TrustReads['reputation']>> {
  const clients = (await client.readContract({ address, abi: reputationRegistryAbi, functionName: 'getClients', args: [agentId] })) as readonly `0x${string}`[];
  if (clients.length === 0) return { count: '0', average: null, clients: 0, recent: [] };
  // getSummary reverts on an empty client list (reference/erc8004.md §4): it is only asked with clients.
  const [count, value, decimals] = (await client.readContract({ address, abi: reputationRegistryAbi, functionName: 'getSummary', args: [agentId, [...clients], '', ''] })) as readonly [bigint, bigint, number];
  const all = (await client.readContract({ address, abi: reputationRegistryAbi, functionName: 'readAllFeedback', args: [agentId, [], '', '', false] })) as readonly [
    readonly string[], readonly bigint[], readonly bigint[], readonly number[], readonly string[], readonly string[], readonly boolean[],
  ];
  const [who, indexes, values, valueDecimals, tag1s, tag2s] = all;
  const recent: FeedbackRecord[] = [];
  for (let i = who.length - 1; i >= 0 && recent.length < RECENT_FEEDBACK; i--) {
    recent.push({ client: who[i], index: String(indexes[i]), value: scaled(values[i], Math.min(valueDecimals[i], 77)), tag1: clip(tag1s[i], 120), tag2: clip(tag2s[i], 120) });
  }
  return { count: count.toString(), average: count > 0n ? scaled(value, Math.min(decimals, 77)) : null, clients: clients.length, recent };
}

/**
 * Read an agent's validations (Validation registry) and reputation (Reputation registry). A
 * registry without code is recorded as not deployed (normal for Validation); a revert, garbage
 * answer or RPC failure is recorded per registry. Never throws.
 */
export async function readTrust(params: { client: PublicClient; agentId: bigint; validationRegistry: `0x${string}`; reputationRegistry: `0x${string}` }): Promise<TrustReads> {
  const { client, agentId } = params;
  const out: TrustReads = {
    validationRegistry: params.validationRegistry, validationDeployed: null, validations: [], validationsOmitted: 0, validationError: null,
    reputationRegistry: params.reputationRegistry, reputationDeployed: null, reputation: null, reputationError: null,
  };
  const validation = (async () => {
    try {
      out.validationDeployed = await hasCode(client, params.validationRegistry);
      if (out.validationDeployed) Object.assign(out, await readValidations(client, params.validationRegistry, agentId));
    } catch (error) {
      out.validationError = describeError(error);
    }
  })();
  const reputation = (async () => {
    try {
      out.reputationDeployed = await hasCode(client, params.reputationRegistry);
      if (out.reputationDeployed) out.reputation = await readReputation(client, params.reputationRegistry, agentId);
    } catch (error) {
      out.reputationError = describeError(error);
    }
  })();
  await Promise.all([validation, reputation]);
  return out;
}

/** What `market` shows per agent: counts and averages only. */
export interface TrustSummary {
  /** Answered validations and their average response (0–100); null when not read. */
  validations: { count: number; average: number } | null;
  /** The same, counting only `validatedBy`'s answers; null without it. */
  validatedBy: { count: number; average: number } | null;
  reputation: { count: string; average: string | null } | null;
  /** Why a registry could not be read (a missing Validation registry is not an error). */
  error: string | null;
}

/**
 * Validation and reputation summaries of one agent (getSummary on both registries). Pass
 * `validationDeployed` once per chain (false skips the Validation reads). Never throws.
 */
export async function readTrustSummary(params: {
  client: PublicClient; agentId: bigint; validationRegistry: `0x${string}`; reputationRegistry: `0x${string}`;
  validationDeployed: boolean; reputationDeployed: boolean; validatedBy?: `0x${string}`;
}): Promise<TrustSummary> {
  const { client, agentId } = params;
  const out: TrustSummary = { validations: null, validatedBy: null, reputation: null, error: null };
  const errors: string[] = [];
  const summary = async (validators: `0x${string}`[]) => {
    const [count, average] = (await client.readContract({ address: params.validationRegistry, abi: validationRegistryAbi, functionName: 'getSummary', args: [agentId, validators, ''] })) as readonly [bigint, number];
    return { count: Number(count), average: Number(average) };
  };
  await Promise.all([
    (async () => {
      if (!params.validationDeployed) return;
      try {
        out.validations = await summary([]);
        if (params.validatedBy) out.validatedBy = await summary([params.validatedBy]);
      } catch (error) {
        errors.push(`validations: ${describeError(error)}`);
      }
    })(),
    (async () => {
      if (!params.reputationDeployed) return;
      try {
        const clients = (await client.readContract({ address: params.reputationRegistry, abi: reputationRegistryAbi, functionName: 'getClients', args: [agentId] })) as readonly `0x${string}`[];
        if (clients.length === 0) {
          out.reputation = { count: '0', average: null };
          return;
        }
        const [count, value, decimals] = (await client.readContract({ address: params.reputationRegistry, abi: reputationRegistryAbi, functionName: 'getSummary', args: [agentId, [...clients], '', ''] })) as readonly [bigint, bigint, number];
        out.reputation = { count: count.toString(), average: count > 0n ? scaled(value, Math.min(decimals, 77)) : null };
      } catch (error) {
        errors.push(`reputation: ${describeError(error)}`);
      }
    })(),
  ]);
  out.error = errors.length > 0 ? errors.join('; ') : null;
  return out;
}

/** Whether an address holds code (false for a registry not deployed on the chain); null when the chain did not answer. */
export async function registryDeployed(client: PublicClient, address: `0x${string}`): Promise<boolean | null> {
  try {
    return await hasCode(client, address);
  } catch {
    return null;
  }
}
