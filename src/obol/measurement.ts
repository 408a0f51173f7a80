/**
 * What a measured generation says about a model's speed, judged from the recorded exchange. Pure:
 * the I/O is in measureGeneration.ts. A server that hangs, answers garbage or lies about its usage
 * gets a finding with a message id, never a rate: no NaN or Infinity reaches the cost floor.
 */

/** The measured run's bounds: tokens generated (num_predict / max_tokens) and time. */
export const DEFAULT_MEASURE_TOKENS = 128;
export const MAX_MEASURE_TOKENS = 4096;
export const DEFAULT_MEASURE_TIMEOUT_MS = 120_000;
/** Models one preflight --measure runs: each run loads a model, so a long list is cut. */
export const MAX_MEASURED_MODELS = 5;

/** The two APIs a model is measured through. */
export type MeasureApi = 'ollama' | 'openai';

/** The facts of one measured request, as recorded. */
export interface MeasuredExchange {
  api: MeasureApi;
  model: string;
  /** The token bound sent (num_predict / max_tokens). */
  maxTokens: number;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  /** The exchange's error code (timeout, deadline, refused, …), if it failed. */
  errorCode: string | null;
  /** Wall-clock time of the whole request, in milliseconds. */
  wallMs: number;
  /** The response body (capped), as text. */
  body: string;
  bodyTruncated: boolean;
}

export type MeasurementMessageId =
  | 'no-response'
  | 'http-status'
  | 'not-json'
  | 'no-usage'
  | 'bad-tokens'
  | 'tokens-over-limit'
  | 'bad-duration'
  | 'duration-over-wall'
  | 'implausible-rate';

export type Measurement =
  | {
      ok: true;
      api: MeasureApi;
      model: string;
      tokens: number;
      durationNs: number;
      /** reported: Ollama's eval_duration (generation only); wall-clock: the whole request, prompt and any model load included (a lower rate, so a higher floor). */
      timing: 'reported' | 'wall-clock';
      tokensPerSecond: number;
      wallMs: number;
    }
  | { ok: false; api: MeasureApi; model: string; messageId: MeasurementMessageId; message: string; wallMs: number };

/** Faster than this on one request is a lie or a cache, not a measurement. */
export const MAX_PLAUSIBLE_TOKENS_PER_SECOND = 100_000;
/** Clock slack allowed between the server's eval_duration and the request's wall time. */
const WALL_SLACK_NS = 100_000_000;

function fail(x: MeasuredExchange, messageId: MeasurementMessageId, message: string): Measurement {
  return { ok: false, api: x.api, model: x.model, messageId, message, wallMs: x.wallMs };
}

/**
 * A value the server sent, as a finding quotes it: JSON (control characters escaped), then the
 * bidi and line-separator characters JSON leaves raw escaped too, cut to a line's length.
 */
function quoted(value: unknown): string {
  const text = (JSON.stringify(value) ?? String(value)).replace(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);
  return text.length > 80 ? `${text.slice(0, 80)}… (${text.length} chars)` : text;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

export function interpretMeasurement(x: MeasuredExchange): Measurement {
  const what = x.api === 'ollama' ? 'POST /api/generate' : 'POST /v1/chat/completions';
  if (x.status === null) return fail(x, 'no-response', `${what} got no answer (${x.errorCode ?? 'no response'}) within the measurement's time bound`);
  if (x.status !== 200) return fail(x, 'http-status', `${what} answered HTTP ${x.status}`);
  let doc: unknown;
  try {
    doc = JSON.parse(x.body);
  } catch {
    return fail(x, 'not-json', `${what} did not answer JSON${x.bodyTruncated ? ' (the body was over the size cap)' : ''}`);
  }
  const record = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
  const usage = record.usage && typeof record.usage === 'object' ? (record.usage as Record<string, unknown>) : null;
  const tokens = x.api === 'ollama' ? record.eval_count : usage?.completion_tokens;
  const field = x.api === 'ollama' ? 'eval_count' : 'usage.completion_tokens';
  if (tokens === undefined || tokens === null) return fail(x, 'no-usage', `${what} reported no ${field}: the generation rate cannot be measured`);
  if (!isCount(tokens)) return fail(x, 'bad-tokens', `${what} reported ${field} ${quoted(tokens)}, not a positive whole number of tokens`);
  if (tokens > x.maxTokens) return fail(x, 'tokens-over-limit', `${what} reported ${tokens} tokens, more than the ${x.maxTokens} asked for: the count is not believable`);
  let durationNs: number;
  let timing: 'reported' | 'wall-clock';
  if (x.api === 'ollama') {
    const reported = record.eval_duration;
    if (!isCount(reported)) return fail(x, 'bad-duration', `${what} reported eval_duration ${quoted(reported ?? null)}, not a positive number of nanoseconds`);
    if (reported > x.wallMs * 1e6 + WALL_SLACK_NS) return fail(x, 'duration-over-wall', `${what} reported ${reported / 1e6} ms of generation in a request that took ${Math.round(x.wallMs)} ms`);
    durationNs = reported;
    timing = 'reported';
  } else {
    durationNs = Math.max(1, Math.round(x.wallMs * 1e6));
    timing = 'wall-clock';
  }
  const tokensPerSecond = (tokens * 1e9) / durationNs;
  if (tokensPerSecond > MAX_PLAUSIBLE_TOKENS_PER_SECOND) return fail(x, 'implausible-rate', `${what} implies ${Math.round(tokensPerSecond)} tokens/s (${tokens} tokens in ${durationNs} ns): not a believable generation rate`);
  return { ok: true, api: x.api, model: x.model, tokens, durationNs, timing, tokensPerSecond: Math.round(tokensPerSecond * 100) / 100, wallMs: Math.round(x.wallMs) };
}
