import { describe, expect, it } from 'vitest';
import { challengePerMTok } from './market.js';

describe('challengePerMTok', () => {
  it('divides the amount by the seller\'s tokens per request', () => {
    // 1000 atomic USDC (0.001) at 1000 tokens a request is 1 USDC per 1M tokens.
    expect(challengePerMTok('1000', 6, 1000)).toBe('1');
    expect(challengePerMTok('1000', 6, 500)).toBe('2');
  });

  it('a hostile seller\'s tokens per request (a fraction rounding to 0, Infinity, NaN, a string) falls back to obol\'s default instead of throwing', () => {
    const fallback = challengePerMTok('1000', 6, undefined);
    for (const hostile of [0.4, Number.POSITIVE_INFINITY, JSON.parse('1e400'), Number.NaN, '1000', -5]) expect(challengePerMTok('1000', 6, hostile), String(hostile)).toBe(fallback);
  });
});
