/** The local Ollama a seller would sell: where it is, and which models it has (GET /api/tags). */
import { exchange } from '../gather/http.js';
import { hasUnsafeText } from '../util/unsafeText.js';

const DEFAULT_OLLAMA_URL = 'http://localhost:11434';

export interface OllamaModel {
  name: string;
  /** Bytes on disk. */
  size: number | null;
  /** `523 MB`, as `ollama list` shows it. */
  sizeText: string | null;
  /** details.parameter_size, e.g. `751.63M`. */
  parameterSize: string | null;
  /** details.quantization_level, e.g. `Q4_K_M`. */
  quantization: string | null;
}

/**
 * The Ollama base URL: --ollama, else OLLAMA_HOST (which Ollama accepts as `host`, `host:port`
 * or a URL, and `0.0.0.0` for "all interfaces"), else localhost:11434.
 */
export function ollamaBaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const fromEnv = flag === undefined;
  const raw = (flag ?? env.OLLAMA_HOST ?? '').trim();
  if (!raw) return DEFAULT_OLLAMA_URL;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  const withScheme = hasScheme ? raw : `http://${raw}`;
  const explicitPort = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]*\]|[^/:?#]*):\d+/i.test(withScheme);
  try {
    const url = new URL(withScheme);
    if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
    // Ollama reads OLLAMA_HOST=host as http://host:11434, but a URL with a scheme keeps its default port.
    if (fromEnv && !hasScheme && !explicitPort) url.port = '11434';
    return url.toString().replace(/\/+$/, '');
  } catch {
    return withScheme.replace(/\/+$/, '');
  }
}

function sizeText(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.round(bytes / 1e3)} KB`;
}

/** Control and bidi characters: an Ollama on the LAN is a server like any other, and its tags are shown in a terminal. */
const str = (v: unknown) => (typeof v === 'string' && v !== '' && !hasUnsafeText(v) ? v : null);

export async function ollamaModels(url: string, timeoutMs: number): Promise<{ url: string; models: OllamaModel[] } | { error: string }> {
  const base = url.replace(/\/+$/, '');
  const res = await exchange({ url: `${base}/api/tags`, timeoutMs });
  if (res.status === null) return { error: `Ollama at ${base} did not answer (${res.error?.code ?? 'no response'})` };
  if (res.status !== 200) return { error: `Ollama at ${base} answered GET /api/tags with HTTP ${res.status}` };
  let list: unknown;
  try {
    list = (JSON.parse(res.body) as { models?: unknown }).models;
  } catch {
    return { error: `${base}/api/tags did not answer JSON: is this Ollama?` };
  }
  if (!Array.isArray(list)) return { error: `${base}/api/tags has no models list: is this Ollama?` };
  // A model whose name would rewrite the terminal is left out, as openAiModels leaves such ids out.
  const named = list.filter((m: Record<string, any>) => str(m?.name) ?? str(m?.model));
  const models = named.map((m: Record<string, any>): OllamaModel => {
    const size = typeof m?.size === 'number' ? m.size : null;
    return {
      name: str(m?.name) ?? str(m?.model) ?? '?',
      size,
      sizeText: size === null ? null : sizeText(size),
      parameterSize: str(m?.details?.parameter_size),
      quantization: str(m?.details?.quantization_level),
    };
  });
  return { url: base, models };
}
