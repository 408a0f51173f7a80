/**
 * The models an OpenAI-compatible server (vLLM, llama.cpp, LiteLLM, a LAN GPU box) serves,
 * from GET <base>/v1/models. The URL is the user's; what comes back is not trusted: capped in
 * bytes and in entries, and every failure is one line.
 */
import { exchange } from '../gather/http.js';
import { hasUnsafeText } from '../util/unsafeText.js';

/** Entries kept from one server's list; the rest are counted. */
export const MAX_ENDPOINT_MODELS = 50;
const MODELS_BODY_CAP = 512 * 1024;
const MAX_ID_LENGTH = 200;
/** Control and bidi characters: an id carrying them would rewrite the terminal it is shown in. */

export interface EndpointModels {
  /** The API base, ending in /v1. */
  base: string;
  models: string[];
  /** Models listed beyond MAX_ENDPOINT_MODELS. */
  omitted: number;
}

/** `http://gpu:8000` and `http://gpu:8000/v1/` are both the base `http://gpu:8000/v1`. */
export function openAiBase(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return /\/v1$/i.test(trimmed) ? trimmed : `${trimmed}/v1`;
}

export async function openAiModels(url: string, timeoutMs: number): Promise<EndpointModels | { base: string; error: string }> {
  const base = openAiBase(url);
  const res = await exchange({ url: `${base}/models`, timeoutMs, bodyCap: MODELS_BODY_CAP, maxRedirects: 0, source: 'user' });
  if (res.status === null) return { base, error: `${base}/models did not answer (${res.error?.code ?? 'no response'})` };
  if (res.status !== 200) return { base, error: `${base}/models answered HTTP ${res.status}` };
  if (res.bodyTruncated) return { base, error: `${base}/models sent more than ${MODELS_BODY_CAP / 1024} KB: not read` };
  let data: unknown;
  try {
    data = (JSON.parse(res.body) as { data?: unknown })?.data;
  } catch {
    return { base, error: `${base}/models did not answer JSON: is this an OpenAI-compatible server?` };
  }
  if (!Array.isArray(data)) return { base, error: `${base}/models has no data[] list: is this an OpenAI-compatible server?` };
  const ids = data
    .map((m: unknown) => (m && typeof m === 'object' ? (m as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string' && id.trim() !== '' && id.length <= MAX_ID_LENGTH && !hasUnsafeText(id));
  if (ids.length === 0) return { base, error: `${base}/models lists no model` };
  return { base, models: ids.slice(0, MAX_ENDPOINT_MODELS), omitted: Math.max(0, ids.length - MAX_ENDPOINT_MODELS) };
}
