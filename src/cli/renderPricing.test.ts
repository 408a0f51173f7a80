import { describe, expect, it } from 'vitest';
import { costFloor } from '../obol/costFloor.js';
import { priceResearch } from '../obol/marketPricing.js';
import { renderPricing } from './renderPricing.js';

const inputs = { watts: '300', energyPrice: '0.20', tokensPerRequest: 1000 };
const floor = costFloor({ tokens: 100, durationNs: 2_000_000_000, ...inputs });
const measurement = { ok: true as const, api: 'ollama' as const, model: 'qwen3:8b', tokens: 100, durationNs: 2_000_000_000, timing: 'reported' as const, tokensPerSecond: 50, wallMs: 2100 };

describe('renderPricing', () => {
  it('a thin class with a measured floor: class band, thin line, guideline labelled as such, floor, candidates', () => {
    const text = renderPricing(priceResearch({ services: [], band: null, type: 'inference', model: 'qwen3:8b', measurement, floor }), inputs);
    expect(text).toMatchInlineSnapshot(`
      "
      Pricing qwen3:8b (8b, class 4–14B)
        class 4–14B band: no priced service in this class
        thin class: 0 comparable services of 4–14B (fewer than 3): the guideline and the cost floor decide
        guideline LLM 4–14B: 0.001 – 0.005 USDC per request (guideline from obol's monetize-guide table, not a market price)
        guideline compute-heavy GPU hours: 0.10 – 1.00 USDC per hour, for a per-hour price
        measured: qwen3:8b, 100 tokens at 50 tokens/s (Ollama's eval_duration)
        cost floor: 0.000334 USDC per request (1000 tokens = 20 s at 300 W and 0.20 USD/kWh), 0.333334 USDC per 1M tokens
        candidates: 0.001 · 0.003 · 0.005 USDC per request (low · middle · high, from the guideline)
        the user picks the price; x402-probe never sets one.
      "
    `);
  });

  it('a failed measurement is one red line with its message id, and names no floor', () => {
    const failed = { ok: false as const, api: 'openai' as const, model: 'liar:8b', messageId: 'bad-tokens' as const, message: 'POST /v1/chat/completions reported usage.completion_tokens -4, not a positive whole number of tokens', wallMs: 3 };
    const text = renderPricing(priceResearch({ services: [], band: null, type: 'inference', model: 'liar:8b', measurement: failed }), inputs);
    expect(text).toContain('measurement of liar:8b failed (bad-tokens): POST /v1/chat/completions reported usage.completion_tokens -4');
    expect(text).not.toContain('cost floor:');
  });

  it('unmeasured: shows the defaults --measure would cost at; an HTTP service gets the data-API row', () => {
    expect(renderPricing(priceResearch({ services: [], band: null, type: 'inference' }), inputs)).toContain('cost floor: not measured; --measure runs a short generation (it loads the model) and costs it at 300 W, 0.20 USD/kWh, 1000 tokens per request');
    const http = renderPricing(priceResearch({ services: [], band: null, type: 'http' }), inputs);
    expect(http).toContain('Pricing an HTTP service');
    expect(http).toContain('guideline data API or indexer: 0.0001 – 0.001 USDC per request');
  });
});
