import { type Dispatcher, errors } from 'undici';
import type { Cancellation } from './cancellation.js';

/** Response headers and trailers as undici parses them (names lower-cased). */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** How one response's body ended: whole, cut at the cap, or broken off (`error`). */
export interface BodyOutcome {
  chunks: Buffer[];
  received: number;
  truncated: boolean;
  trailers?: ResponseHeaders;
  error?: unknown;
}

export interface DispatchedHop {
  /** Resolves when the response head is in; rejects when the request fails before that. */
  response: Promise<{ statusCode: number; headers: ResponseHeaders }>;
  /** Settles (never rejects) once the body has ended, been cut at `bodyCap`, or failed. */
  body: Promise<BodyOutcome>;
  /** Stop reading: the body is not wanted (a redirect), or no longer awaited. */
  abandon(): void;
}

export interface DispatchOnceParameters {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  bodyCap: number;
}

/**
 * One request through undici's handler interface, without the Readable stream and the promise
 * that `request()` builds for every response: a scan makes eight exchanges a target, and those
 * were a tenth of the CPU of the thread that makes them. The body is kept up to `bodyCap` bytes;
 * `cancel` aborts the request at any point (before a socket too: it is aborted as it starts).
 */
export function dispatchOnce(dispatcher: Dispatcher, params: DispatchOnceParameters, cancel: Cancellation): DispatchedHop {
  let controller: Dispatcher.DispatchController | undefined;
  let headed = false;
  let ended = false;
  const outcome: BodyOutcome = { chunks: [], received: 0, truncated: false };
  let resolveResponse!: (head: { statusCode: number; headers: ResponseHeaders }) => void;
  let rejectResponse!: (error: unknown) => void;
  let resolveBody!: (outcome: BodyOutcome) => void;
  const response = new Promise<{ statusCode: number; headers: ResponseHeaders }>((resolve, reject) => {
    resolveResponse = resolve;
    rejectResponse = reject;
  });
  // Whoever stops waiting early (the caller's own timer race) must not leave a rejection unhandled.
  response.catch(() => {});
  const body = new Promise<BodyOutcome>((resolve) => (resolveBody = resolve));

  const finish = (error?: unknown) => {
    if (ended) return;
    ended = true;
    cancel.off('abort', onCancel);
    if (error !== undefined) outcome.error = error;
    if (!headed) rejectResponse(error ?? new Error('the request ended without a response'));
    resolveBody(outcome);
  };
  const stop = (reason?: unknown) => {
    if (!controller?.aborted) controller?.abort(reason instanceof Error ? reason : new Error('x402-probe stopped reading'));
  };
  function onCancel() {
    stop(cancel.reason);
    finish(cancel.reason);
  }
  // dispatch() would tunnel a CONNECT and hand the socket to an upgrade handler; request() refused it, and so do we.
  if (cancel.aborted || params.method === 'CONNECT') {
    finish(cancel.aborted ? cancel.reason : new errors.InvalidArgumentError('invalid method'));
    return { response, body, abandon: () => {} };
  }
  cancel.once('abort', onCancel);

  const url = new URL(params.url);
  try {
    dispatcher.dispatch(
      { origin: url.origin, path: `${url.pathname}${url.search}`, method: params.method as Dispatcher.HttpMethod, headers: params.headers, body: params.body },
      {
        onRequestStart(c) {
          controller = c;
          // Cancelled or abandoned before undici got to it: it is dropped unsent.
          if (ended) stop(cancel.reason);
        },
        onResponseStart(_c, statusCode, headers) {
          // undici hands informational answers (102, 103 Early Hints) to the handler too; the answer is the one that follows.
          if (statusCode < 200) return;
          headed = true;
          resolveResponse({ statusCode, headers: headers as ResponseHeaders });
        },
        onResponseData(_c, chunk) {
          if (ended) return;
          const room = params.bodyCap - outcome.received;
          if (chunk.length > room) {
            outcome.chunks.push(chunk.subarray(0, room));
            outcome.received += room;
            outcome.truncated = true;
            finish();
            stop();
            return;
          }
          outcome.chunks.push(chunk);
          outcome.received += chunk.length;
        },
        onResponseEnd(_c, trailers) {
          if (!ended) outcome.trailers = trailers as ResponseHeaders;
          finish();
        },
        onResponseError(_c, error) {
          finish(error);
        },
      },
    );
  } catch (error) {
    finish(error);
  }
  return {
    response,
    body,
    abandon() {
      finish();
      stop();
    },
  };
}
