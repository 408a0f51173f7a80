/** Discovery documents on the probed origin, and the 402s of the resources they list. */
import type { ChallengeArtifact } from './challenge.js';
import type { HttpExchange } from './http.js';

/** Which document: OpenAPI with `x-payment-info` (x402scan reads it first), or `/.well-known/x402`. */
export type DiscoveryDocumentKind = 'openapi' | 'well-known';

/** One discovery document as fetched: raw facts, parsed by protocol/discovery.ts. */
export interface DiscoveryDocumentFetch {
  kind: DiscoveryDocumentKind;
  /** The URL requested, on the probed URL's origin. */
  url: string;
  /**
   * Every exchange made for it, in order: the first, then each redirect followed by hand (a hop
   * off the probed origin is fetched under the data policy: public addresses only).
   */
  exchanges: HttpExchange[];
  /** The status of the last response, or null when none arrived. */
  status: number | null;
  /** The body size cap in bytes. */
  cap: number;
  /** True when the document was longer than the cap and was cut there. */
  truncated: boolean;
  /** JSON parse of a complete 200 body (null when there is none to parse). */
  json: { ok: true; value: unknown } | { ok: false; error: string } | null;
  /** Why no document was obtained (refused address, redirect limit, timeout), else null. */
  error: string | null;
}

/** A resource a discovery document lists, requested unpaid with the method the document states. */
export interface ListedResourceProbe {
  /** The absolute URL listed. */
  url: string;
  /** The method sent (the stated one, else GET). */
  method: string;
  exchange: HttpExchange;
  /** Its challenge, decoded through protocol/ (null when no response arrived). */
  challenge: ChallengeArtifact | null;
}

/** `check`'s discovery read (`--no-discovery` skips it). */
export interface DiscoveryArtifact {
  /** The probed URL's origin. */
  origin: string;
  /** The documents requested, in x402scan's order: /openapi.json, /.well-known/openapi.json, /.well-known/x402. */
  documents: DiscoveryDocumentFetch[];
  /** Listed resources on the origin other than the probed URL (at most `listedCap`), each requested once. */
  listed: ListedResourceProbe[];
  /** How many listed resources were requested at most; more are named in `notProbed`. */
  listedCap: number;
  /** Listed URLs not requested: beyond the cap, or on another origin. */
  notProbed: { url: string; reason: string }[];
}
