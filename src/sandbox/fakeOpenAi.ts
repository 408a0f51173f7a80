import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, listenLoopback, readBody, sendJson } from './httpServer.js';

/**
 * A fake OpenAI-compatible model server, shaped like vLLM on a LAN GPU box: GET /v1/models,
 * POST /v1/chat/completions (non-streaming, with usage), GET /health. No /api/tags: it is not
 * Ollama. Answers are deterministic; each completion takes `msPerToken` per generated token of
 * real time, so a measured run's wall-clock rate is about 1000 / msPerToken tokens per second.
 */
export interface FakeOpenAiServer {
  /** http://127.0.0.1:PORT (no /v1). */
  url: string;
  port: number;
  /** Completion requests seen, with the max_tokens each asked for. */
  completions: { model: string; maxTokens: unknown }[];
  close(): Promise<void>;
}

export interface StartFakeOpenAiParameters {
  /** Model ids served (default ["Qwen/Qwen2.5-7B-Instruct"]). */
  models?: string[];
  /** Tokens generated when max_tokens does not bound it (default 48). */
  answerTokens?: number;
  /** Real time per generated token (default 2 ms). */
  msPerToken?: number;
}

const CREATED_UNIX = 1767225600;
const MAX_BODY_BYTES = 256 * 1024;

export async function startFakeOpenAi(parameters: StartFakeOpenAiParameters = {}): Promise<FakeOpenAiServer> {
  const models = parameters.models ?? ['Qwen/Qwen2.5-7B-Instruct'];
  const answerTokens = parameters.answerTokens ?? 48;
  const msPerToken = parameters.msPerToken ?? 2;
  const completions: FakeOpenAiServer['completions'] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, {});
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: CREATED_UNIX, owned_by: 'vllm', root: id, max_model_len: 32768 })) });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') return sendJson(res, 404, { detail: 'Not Found' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8')) as Record<string, unknown>;
    } catch (error) {
      return sendJson(res, error instanceof BodyTooLargeError ? 413 : 400, { object: 'error', message: 'invalid request body', code: 400 });
    }
    const model = typeof body.model === 'string' ? body.model : '';
    completions.push({ model, maxTokens: body.max_tokens });
    if (!models.includes(model)) return sendJson(res, 404, { object: 'error', message: `The model \`${model}\` does not exist.`, type: 'NotFoundError', code: 404 });
    const limit = typeof body.max_tokens === 'number' && Number.isSafeInteger(body.max_tokens) && body.max_tokens > 0 ? body.max_tokens : answerTokens;
    const generated = Math.min(answerTokens, limit);
    await new Promise((resolve) => setTimeout(resolve, generated * msPerToken));
    const content = Array.from({ length: generated }, (_, i) => `w${i}`).join(' ');
    return sendJson(res, 200, {
      id: `chatcmpl-fake-${completions.length}`,
      object: 'chat.completion',
      created: CREATED_UNIX,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: generated < answerTokens ? 'length' : 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: generated, total_tokens: 12 + generated },
    });
  };

  const server = await listenLoopback((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { object: 'error', message: 'internal error' });
      else res.destroy();
    });
  });
  return { url: server.origin, port: server.port, completions, close: server.close };
}
