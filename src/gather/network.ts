import { subscribe } from 'node:diagnostics_channel';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import ipaddr from 'ipaddr.js';
import { type Agent, buildConnector } from 'undici';
import { createDispatcher, DEFAULT_TIMEOUT_MS } from './dispatcher.js';

/**
 * Who chose a URL. `user`: the user typed it (the target, --rpc, --ipfs-gateway, --signer), so it
 * is fetched wherever it points. `data`: it came from data anyone can write (a registry entry,
 * a registration file, a market candidate), so it is fetched only at public addresses.
 */
export type TargetSource = 'user' | 'data';

/** An IP address's range, in ipaddr.js's names: `unicast` is public; `loopback`, `private`, `linkLocal`… are not. */
export type AddressClassifier = (address: string) => string;

/** Every address a host name resolves to. Called at connect time, once per new connection. */
export type HostLookup = (hostname: string) => Promise<string[]>;

/** The network policy a run is given (library options; the CLI sets only `allowPrivate`). */
export interface NetworkPolicyOptions {
  /** Let targets from data, and redirects off a public origin, reach non-public addresses (`--allow-private`). */
  allowPrivate?: boolean;
  /** Host name resolution for connections that must be public (default: the system resolver). */
  lookup?: HostLookup;
  /** Names an address's range; only `unicast` is public (default: `classifyAddress`, on ipaddr.js). */
  classifyAddress?: AddressClassifier;
}

/** The only IPv6 space allocated for global unicast (RFC 4291 §2.4, IANA's IPv6 address space). */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * The range ipaddr.js gives the address; an IPv4-mapped IPv6 address is judged as its IPv4
 * address, and IPv6 outside 2000::/3 that ipaddr.js still calls unicast (IPv4-compatible ::/96,
 * which is what a URL parser makes of [::127.0.0.1], and unallocated space) is `reserved`.
 */
export function classifyAddress(address: string): string {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return 'invalid';
  }
  if (parsed.kind() === 'ipv4') return parsed.range();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range();
  const range = v6.range();
  return range === 'unicast' && !v6.match(GLOBAL_UNICAST_V6) ? 'reserved' : range;
}

const RANGE_WORDS: Record<string, string> = {
  loopback: 'loopback',
  private: 'a private (RFC 1918) address',
  linkLocal: 'link-local (cloud metadata lives there)',
  uniqueLocal: 'unique-local (fc00::/7)',
  unspecified: 'the unspecified address',
  carrierGradeNat: 'carrier-grade NAT space (100.64.0.0/10)',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved',
  invalid: 'not an IP address',
};

export const FORBIDDEN_ADDRESS_CODE = 'ERR_X402_PROBE_FORBIDDEN_ADDRESS';

/** A connection the policy refused: raised inside the connector, recorded as `forbidden-address`. */
export class ForbiddenAddressError extends Error {
  override name = 'ForbiddenAddressError';
  readonly code = FORBIDDEN_ADDRESS_CODE;
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    const words = RANGE_WORDS[range] ?? `in the ${range} range`;
    super(hostname === address ? `${address} is ${words}` : `${hostname} resolves to ${address}, which is ${words}`);
  }
}

/** A host name's connections can reach this many addresses before it is judged public outright. */
const ADDRESSES_PER_HOST = 32;
const HOSTS_REMEMBERED = 4096;
/** The addresses each host name's connections reached, in any undici pool of the process; null once there were too many. */
const reached = new Map<string, Set<string> | null>();
let watching = false;

/**
 * Record where connections really went. undici publishes every established connection (any
 * pool, any connector) before a request is written on it, so when a response redirects, the
 * address that answered is already on record. A second lookup could be answered differently
 * (a mixed or rebinding DNS answer); the connection cannot.
 */
function watchConnections(): void {
  if (watching) return;
  watching = true;
  subscribe('undici:client:connected', (message) => {
    const { connectParams, socket } = message as { connectParams: { hostname: string }; socket: Socket };
    const address = socket.remoteAddress;
    if (!address) return;
    const host = connectParams.hostname.toLowerCase();
    if (!reached.has(host)) {
      if (reached.size >= HOSTS_REMEMBERED) reached.delete(reached.keys().next().value as string);
      reached.set(host, new Set());
    }
    const addresses = reached.get(host);
    if (!addresses) return;
    addresses.add(address);
    if (addresses.size > ADDRESSES_PER_HOST) reached.set(host, null);
  });
}

const systemLookup: HostLookup = async (hostname) => (await dnsLookup(hostname, { all: true })).map((a) => a.address);

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
}

function familyOf(option: unknown): 4 | 6 | null {
  if (option === 4 || option === 'IPv4') return 4;
  if (option === 6 || option === 'IPv6') return 6;
  return null;
}

/**
 * A run's network policy and the pool that enforces it. Connections that must be public go
 * through `publicOnly`, an undici pool of their own whose connector judges the address it is
 * about to connect to: every address the host name resolves to at that moment (so a DNS answer
 * that changes between checks and connect, rebinding, is judged as connected), or the IP literal
 * itself. Its connections are never shared with the open pool, so a socket opened for the user's
 * own loopback target cannot be reused for a hop that must be public.
 */
export class NetworkPolicy {
  readonly allowPrivate: boolean;
  /** The pool for exchanges that must reach public addresses only. */
  readonly publicOnly: Agent;
  private readonly classify: AddressClassifier;
  private readonly resolve: HostLookup;

  constructor(options: NetworkPolicyOptions & { connections?: number; connectTimeoutMs?: number; headerCap?: number } = {}) {
    this.allowPrivate = options.allowPrivate ?? false;
    this.classify = options.classifyAddress ?? classifyAddress;
    this.resolve = options.lookup ?? systemLookup;
    watchConnections();
    const timeout = options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.publicOnly = createDispatcher({ connections: options.connections, headerCap: options.headerCap, connect: this.connector(timeout) });
  }

  /** Null when `address` is public unicast, else the refusal to raise. */
  refusal(hostname: string, address: string): ForbiddenAddressError | null {
    const range = this.classify(address);
    return range === 'unicast' ? null : new ForbiddenAddressError(hostname, address, range);
  }

  /**
   * True when every connection made to `hostname` so far reached a non-public address. Used
   * only for the user's own host (whose redirects may then stay private): a host that was never
   * connected to, or that reached one public address, counts as public, the stricter answer.
   */
  reachedOnlyNonPublic(hostname: string): boolean {
    const addresses = reached.get(hostname.toLowerCase());
    if (!addresses || addresses.size === 0) return false;
    return [...addresses].every((address) => this.refusal(hostname, address) !== null);
  }

  /** End the pool at the end of a run or scan: connections still being made are dropped, not awaited. */
  close(): Promise<void> {
    return this.publicOnly.destroy().catch(() => undefined);
  }

  /** What net.connect calls for a host name: resolve, refuse unless every address is public. */
  private readonly lookup: LookupFunction = (hostname, options, callback) => {
    Promise.resolve()
      .then(() => this.resolve(hostname))
      .then(
        (addresses) => {
          for (const address of addresses) {
            const refusal = this.refusal(hostname, address);
            if (refusal) return callback(refusal, '', 0);
          }
          const family = familyOf(options.family);
          const usable = family ? addresses.filter((a) => isIP(a) === family) : addresses;
          if (usable.length === 0) return callback(notFound(hostname), '', 0);
          if (options.all) return callback(null, usable.map((address) => ({ address, family: isIP(address) })));
          callback(null, usable[0], isIP(usable[0]));
        },
        (error: NodeJS.ErrnoException) => callback(error, '', 0),
      );
  };

  private connector(timeout: number): buildConnector.connector {
    const connect = buildConnector({ timeout, lookup: this.lookup });
    return (options, callback) => {
      // net.connect never calls the lookup for an IP literal: judge the literal here.
      const refusal = isIP(options.hostname) ? this.refusal(options.hostname, options.hostname) : null;
      if (refusal) {
        queueMicrotask(() => callback(refusal, null));
        return;
      }
      connect(options, callback);
    };
  }
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return '';
  }
}

/** Why a hop had to reach a public address, for the refusal message. */
export function refusalReason(source: TargetSource): string {
  return source === 'data' ? 'targets from registry data must be public' : 'a redirect away from a public origin must stay public';
}

/**
 * Decides, hop by hop, whether an exchange for `url` must connect to a public address (`from`
 * is the URL that redirected to the hop, null for the first). A `data` exchange must
 * at every hop. A `user` exchange goes anywhere at its first hop; a redirect may reach a
 * non-public address only when the URL redirecting is known to be non-public itself: a
 * non-public IP literal, or the user's own host name when its connections reached only
 * non-public addresses (never a fresh lookup, which the seller's DNS could answer otherwise).
 * A redirect off any other host must land on a public address.
 */
export function publicOnlyJudge(url: string, source: TargetSource, network: NetworkPolicy): (from: string | null) => boolean {
  // Parsed at the first redirect only: most exchanges have none, and a scan makes eight a target.
  let userHost: string | undefined;
  return (from) => {
    if (network.allowPrivate) return false;
    if (source === 'data') return true;
    if (from === null) return false;
    const host = hostnameOf(from);
    if (isIP(host)) return network.refusal(host, host) === null;
    userHost ??= hostnameOf(url);
    if (host === userHost) return !network.reachedOnlyNonPublic(host);
    return true;
  };
}

let sharedPolicy: NetworkPolicy | null = null;
/** The policy of an exchange given none: nothing private for data, the system resolver. */
export function defaultNetworkPolicy(): NetworkPolicy {
  sharedPolicy ??= new NetworkPolicy();
  return sharedPolicy;
}
