import { getAddress } from 'viem/utils';
import { InvalidAgentRefError, UsageError } from '../errors.js';
import { isWellFormedAddress } from '../protocol/addresses.js';
import { resolveNetwork } from '../protocol/networks.js';
import { DEFAULT_REGISTRY_CHAIN_ID, IDENTITY_REGISTRY_MAINNET, IDENTITY_REGISTRY_TESTNET } from './abi.js';

/** One agent in one registry on one chain. */
export interface AgentLocator {
  chainId: number;
  /** Checksummed IdentityRegistry address. */
  registry: `0x${string}`;
  agentId: bigint;
}

/** What `--agent` said: a concrete agent, or "find it at the target's well-known file". */
export type AgentRef = { kind: 'auto' } | ({ kind: 'agent'; /** True when chain and registry came from the defaults. */ defaulted: boolean } & AgentLocator);

export interface ParseAgentRefParameters {
  /** Chain a bare id refers to (Base Sepolia unless told). */
  chainId?: number;
  /** Registry a bare id refers to (the canonical one for the chain unless told). */
  registry?: string;
}

const UINT256_MAX = 2n ** 256n - 1n;
const FULL = /^eip155:([1-9][0-9]{0,18}):([^:]+):([0-9]{1,78})$/;
const AGENT0 = /^([1-9][0-9]{0,18}):([0-9]{1,78})$/;
const REGISTRY_ID = /^eip155:([1-9][0-9]{0,18}):([^:]+)$/;

/** The canonical IdentityRegistry for a chain: the testnet proxy on test networks, else the mainnet one. */
export function canonicalRegistry(chainId: number): `0x${string}` {
  const network = resolveNetwork(`eip155:${chainId}`);
  return (network?.testnet ? IDENTITY_REGISTRY_TESTNET : IDENTITY_REGISTRY_MAINNET) as `0x${string}`;
}

function agentIdOf(text: string, whole: string): bigint {
  const id = BigInt(text);
  if (id > UINT256_MAX) throw new UsageError(`--agent: agent id out of range in ${JSON.stringify(whole)}`);
  return id;
}

/**
 * Parse `--agent`: `eip155:<chainId>:<registry>:<agentId>` (the spec's form), `<chainId>:<agentId>`
 * (agent0's form, with the chain's canonical registry), a bare id (Base Sepolia and its
 * registry unless told otherwise), or `auto`.
 */
export function parseAgentRef(text: string, defaults: ParseAgentRefParameters = {}): AgentRef {
  const value = text.trim();
  if (value.toLowerCase() === 'auto') return { kind: 'auto' };
  const full = FULL.exec(value);
  if (full && isWellFormedAddress(full[2])) return { kind: 'agent', defaulted: false, chainId: Number(full[1]), registry: getAddress(full[2]), agentId: agentIdOf(full[3], value) };
  const agent0 = AGENT0.exec(value);
  if (agent0) {
    const chainId = Number(agent0[1]);
    return { kind: 'agent', defaulted: true, chainId, registry: canonicalRegistry(chainId), agentId: agentIdOf(agent0[2], value) };
  }
  if (/^[0-9]{1,78}$/.test(value)) {
    const chainId = defaults.chainId ?? DEFAULT_REGISTRY_CHAIN_ID;
    const registry = defaults.registry ? getAddress(defaults.registry) : canonicalRegistry(chainId);
    return { kind: 'agent', defaulted: true, chainId, registry, agentId: agentIdOf(value, value) };
  }
  throw new InvalidAgentRefError(text);
}

/** `eip155:<chainId>:<registry>` as registration files write `agentRegistry`. */
function formatAgentRegistry(chainId: number, registry: string): string {
  return `eip155:${chainId}:${registry}`;
}

/** `eip155:<chainId>:<registry>:<agentId>`. */
export function formatAgentRef(locator: AgentLocator): string {
  return `${formatAgentRegistry(locator.chainId, locator.registry)}:${locator.agentId}`;
}

/** Read a registration file's `agentRegistry` (`eip155:<chainId>:<address>`); null when it is not that shape. */
export function parseAgentRegistry(value: unknown): { chainId: number; registry: string } | null {
  if (typeof value !== 'string') return null;
  const match = REGISTRY_ID.exec(value.trim());
  return match && isWellFormedAddress(match[2]) ? { chainId: Number(match[1]), registry: match[2] } : null;
}

/**
 * A registration entry's `agentId` as a bigint. The spec writes a JSON number; a digit string
 * is read too (callers decide whether to warn about it). Null for anything else.
 */
export function registrationAgentId(value: unknown): bigint | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && /^[0-9]{1,78}$/.test(value.trim())) return BigInt(value.trim());
  return null;
}
