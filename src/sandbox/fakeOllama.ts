import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, listenLoopback, readBody, sendJson } from './httpServer.js';

/**
 * A fake Ollama (native and OpenAI-compatible API) for tests and the sandbox sellers: no model
 * runs, every answer is a deterministic function of the request. Surface: GET / ("Ollama is
 * running"), GET /api/tags, POST /api/chat, POST /api/generate, POST /api/pull, GET /v1/models,
 * POST /v1/chat/completions, GET /health. Answers are single JSON documents, except a chat completion
 * asked with `"stream": true`, which streams OpenAI-style SSE chunks ending in `data: [DONE]`.
 */
export interface FakeOllama {
  /** http://127.0.0.1:PORT (no trailing slash), the value for an upstream setting. */
  url: string;
  port: number;
  /** Requests seen so far, oldest first (the last 1000). */
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

export interface StartFakeOllamaParameters {
  /** Model names served (default ["qwen3:0.6b"]); a request naming another model gets Ollama's 404. */
  models?: string[];
}

/** Reported generation time per token (1000 tokens/s): a fixed rate, so a measured run's floor is deterministic. */
export const FAKE_EVAL_NS_PER_TOKEN = 1_000_000;

/** details.parameter_size as Ollama reports it: qwen3:0.6b's real figure, else read off the tag (`8b` is `8.0B`). */
function parameterSizeOf(name: string): string {
  if (name === 'qwen3:0.6b') return '751.63M';
  const match = /:(\d+(?:\.\d+)?)b\b/i.exec(name);
  return match ? `${Number(match[1]).toFixed(1)}B` : '751.63M';
}

/** A token bound (num_predict, max_tokens) when it is a positive integer. */
function limitOf(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : Number.POSITIVE_INFINITY;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** A fixed clock keeps answers byte-identical between runs. */
const CREATED_AT = '2026-01-01T00:00:00Z';
const CREATED_UNIX = 1767225600;

interface ChatMessage {
  role?: string;
  content?: unknown;
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The deterministic "completion": the last user message, echoed. */
function answerFor(messages: ChatMessage[] | undefined, prompt?: unknown): string {
  const lastUser = [...(messages ?? [])].reverse().find((m) => m?.role === 'user');
  const text = typeof lastUser?.content === 'string' ? lastUser.content : typeof prompt === 'string' ? prompt : '';
  return text ? `Echo: ${text.slice(0, 2000)}` : 'Hello from the x402-probe sandbox model.';
}

function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Ollama's OpenAI-compatible stream: a role chunk, the content word by word, a stop chunk, [DONE]. */
function streamCompletion(res: ServerResponse, id: string, model: string, content: string): void {
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: CREATED_UNIX, model, system_fingerprint: 'fp_ollama', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk({ role: 'assistant', content: '' }, null));
  for (const word of content.split(/(?<= )/)) res.write(chunk({ content: word }, null));
  res.write(chunk({}, 'stop'));
  res.end('data: [DONE]\n\n');
}

export async function startFakeOllama(parameters: StartFakeOllamaParameters = {}): Promise<FakeOllama> {
  const models = parameters.models ?? ['qwen3:0.6b'];
  const requests: { method: string; path: string }[] = [];

  const modelFrom = (body: Record<string, unknown>, res: ServerResponse): string | null => {
    const model = typeof body.model === 'string' && body.model ? body.model : models[0];
    if (models.includes(model)) return model;
    sendJson(res, 404, { error: `model "${model}" not found, try pulling it first` });
    return null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method, path });
    if (requests.length > 1000) requests.shift();

    if (method === 'GET' || method === 'HEAD') {
      if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(method === 'HEAD' ? undefined : 'Ollama is running');
        return;
      }
      if (path === '/health') return sendJson(res, 200, { status: 'ok' });
      if (path === '/api/tags') {
        return sendJson(res, 200, {
          models: models.map((name) => ({
            name,
            model: name,
            modified_at: CREATED_AT,
            size: 522653767,
            digest: digestOf(name),
            details: { parent_model: '', format: 'gguf', family: name.split(':')[0], families: [name.split(':')[0]], parameter_size: parameterSizeOf(name), quantization_level: 'Q4_K_M' },
          })),
        });
      }
      if (path === '/v1/models') return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: CREATED_UNIX, owned_by: 'library' })) });
      return sendJson(res, 404, { error: '404 page not found' });
    }
    if (method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' });

    let body: Record<string, unknown>;
    try {
      const raw = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
      const parsed: unknown = raw.trim() ? JSON.parse(raw) : {};
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('not an object');
      body = parsed as Record<string, unknown>;
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: error.message });
      return sendJson(res, 400, { error: 'invalid JSON body' });
    }
    const messages = Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : undefined;

    if (path === '/api/pull') return sendJson(res, 200, { status: 'success' });
    if (path === '/api/chat' || path === '/api/generate') {
      const model = modelFrom(body, res);
      if (!model) return;
      const content = answerFor(messages, body.prompt);
      const options = body.options && typeof body.options === 'object' ? (body.options as Record<string, unknown>) : {};
      const evalCount = Math.min(tokens(content), limitOf(options.num_predict));
      const evalDuration = evalCount * FAKE_EVAL_NS_PER_TOKEN;
      const timing = { total_duration: evalDuration + 600_000, load_duration: 100_000, prompt_eval_count: tokens(JSON.stringify(messages ?? body.prompt ?? '')), eval_count: evalCount, eval_duration: evalDuration };
      if (path === '/api/chat') return sendJson(res, 200, { model, created_at: CREATED_AT, message: { role: 'assistant', content }, done_reason: 'stop', done: true, ...timing });
      return sendJson(res, 200, { model, created_at: CREATED_AT, response: content, done: true, done_reason: 'stop', ...timing });
    }
    if (path === '/v1/chat/completions') {
      const model = modelFrom(body, res);
      if (!model) return;
      const content = answerFor(messages);
      const promptTokens = tokens(JSON.stringify(messages ?? ''));
      const completionTokens = Math.min(tokens(content), limitOf(body.max_tokens));
      const id = `chatcmpl-${digestOf(JSON.stringify(body)).slice(0, 12)}`;
      if (body.stream === true) return streamCompletion(res, id, model, content);
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created: CREATED_UNIX,
        model,
        system_fingerprint: 'fp_ollama',
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      });
    }
    return sendJson(res, 404, { error: '404 page not found' });
  };

  const server = await listenLoopback((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  return { url: server.origin, port: server.port, requests, close: server.close };
}
