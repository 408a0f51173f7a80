import type { Dispatcher } from 'undici';
import type { RegistrationFetch } from '../artifacts/index.js';
import type { ExchangeDeadline } from '../gather/deadline.js';
import { exchange } from '../gather/http.js';
import type { NetworkPolicy, TargetSource } from '../gather/network.js';
import { errorLine } from '../util/errorLine.js';

/** agent0's cap for data: URIs, applied to every registration document. */
export const REGISTRATION_FILE_CAP = 256 * 1024;
const DEFAULT_IPFS_GATEWAY = 'https://ipfs.io';
const MAX_REDIRECTS = 3;

export interface FetchRegistrationFileParameters {
  /** The agentURI (or any registration URL). */
  uri: string;
  /** Gateway for ipfs:// URIs: a base such as `https://ipfs.io` or `http://127.0.0.1:8080/ipfs/`. */
  ipfsGateway?: string;
  timeoutMs?: number;
  /** Size cap in bytes (default 256 KiB). */
  cap?: number;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  /**
   * Who chose the URI (default `data`: an agentURI is anyone's to write, so it is fetched only at
   * public addresses unless the policy allows private ones). An ipfs:// URI is fetched from the
   * gateway the user chose, so that fetch counts as the user's.
   */
  source?: TargetSource;
  network?: NetworkPolicy;
  /** The probe's run deadline, when the fetch is part of a run. */
  deadline?: ExchangeDeadline;
}
export type FetchRegistrationFileReturnType = RegistrationFetch;

function empty(uri: string, scheme: RegistrationFetch['scheme'], cap: number): RegistrationFetch {
  return { uri, scheme, fetchedUrl: null, exchange: null, dataUri: null, text: null, bytes: 0, cap, truncated: false, json: null, error: null };
}

function parseJson(text: string): RegistrationFetch['json'] {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: errorLine(error) };
  }
}

/**
 * `ipfs://<cid>/<path>` (or the older `ipfs://ipfs/<cid>`) as a gateway URL; null when malformed.
 * The gateway is the user's, so the fetch counts as theirs: the URI, which is data, must not
 * climb out of `/ipfs/<cid>` (with `..`, `%2e%2e` or `\`) to another path of that host.
 */
export function ipfsToGatewayUrl(uri: string, gateway: string = DEFAULT_IPFS_GATEWAY): string | null {
  const rest = uri.slice('ipfs://'.length).replace(/^ipfs\//, '');
  if (!/^[A-Za-z0-9]+(\/[^?#]*)?([?#].*)?$/.test(rest)) return null;
  let base: URL;
  try {
    base = new URL(gateway);
  } catch {
    return null;
  }
  const path = base.pathname.replace(/\/+$/, '');
  const prefix = /\/ipfs$/.test(path) ? path : `${path}/ipfs`;
  const root = `${prefix}/${/^[A-Za-z0-9]+/.exec(rest)![0]}`;
  const mapped = new URL(`${base.origin}${prefix}/${rest}`);
  if (mapped.origin !== base.origin || (mapped.pathname !== root && !mapped.pathname.startsWith(`${root}/`))) return null;
  return mapped.toString();
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Decode a data: URI (base64, or plain with percent-encoding) within the cap. */
function fromDataUri(uri: string, cap: number): RegistrationFetch {
  const out = empty(uri, 'data', cap);
  const comma = uri.indexOf(',');
  if (comma < 0) {
    out.error = { code: 'bad-data-uri', message: 'a data: URI needs a comma before its payload' };
    return out;
  }
  const header = uri.slice('data:'.length, comma);
  const params = header.split(';').map((p) => p.trim());
  const base64 = params.slice(1).some((p) => p.toLowerCase() === 'base64');
  out.dataUri = { mediaType: params[0] || 'text/plain', base64 };
  const payload = uri.slice(comma + 1);
  let bytes: Buffer;
  if (base64) {
    const compact = payload.replace(/\s+/g, '');
    const plain = BASE64.test(compact);
    if (!plain && !BASE64URL.test(compact)) {
      out.error = { code: 'bad-data-uri', message: 'the base64 payload has characters outside the base64 alphabet' };
      return out;
    }
    bytes = Buffer.from(compact, plain ? 'base64' : 'base64url');
  } else {
    try {
      bytes = Buffer.from(decodeURIComponent(payload), 'utf8');
    } catch {
      out.error = { code: 'bad-data-uri', message: 'the payload has a malformed percent-escape' };
      return out;
    }
  }
  out.truncated = bytes.length > cap;
  const kept = out.truncated ? bytes.subarray(0, cap) : bytes;
  out.bytes = kept.length;
  out.text = kept.toString('utf8');
  out.json = out.truncated ? null : parseJson(out.text);
  return out;
}

/**
 * Fetch a registration document the way a careful buyer does: https/http and ipfs:// (through a
 * gateway) with a deadline, a 256 KiB cap and at most 3 redirects, under the network policy
 * (an agentURI is data: public addresses only); data: URIs decoded in place.
 * Never throws: what went wrong is recorded in the result.
 */
export async function fetchRegistrationFile(params: FetchRegistrationFileParameters): Promise<FetchRegistrationFileReturnType> {
  const cap = params.cap ?? REGISTRATION_FILE_CAP;
  const uri = params.uri;
  const trimmed = uri.trim();
  if (trimmed === '') {
    const out = empty(uri, 'empty', cap);
    out.error = { code: 'empty-uri', message: 'the agentURI is empty' };
    return out;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1].toLowerCase() ?? '';
  if (scheme === 'data') return fromDataUri(trimmed, cap);
  let url: string | null;
  let kind: RegistrationFetch['scheme'];
  if (scheme === 'https' || scheme === 'http') {
    kind = scheme;
    url = trimmed;
  } else if (scheme === 'ipfs') {
    kind = 'ipfs';
    url = ipfsToGatewayUrl(trimmed, params.ipfsGateway);
  } else {
    const out = empty(uri, 'unsupported', cap);
    out.error = { code: 'unsupported-scheme', message: `unsupported URI scheme ${JSON.stringify(scheme ? `${scheme}:` : trimmed.slice(0, 20))}` };
    return out;
  }
  const out = empty(uri, kind, cap);
  if (url === null) {
    out.error = { code: 'bad-url', message: 'the ipfs:// URI or the gateway URL is malformed' };
    return out;
  }
  out.fetchedUrl = url;
  const ex = await exchange({
    url,
    headers: { accept: 'application/json' },
    timeoutMs: params.timeoutMs,
    bodyCap: cap,
    maxRedirects: MAX_REDIRECTS,
    dispatcher: params.dispatcher,
    signal: params.signal,
    source: kind === 'ipfs' ? 'user' : (params.source ?? 'data'),
    network: params.network,
    deadline: params.deadline,
  });
  out.exchange = ex;
  if (ex.error?.code === 'forbidden-address') {
    out.error = { code: 'forbidden-address', message: ex.error.message };
    return out;
  }
  // A redirect loop or limit, or a body cut off by the deadline, leaves no document even with a status.
  if (ex.status === null || ex.error) {
    out.error = { code: 'http', message: ex.error ? `${ex.error.code}: ${ex.error.message}` : 'no response' };
    return out;
  }
  out.text = ex.body;
  out.bytes = ex.bodyBytes;
  out.truncated = ex.bodyTruncated;
  out.json = ex.bodyTruncated || ex.bodyIncomplete ? null : parseJson(ex.body);
  return out;
}
