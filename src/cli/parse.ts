import { InvalidAgentRefError, UnknownNetworkError, UsageError } from '../errors.js';
import { resolveNetwork } from '../protocol/networks.js';
import { isAddressSyntax } from '../protocol/addressSyntax.js';

/** Option parsers for commander: each throws a UsageError with a one-line message. */

export function parseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`not an absolute URL: ${JSON.stringify(value)} (expected http:// or https://)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`unsupported URL scheme ${url.protocol} (expected http or https)`);
  return url.toString();
}

/** Node clamps timers above 2^31-1 ms to 1 ms, so nothing larger is a usable count or deadline. */
const MAX_INT = 2 ** 31 - 1;

export function parsePositiveInt(name: string) {
  return (value: string): number => {
    if (!/^[0-9]+$/.test(value) || Number(value) <= 0) throw new UsageError(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
    if (Number(value) > MAX_INT) throw new UsageError(`${name} must be at most ${MAX_INT}, got ${value}`);
    return Number(value);
  };
}

/** An integer from `min` to `max` (--replay-concurrency: the run's pool holds 8 connections per origin, so more would queue, not run at once). */
export function parseIntInRange(name: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`);
    return Number(value);
  };
}

/** The largest shard count `--shard` takes (scan/shard.ts MAX_SHARDS; kept here so parsing loads nothing). */
const MAX_SHARDS = 100_000;

/** `--shard <i>/<n>`: slice i of n, 0 <= i < n (0-based like an Indexed Job's JOB_COMPLETION_INDEX). */
export function parseShard(value: string): { index: number; count: number } {
  const match = /^(0|[1-9][0-9]{0,5})\/([1-9][0-9]{0,5})$/.exec(value);
  const usage = `--shard must be <index>/<count> with 0 <= index < count <= ${MAX_SHARDS}, e.g. 0/4; got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (!match) throw new UsageError(usage);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (index >= count || count > MAX_SHARDS) throw new UsageError(usage);
  return { index, count };
}

/** An HTTP method token (RFC 9110 §9): letters and the token symbols, upper-cased. */
export function parseMethod(value: string): string {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value)) throw new UsageError(`-X/--method must be an HTTP method such as GET or POST, got ${JSON.stringify(value)}`);
  return value.toUpperCase();
}

export function parseNonEmpty(name: string) {
  return (value: string): string => {
    if (value.trim() === '') throw new UsageError(`${name} must not be empty`);
    return value.trim();
  };
}

/**
 * A network the probe knows (CAIP-2 id or v1 name), checked as the flag is read: the one place
 * an unknown network becomes a usage error, for every command that takes one.
 */
export function parseNetwork(name: string) {
  const nonEmpty = parseNonEmpty(name);
  return (value: string): string => {
    const network = nonEmpty(value);
    if (!resolveNetwork(network)) throw new UnknownNetworkError(name, network);
    return network;
  };
}

export function parseDecimal(name: string) {
  return (value: string): string => {
    const text = value.trim().replace(/^\$/, '');
    if (!/^[0-9]+(\.[0-9]+)?$/.test(text)) throw new UsageError(`${name} must be a decimal amount such as 0.01, got ${JSON.stringify(value)}`);
    return text;
  };
}

export function parseAddress(name: string) {
  return (value: string): string => {
    if (!isAddressSyntax(value)) throw new UsageError(`${name} must be a 0x-prefixed 20-byte address, got ${JSON.stringify(value)}`);
    return value;
  };
}

/** `--expect-asset <address>[:<decimals>]`: the token the seller means to charge in, and optionally its decimals. */
export function parseExpectAsset(value: string): { address: string; decimals?: number } {
  const match = /^([^:]+)(?::([0-9]{1,3}))?$/.exec(value.trim());
  if (!match || !isAddressSyntax(match[1]) || (match[2] !== undefined && Number(match[2]) > 255)) {
    throw new UsageError(`--expect-asset must be a token address, optionally with its decimals (0x…:6), got ${JSON.stringify(value)}`);
  }
  return match[2] === undefined ? { address: match[1] } : { address: match[1], decimals: Number(match[2]) };
}

/** A repeatable URL option: each value is checked as --x <url> is, and appended. */
export function collectUrl(value: string, previous: string[] = []): string[] {
  return [...previous, parseUrl(value)];
}

export function collectHeader(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf(':');
  if (at <= 0) throw new UsageError(`--header must look like "Name: value", got ${JSON.stringify(value)}`);
  const name = value.slice(0, at).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`invalid header name ${JSON.stringify(name)}`);
  if (/[\r\n\0]/.test(value)) throw new UsageError(`header ${name} contains a line break or NUL, which HTTP forbids`);
  return { ...previous, [name]: value.slice(at + 1).trim() };
}

export function parseChoice<T extends string>(name: string, choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
    return value as T;
  };
}

/** A light syntax check of an ERC-8004 agent ref (viem loads only in the action); the gatherer reads it in full. */
export function parseAgentOption(value: string): string {
  if (!/^(auto|eip155:[0-9]+:0x[0-9a-fA-F]{40}:[0-9]+|[0-9]+:[0-9]+|[0-9]+)$/i.test(value.trim())) {
    throw new InvalidAgentRefError(value);
  }
  return value.trim();
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Kubernetes object and namespace names: lowercase RFC 1123 labels. */
export function parseKubeName(what: string) {
  return (value: string): string => {
    if (!DNS_LABEL.test(value) || value.length > 63) throw new UsageError(`${what} must be a lowercase RFC 1123 name (a-z, 0-9, '-'), got ${JSON.stringify(value)}`);
    return value;
  };
}

/** A TCP port to listen on: 0 (any free port) to 65535. */
export function parsePort(name: string) {
  return (value: string): number => {
    if (!/^[0-9]{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`${name} must be a port number from 0 to 65535, got ${JSON.stringify(value)}`);
    return Number(value);
  };
}
