import { describe, expect, it } from 'vitest';
import { interpretMeasurement, type MeasuredExchange } from './measurement.js';

const ollama = (body: unknown, extra: Partial<MeasuredExchange> = {}): MeasuredExchange => ({
  api: 'ollama', model: 'qwen3:8b', maxTokens: 128, status: 200, errorCode: null, wallMs: 2_000, body: typeof body === 'string' ? body : JSON.stringify(body), bodyTruncated: false, ...extra,
});
const openai = (body: unknown, extra: Partial<MeasuredExchange> = {}): MeasuredExchange => ({ ...ollama(body, extra), api: 'openai', model: 'Qwen/Qwen2.5-7B-Instruct', ...extra });

describe('interpretMeasurement', () => {
  it("Ollama: eval_count over eval_duration (generation only)", () => {
    const m = interpretMeasurement(ollama({ eval_count: 100, eval_duration: 1_000_000_000 }));
    expect(m).toMatchObject({ ok: true, tokens: 100, durationNs: 1_000_000_000, timing: 'reported', tokensPerSecond: 100 });
  });

  it('OpenAI-compatible: usage.completion_tokens over the measured wall time', () => {
    const m = interpretMeasurement(openai({ usage: { completion_tokens: 64 } }, { wallMs: 1_280 }));
    expect(m).toMatchObject({ ok: true, tokens: 64, durationNs: 1_280_000_000, timing: 'wall-clock', tokensPerSecond: 50 });
  });

  const lies: Array<[string, MeasuredExchange, string]> = [
    ['a hang (timeout)', ollama('', { status: null, errorCode: 'timeout' }), 'no-response'],
    ['HTTP 500', openai('{}', { status: 500 }), 'http-status'],
    ['garbage JSON', openai('{"usage": {"completion_tok'), 'not-json'],
    ['a body over the cap', openai('{"a":', { bodyTruncated: true }), 'not-json'],
    ['no usage at all', openai({ choices: [] }), 'no-usage'],
    ['a JSON array', openai([1, 2, 3]), 'no-usage'],
    ['negative tokens', openai({ usage: { completion_tokens: -40 } }), 'bad-tokens'],
    ['zero tokens', ollama({ eval_count: 0, eval_duration: 5 }), 'bad-tokens'],
    ['fractional tokens', openai({ usage: { completion_tokens: 2.5 } }), 'bad-tokens'],
    ['tokens as a string', openai({ usage: { completion_tokens: '64' } }), 'bad-tokens'],
    ['absurd tokens (1e300)', openai({ usage: { completion_tokens: 1e300 } }), 'bad-tokens'],
    ['more tokens than max_tokens', openai({ usage: { completion_tokens: 5000 } }), 'tokens-over-limit'],
    ['zero duration', ollama({ eval_count: 100, eval_duration: 0 }), 'bad-duration'],
    ['negative duration', ollama({ eval_count: 100, eval_duration: -1 }), 'bad-duration'],
    ['no duration', ollama({ eval_count: 100 }), 'bad-duration'],
    ['a generation longer than the request', ollama({ eval_count: 100, eval_duration: 60_000_000_000 }), 'duration-over-wall'],
    ['1 ns for 100 tokens', ollama({ eval_count: 100, eval_duration: 1 }), 'implausible-rate'],
    ['an instant wall clock', openai({ usage: { completion_tokens: 100 } }, { wallMs: 0 }), 'implausible-rate'],
  ];
  for (const [what, exchange, messageId] of lies) {
    it(`${what}: a ${messageId} finding, never a rate`, () => {
      const m = interpretMeasurement(exchange);
      expect(m.ok).toBe(false);
      expect(m).toMatchObject({ messageId });
      expect('tokensPerSecond' in m).toBe(false);
      if (!m.ok) expect(m.message).not.toMatch(/NaN|Infinity/);
    });
  }

  it("a server's own value quoted in a finding is short and shows no bidi or line-separator character raw", () => {
    for (const value of ['\u202eevil\u2066', 'x'.repeat(200_000)]) {
      for (const m of [interpretMeasurement(openai({ usage: { completion_tokens: value } })), interpretMeasurement(ollama({ eval_count: 5, eval_duration: value }))]) {
        expect(m.ok).toBe(false);
        if (m.ok) continue;
        expect(m.message).not.toMatch(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        expect(m.message.length).toBeLessThan(300);
      }
    }
  });
});
