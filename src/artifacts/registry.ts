/** ERC-8004: registration documents and what the IdentityRegistry says about an agent. */
import type { HttpExchange } from './http.js';

/** Why a registration document could not be obtained (an HTTP error status is not one: see `exchange`). */
export type RegistrationFetchErrorCode = 'empty-uri' | 'unsupported-scheme' | 'bad-data-uri' | 'bad-url' | 'forbidden-address' | 'http';

/** A registration document fetched for the ERC-8004 cross-check: the agentURI target or a well-known file. */
export interface RegistrationFetch {
  /** The URI as found (the agentURI exactly as on chain, or the well-known URL). */
  uri: string;
  /** Its scheme: `empty` for an empty agentURI, `unsupported` for anything but https, http, data and ipfs. */
  scheme: 'https' | 'http' | 'data' | 'ipfs' | 'empty' | 'unsupported';
  /** The URL requested (ipfs:// mapped through the gateway); null for data: URIs and when nothing was requested. */
  fetchedUrl: string | null;
  /** The HTTP exchange for https, http and ipfs (status, redirects, limits, error); null otherwise. */
  exchange: HttpExchange | null;
  /** For data: URIs, the declared media type and whether the payload was base64. */
  dataUri: { mediaType: string; base64: boolean } | null;
  /** The document as UTF-8 text (at most `cap` bytes); null when none was obtained. */
  text: string | null;
  /** Bytes of the document (decoded for data: URIs), counted up to the cap. */
  bytes: number;
  /** The size cap in bytes (256 KiB). */
  cap: number;
  /** True when the document was longer than the cap and was cut there. */
  truncated: boolean;
  /** JSON parse of `text` (absent when there is no complete text to parse). */
  json: { ok: true; value: unknown } | { ok: false; error: string } | null;
  /** Why no document was obtained, when none was. */
  error: { code: RegistrationFetchErrorCode; message: string } | null;
}

/** The ERC-8004 agent named by --agent and what the IdentityRegistry says about it. */
export interface RegistryAgentArtifact {
  /** --agent as given. */
  ref: string;
  /** How the agent was named: in full, as an id with the default chain and registry, or `auto`. */
  source: 'explicit' | 'default' | 'auto';
  /** With `auto`: the index of the well-known file's `registrations[]` entry taken, else null. */
  autoEntry: number | null;
  /** With `auto`: why no agent could be taken from the well-known file, else null. */
  autoError: string | null;
  /** The chain id named (null when `auto` found none). */
  chainId: number | null;
  /** The IdentityRegistry address named (null when `auto` found none). */
  registry: string | null;
  /** The agent id named, as a decimal string (null when `auto` found none). */
  agentId: string | null;
  /** Origin of the RPC that answered (path and credentials dropped), or null when none was used. */
  rpcOrigin: string | null;
  /** The chain id the RPC reported, or null when it did not answer. */
  rpcChainId: number | null;
  /** True when there is contract code at the registry address; null when not read. */
  hasCode: boolean | null;
  /** `ownerOf(agentId)`, or null when it reverted or was not read. */
  owner: string | null;
  /** Why `ownerOf` gave no owner (the revert, e.g. ERC721NonexistentToken), else null. */
  ownerError: string | null;
  /** `tokenURI(agentId)` (the agentURI, possibly ""), or null when it reverted or was not read. */
  tokenURI: string | null;
  /** Why `tokenURI` gave nothing, else null. */
  tokenURIError: string | null;
  /** `getAgentWallet(agentId)`; the zero address when unset; null when it reverted or was not read. */
  agentWallet: string | null;
  /** Why `getAgentWallet` gave nothing, else null. */
  agentWalletError: string | null;
  /** `getMetadata(agentId, key)` for the keys read, as 0x hex ("0x" when unset), null when the call failed. */
  metadata: Record<string, string | null>;
  /** An RPC failure (unreachable, timeout, not JSON-RPC) that stopped the reads, else null. */
  rpcError: string | null;
}
