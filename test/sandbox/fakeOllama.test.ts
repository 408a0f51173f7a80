import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../../src/sandbox/fakeOllama.js';

let ollama: FakeOllama;

beforeAll(async () => {
  ollama = await startFakeOllama({ models: ['qwen3:0.6b', 'llama3.2:1b'] });
});

afterAll(async () => {
  await ollama?.close();
});

const post = (path: string, body: unknown) => fetch(`${ollama.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('fake Ollama', () => {
  it('answers the health and listing endpoints', async () => {
    expect(await (await fetch(`${ollama.url}/`)).text()).toBe('Ollama is running');
    expect(await (await fetch(`${ollama.url}/health`)).json()).toEqual({ status: 'ok' });
    const tags = (await (await fetch(`${ollama.url}/api/tags`)).json()) as { models: { name: string }[] };
    expect(tags.models.map((m) => m.name)).toEqual(['qwen3:0.6b', 'llama3.2:1b']);
    const models = (await (await fetch(`${ollama.url}/v1/models`)).json()) as { object: string; data: { id: string }[] };
    expect(models).toMatchObject({ object: 'list', data: [{ id: 'qwen3:0.6b' }, { id: 'llama3.2:1b' }] });
  });

  it('chats deterministically in both the native and the OpenAI shapes', async () => {
    const messages = [{ role: 'user', content: 'ping' }];
    const native = await (await post('/api/chat', { model: 'qwen3:0.6b', messages, stream: false })).json();
    expect(native).toMatchObject({ model: 'qwen3:0.6b', message: { role: 'assistant', content: 'Echo: ping' }, done: true });
    const first = await (await post('/v1/chat/completions', { model: 'llama3.2:1b', messages })).json();
    const second = await (await post('/v1/chat/completions', { model: 'llama3.2:1b', messages })).json();
    expect(first).toEqual(second);
    expect(first).toMatchObject({ object: 'chat.completion', choices: [{ message: { content: 'Echo: ping' }, finish_reason: 'stop' }] });
    expect(await (await post('/api/generate', { model: 'qwen3:0.6b', prompt: 'pong' })).json()).toMatchObject({ response: 'Echo: pong', done: true });
  });

  it('refuses unknown models and bad bodies like Ollama does', async () => {
    const missing = await post('/api/chat', { model: 'nope:1b', messages: [] });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'model "nope:1b" not found, try pulling it first' });
    const bad = await fetch(`${ollama.url}/api/chat`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect((await fetch(`${ollama.url}/nowhere`)).status).toBe(404);
  });

  it('records the requests it served', () => {
    expect(ollama.requests).toContainEqual({ method: 'POST', path: '/v1/chat/completions' });
  });
});
