/** HTTP exchanges as the probe recorded them: every request, redirect, limit and failure. */

/** Why an HTTP exchange did not complete normally. */
export type HttpErrorCode =
  | 'invalid-url'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'timeout'
  /** Cut (or never sent) because the run deadline passed, rather than the exchange's own timeout. */
  | 'deadline'
  | 'headers-too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'protocol'
  /** The network policy refused the address (a target from data, or a redirect off a public origin, at a non-public address): nothing was sent. */
  | 'forbidden-address'
  | 'other';

export interface HttpError {
  /** Classified cause. */
  code: HttpErrorCode;
  /** The underlying error text (undici or Node code and message), keys redacted. */
  message: string;
}

/** One redirect that was followed. */
export interface RedirectHop {
  /** The URL that answered with a redirect. */
  from: string;
  /** The absolute URL it pointed to. */
  to: string;
  /** The 3xx status. */
  status: number;
  /** True when `to` has another origin (scheme, host or port) than `from`. */
  crossOrigin: boolean;
  /**
   * On a cross-origin hop: names (lowercased, never values) of the request headers not carried
   * to `to` as they were: every header but a carried body's Content-Type (the hop sends the
   * probe's own Accept and User-Agent, so a caller's other values of those are named too).
   */
  droppedHeaders?: string[];
}

/** The request as it was sent (the first hop). */
export interface SentRequest {
  url: string;
  method: string;
  /** Request headers sent, names lowercased. Payment headers are kept (they hold no key). */
  headers: Record<string, string>;
  /** Size of the request body in bytes (0 for none). */
  bodyBytes: number;
}

/** One HTTP exchange, following redirects, with every limit recorded. */
export interface HttpExchange {
  request: SentRequest;
  /** The URL of the last response (after redirects). */
  finalUrl: string;
  /** Redirects followed, in order. */
  redirects: RedirectHop[];
  /** Status of the last response; null when no response arrived. */
  status: number | null;
  /** Response headers of the last response, names lowercased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Size of the response header block in bytes (names, values and separators). */
  headerBytes: number;
  /** Response body as UTF-8 text (invalid bytes replaced), at most `bodyCap` bytes. */
  body: string;
  /** Bytes of body received (up to the cap). */
  bodyBytes: number;
  /** True when the body was longer than the cap and reading stopped there. */
  bodyTruncated: boolean;
  /** True when the body stopped early because of an error or the deadline after headers arrived. */
  bodyIncomplete: boolean;
  /**
   * HTTP trailers sent after a chunked body (names lowercased, repeated ones joined with ", "),
   * under the header cap. Present only when the body was read to its end and trailers came;
   * a streamed response (obol's SSE proxy) carries its settlement receipt here.
   */
  trailers?: Record<string, string>;
  /** Timings in milliseconds from the start of the first request. */
  timings: { headersMs: number | null; totalMs: number };
  /** The configured timeout (ms) and body cap (bytes), so checks can explain limits. */
  limits: { timeoutMs: number; bodyCap: number; headerCap: number; maxRedirects: number };
  /** Why the exchange failed, if it did. A response with an error status is not an error. */
  error: HttpError | null;
}
