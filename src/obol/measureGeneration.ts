/**
 * One short, bounded generation on a model to measure its speed: Ollama's non-streaming
 * /api/generate (eval_count, eval_duration) or an OpenAI-compatible /v1/chat/completions (usage,
 * timed here). Opt-in, because it loads the model; bounded in tokens and in time.
 */
import { exchange } from '../gather/http.js';
import { DEFAULT_MEASURE_TIMEOUT_MS, DEFAULT_MEASURE_TOKENS, interpretMeasurement, MAX_MEASURE_TOKENS, type MeasureApi, type Measurement } from './measurement.js';
import { openAiBase } from './openAiModels.js';
const MEASURE_BODY_CAP = 256 * 1024;
const PROMPT = 'Describe the sea in a short paragraph.';

export interface MeasureGenerationParameters {
  api: MeasureApi;
  /** Ollama's base URL, or the OpenAI-compatible server's (with or without /v1). */
  url: string;
  model: string;
  /** num_predict / max_tokens (default 128). */
  maxTokens?: number;
  /** The whole measurement's time bound, in ms. */
  timeoutMs?: number;
}

export async function measureGeneration(params: MeasureGenerationParameters): Promise<Measurement> {
  const maxTokens = Math.min(params.maxTokens ?? DEFAULT_MEASURE_TOKENS, MAX_MEASURE_TOKENS);
  const ollama = params.api === 'ollama';
  const url = ollama ? `${params.url.replace(/\/+$/, '')}/api/generate` : `${openAiBase(params.url)}/chat/completions`;
  const body = ollama
    ? { model: params.model, prompt: PROMPT, stream: false, options: { num_predict: maxTokens, temperature: 0 } }
    : { model: params.model, messages: [{ role: 'user', content: PROMPT }], max_tokens: maxTokens, stream: false, temperature: 0 };
  const res = await exchange({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    timeoutMs: params.timeoutMs ?? DEFAULT_MEASURE_TIMEOUT_MS,
    bodyCap: MEASURE_BODY_CAP,
    maxRedirects: 0,
    source: 'user',
  });
  return interpretMeasurement({
    api: params.api,
    model: params.model,
    maxTokens,
    status: res.status,
    errorCode: res.error?.code ?? null,
    wallMs: res.timings.totalMs,
    body: res.body,
    bodyTruncated: res.bodyTruncated,
  });
}
