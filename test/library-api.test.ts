/**
 * The library API (src/index.ts) as a user imports it: each command's engine is there by name,
 * and the pure ones answer without a network.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('the library API', () => {
  it('exports the engine of each command by name', () => {
    for (const name of ['probe', 'run', 'decodeChallenge', 'startSandbox', 'probeOffer', 'inspectAgent', 'scanMarket', 'validateAgent', 'leaveFeedback', 'priceResearch', 'modelParameterSize']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('prices a candidate from its model size alone when there are no comparables', () => {
    const research = api.priceResearch({ services: [], band: null, type: 'inference', model: 'qwen3:8b' });
    expect(research.recommendation).not.toBeNull();
    expect(api.parameterSizeFromName('qwen3:8b')?.billions).toBe(8);
  });
});
