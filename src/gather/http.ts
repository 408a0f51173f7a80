import { brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';
import type { Agent, Dispatcher } from 'undici';
import { errorLine } from '../util/errorLine.js';
import type { HttpError, HttpErrorCode, HttpExchange, RedirectHop } from '../artifacts/index.js';
import { createDispatcher, DEFAULT_HEADER_CAP, DEFAULT_TIMEOUT_MS } from './dispatcher.js';
import { defaultNetworkPolicy, FORBIDDEN_ADDRESS_CODE, type NetworkPolicy, publicOnlyJudge, refusalReason, type TargetSource } from './network.js';
import type { ExchangeDeadline } from './deadline.js';
import { Cancellation } from './cancellation.js';
import { type BodyOutcome, dispatchOnce, type ResponseHeaders } from './dispatchOnce.js';
import { PROBE_ACCEPT, PROBE_USER_AGENT } from './requestHeaders.js';

export { createDispatcher, DEFAULT_HEADER_CAP, DEFAULT_TIMEOUT_MS } from './dispatcher.js';
export const DEFAULT_BODY_CAP = 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

/**
 * The only request headers sent to another origin on a redirect: the probe's own, what it needs
 * to be answered at all, whatever the caller set them to. Everything the caller set (every -H
 * header, an Accept or User-Agent of its own included, cookies, API keys, Authorization, payment
 * headers) stays with the origin it was meant for.
 */
const CROSS_ORIGIN_HEADERS: Readonly<Record<string, string>> = { accept: PROBE_ACCEPT, 'user-agent': PROBE_USER_AGENT };

export interface ExchangeParameters {
  url: string;
  method?: string;
  /** Request headers (any case). */
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  bodyCap?: number;
  maxRedirects?: number;
  /** The pool to use; one built by `createDispatcher` (with the header cap) by default. */
  dispatcher?: Dispatcher;
  /** Cancels the exchange (recorded as a timeout-like `other` error). */
  signal?: AbortSignal;
  /** Who chose `url` (default `user`): a `data` URL is connected only at public addresses. */
  source?: TargetSource;
  /** The run's network policy (default: private addresses refused for data, the system resolver). */
  network?: NetworkPolicy;
  /**
   * The run deadline: the exchange gets at most the time left, is not sent once it has passed,
   * and is recorded with the error code `deadline` (not `timeout`) when the deadline cuts it.
   */
  deadline?: ExchangeDeadline;
}

let sharedDispatcher: Agent | null = null;
function defaultDispatcher(): Agent {
  sharedDispatcher ??= createDispatcher();
  return sharedDispatcher;
}

const TLS_CODES = /CERT|SSL|TLS|UNABLE_TO_VERIFY|SELF_SIGNED|ERR_TLS/i;

/** Map a Node/undici error to a stable code. */
export function classifyError(error: unknown, timedOut: boolean): HttpError {
  const e = error as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.code ?? e?.cause?.code ?? '';
  const text = `${code ? `${code}: ` : ''}${e?.message ?? String(error)}${e?.cause?.message && e.cause.message !== e.message ? ` (${e.cause.message})` : ''}`;
  let kind: HttpErrorCode = 'other';
  if (code === FORBIDDEN_ADDRESS_CODE) return { code: 'forbidden-address', message: e.message ?? '' };
  if (timedOut || e?.name === 'AbortError' || /TIMEOUT/.test(code)) kind = 'timeout';
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') kind = 'dns';
  else if (code === 'ECONNREFUSED') kind = 'refused';
  else if (code === 'UND_ERR_HEADERS_OVERFLOW') kind = 'headers-too-large';
  else if (TLS_CODES.test(code) || /certificate|ssl/i.test(e?.message ?? '')) kind = 'tls';
  else if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') kind = 'reset';
  // undici's HTTPParserError often has no code: a non-HTTP service (SSH, TLS) on the port.
  else if (code.startsWith('HPE_') || e?.name === 'HTTPParserError' || code === 'UND_ERR_INFO' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') kind = 'protocol';
  else if (code === 'ERR_INVALID_URL' || code === 'UND_ERR_INVALID_ARG') kind = 'invalid-url';
  return { code: kind, message: errorLine(text) };
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): { headers: Record<string, string>; bytes: number } {
  const headers: Record<string, string> = {};
  let bytes = 0;
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(', ') : value;
    headers[name.toLowerCase()] = joined;
    bytes += name.length + joined.length + 4;
  }
  return { headers, bytes };
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function decompress(bytes: Buffer, encoding: string | undefined, cap: number): { data: Buffer; truncated: boolean } {
  const enc = (encoding ?? '').trim().toLowerCase();
  // Sync flush: a body cut at the cap still inflates as far as it goes.
  const options = { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH };
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return { data: gunzipSync(bytes, options), truncated: false };
    if (enc === 'deflate') return { data: inflateSync(bytes, options), truncated: false };
    if (enc === 'br') return { data: brotliDecompressSync(bytes, options), truncated: false };
  } catch (error) {
    // Larger than the cap once inflated (a decompression bomb) or not valid compressed data.
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return { data: Buffer.alloc(0), truncated: true };
    return { data: bytes, truncated: false };
  }
  return { data: bytes, truncated: false };
}

/** What a cross-origin hop sends; name (never show) every header of the caller's that it does not carry as it was. */
function crossOriginHeaders(headers: Record<string, string>, carriesBody: boolean): { kept: Record<string, string>; dropped: string[] } {
  const kept: Record<string, string> = { ...CROSS_ORIGIN_HEADERS };
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (carriesBody && name === 'content-type') kept[name] = value;
    else if (CROSS_ORIGIN_HEADERS[name] !== value) dropped.push(name);
  }
  return { kept, dropped: dropped.sort() };
}

/**
 * Make one HTTP exchange the way a careful buyer does: a total deadline, a body cap, a header
 * cap (in the dispatcher), at most `maxRedirects` redirects with loop detection, every caller
 * header but a carried body's Content-Type dropped on cross-origin hops (which send the probe's
 * own Accept and User-Agent), and the network policy applied at every hop (a refused hop is a
 * `forbidden-address` error, never a request). It never throws: failures are recorded in `error`.
 */
export async function exchange(params: ExchangeParameters): Promise<HttpExchange> {
  const timeoutMs = params.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const bodyCap = params.bodyCap ?? DEFAULT_BODY_CAP;
  const maxRedirects = params.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const dispatcher = params.dispatcher ?? defaultDispatcher();
  const network = params.network ?? defaultNetworkPolicy();
  const mustBePublic = publicOnlyJudge(params.url, params.source ?? 'user', network);
  const method = (params.method ?? 'GET').toUpperCase();
  const sentHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(params.headers ?? {})) sentHeaders[k.toLowerCase()] = v;
  const started = performance.now();
  const result: HttpExchange = {
    request: { url: params.url, method, headers: { ...sentHeaders }, bodyBytes: params.body ? Buffer.byteLength(params.body) : 0 },
    finalUrl: params.url,
    redirects: [],
    status: null,
    headers: {},
    headerBytes: 0,
    body: '',
    bodyBytes: 0,
    bodyTruncated: false,
    bodyIncomplete: false,
    timings: { headersMs: null, totalMs: 0 },
    limits: { timeoutMs, bodyCap, headerCap: DEFAULT_HEADER_CAP, maxRedirects },
    error: null,
  };

  // One timer for both limits, so which one cut the exchange is never a race between two.
  const left = params.deadline ? params.deadline.remainingMs() : Number.POSITIVE_INFINITY;
  const cutByDeadline = left <= timeoutMs;
  const cancel = new Cancellation();
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      cancel.abort();
    },
    cutByDeadline ? Math.max(1, Math.ceil(left)) : timeoutMs,
  );
  const failure = (error: unknown): HttpError =>
    timedOut && cutByDeadline
      ? { code: 'deadline', message: `cut by the run deadline after ${Math.round(performance.now() - started)} ms` }
      : classifyError(error, timedOut);
  const onOuterAbort = () => cancel.abort();
  // A signal that fired before the call dispatches no event: look at it, or the exchange runs in full.
  if (params.signal?.aborted) cancel.abort();
  else params.signal?.addEventListener('abort', onOuterAbort, { once: true });
  // undici acts on an abort only once a request has a socket: while the connection is being made
  // (a lookup, a TCP connect or a TLS handshake that hangs) only its connect timeout would end it.
  // So dispatchOnce stops waiting at our own timer; the request is dropped unsent if it ever gets a socket.

  let url = params.url;
  let from: string | null = null;
  let currentMethod = method;
  let body: string | undefined = params.body;
  let headers = { ...sentHeaders };
  const visited = new Set<string>();
  try {
    try {
      new URL(url);
    } catch {
      result.error = { code: 'invalid-url', message: `not an absolute URL: ${url}` };
      return result;
    }
    if (left <= 0) {
      result.error = { code: 'deadline', message: 'not sent: the run deadline had passed' };
      return result;
    }
    for (;;) {
      visited.add(`${currentMethod} ${url}`);
      const publicOnly = mustBePublic(from);
      let response: { statusCode: number; headers: ResponseHeaders };
      const sent = dispatchOnce(publicOnly ? network.publicOnly : dispatcher, { url, method: currentMethod, headers, body, bodyCap }, cancel);
      try {
        response = await sent.response;
      } catch (error) {
        sent.abandon();
        result.error = failure(error);
        if (result.error.code === 'forbidden-address') {
          result.error.message = `${result.error.message}; ${refusalReason(params.source ?? 'user')} (--allow-private)`;
        }
        return result;
      }
      const location = response.headers.location;
      const isRedirect = response.statusCode >= 300 && response.statusCode < 400 && location !== undefined;
      if (!isRedirect) {
        result.status = response.statusCode;
        result.finalUrl = url;
        const flat = flattenHeaders(response.headers);
        result.headers = flat.headers;
        result.headerBytes = flat.bytes;
        result.timings.headersMs = Math.round(performance.now() - started);
        recordBody(await sent.body, result, bodyCap, failure);
        return result;
      }
      sent.abandon();
      let next: string;
      try {
        next = new URL(Array.isArray(location) ? location[0] : String(location), url).toString();
      } catch {
        result.status = response.statusCode;
        result.error = { code: 'bad-redirect', message: `unusable Location header: ${String(location).slice(0, 200)}` };
        return result;
      }
      const crossOrigin = origin(next) !== origin(url);
      if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && currentMethod === 'POST')) {
        currentMethod = 'GET';
        body = undefined;
      }
      const hop: RedirectHop = { from: url, to: next, status: response.statusCode, crossOrigin };
      if (crossOrigin) {
        const { kept, dropped } = crossOriginHeaders(headers, body !== undefined);
        headers = kept;
        hop.droppedHeaders = dropped;
      }
      result.redirects.push(hop);
      if (visited.has(`${currentMethod} ${next}`)) {
        result.status = response.statusCode;
        result.finalUrl = next;
        result.error = { code: 'redirect-loop', message: `redirect loop: ${next} was already visited` };
        return result;
      }
      if (result.redirects.length > maxRedirects) {
        result.status = response.statusCode;
        result.finalUrl = next;
        result.error = { code: 'too-many-redirects', message: `more than ${maxRedirects} redirects` };
        return result;
      }
      from = url;
      url = next;
    }
  } finally {
    clearTimeout(timer);
    params.signal?.removeEventListener('abort', onOuterAbort);
    result.timings.totalMs = Math.round(performance.now() - started);
  }
}

function recordTrailers(trailers: ResponseHeaders | undefined, result: HttpExchange): void {
  if (!trailers || Object.keys(trailers).length === 0) return;
  const flat = flattenHeaders(trailers);
  result.trailers = flat.headers;
}

/** The body as it ended (whole, cut at the cap, or broken off), inflated when it was compressed. */
function recordBody(outcome: BodyOutcome, result: HttpExchange, cap: number, failure: (error: unknown) => HttpError): void {
  result.bodyTruncated = outcome.truncated;
  if (outcome.error !== undefined) {
    result.bodyIncomplete = true;
    result.error = failure(outcome.error);
  } else if (!outcome.truncated) {
    // undici hands the trailers over as the body ends; a body cut at the cap never reaches them.
    recordTrailers(outcome.trailers, result);
  }
  let bytes: Buffer = outcome.chunks.length === 1 ? outcome.chunks[0] : Buffer.concat(outcome.chunks);
  if (result.headers['content-encoding']) {
    const inflated = decompress(bytes, result.headers['content-encoding'], cap);
    bytes = inflated.data;
    if (inflated.truncated) result.bodyTruncated = true;
  }
  result.bodyBytes = outcome.received;
  result.body = bytes.toString('utf8');
}
