import { describe, expect, it } from 'vitest';
import type { MarketService } from '../registry/market.js';
import { costFloor } from './costFloor.js';
import { priceResearch, serviceSizeClass } from './marketPricing.js';
import { parameterSizeFromName } from './modelSize.js';

const USDC = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';
let next = 0;
function service(perRequest: string, extra: Partial<MarketService> = {}): MarketService {
  next += 1;
  return {
    agentId: String(next), agentName: `agent ${next}`, service: 'chat', endpoint: `https://seller${next}.example/v1/chat/completions`, type: 'inference', model: null, parameterSize: null,
    status: 'priced', httpStatus: 402, method: 'POST', x402Version: 2, network: 'eip155:84532', asset: USDC, symbol: 'USDC',
    amount: String(Math.round(Number(perRequest) * 1e6)), perRequest, perMTok: null, perMTokSource: null, advertised: null, error: null, trust: null, ...extra,
  };
}
/** 50 tokens/s at 300 W, 0.20 USD/kWh, 1000 tokens per request: 0.000334 USDC per request. */
const floor = costFloor({ tokens: 100, durationNs: 2_000_000_000, watts: '300', energyPrice: '0.20', tokensPerRequest: 1000 });
const size8b = parameterSizeFromName('qwen3:8b');

describe('serviceSizeClass', () => {
  it('reads the model, then the declared size, then the service and agent names', () => {
    expect(serviceSizeClass(service('0.001', { model: 'llama3.1:70b' }))).toBe('over-40b');
    expect(serviceSizeClass(service('0.001', { parameterSize: '8B' }))).toBe('4b-14b');
    expect(serviceSizeClass(service('0.001', { parameterSize: '751.63M' }))).toBe('under-4b');
    expect(serviceSizeClass(service('0.001', { service: 'qwen-32b-chat' }))).toBe('14b-40b');
    expect(serviceSizeClass(service('0.001', { agentName: 'Tiny 1.5B helper' }))).toBe('under-4b');
    expect(serviceSizeClass(service('0.001'))).toBeNull();
    expect(serviceSizeClass(service('0.001', { type: 'http', model: 'qwen3:8b' }))).toBeNull();
  });
});

describe('priceResearch', () => {
  const market = [
    service('0.002', { model: 'qwen3:8b' }),
    service('0.003', { model: 'llama3.1:8b' }),
    service('0.004', { model: 'mistral:7b' }),
    service('0.001', { model: 'qwen3:0.6b' }),
    service('0.05', { model: 'llama3.1:70b' }),
    service('0.01'),
  ];
  const overall = { count: 6, min: '0.001', q1: '0.00225', median: '0.0035', q3: '0.00875', max: '0.05', symbol: 'USDC' };

  it('gives the class band beside the overall one and recommends from it when the class has 3 or more services', () => {
    const p = priceResearch({ services: market, band: overall, type: 'inference', model: 'qwen3:8b' });
    expect(p.candidate).toMatchObject({ sizeClass: '4b-14b', sizeClassLabel: '4–14B', parameterSize: { billions: 8 } });
    expect(p.classes.map((c) => [c.id, c.count])).toEqual([['under-4b', 1], ['4b-14b', 3], ['14b-40b', 0], ['over-40b', 1]]);
    expect(p.unsizedCount).toBe(1);
    expect(p.classBand).toMatchObject({ count: 3, q1: '0.0025', median: '0.003', q3: '0.0035' });
    expect(p.thin).toBe(false);
    expect(p.guideline).toMatchObject({ id: 'llm-4b-14b', min: '0.001', max: '0.005', note: expect.stringContaining('not a market price') });
    expect(p.recommendation).toEqual({ basis: 'class-band', low: '0.0025', median: '0.003', high: '0.0035', symbol: 'USDC', raisedToFloor: false });
  });

  it('a thin class (under 3) says so and falls back to the guideline', () => {
    const p = priceResearch({ services: market, band: overall, type: 'inference', model: 'llama3.1:70b-instruct-q4_K_M' });
    expect(p).toMatchObject({ thin: true, classBand: { count: 1 }, guideline: { id: 'llm-over-14b' } });
    expect(p.recommendation).toMatchObject({ basis: 'guideline', low: '0.005', median: '0.0125', high: '0.02' });
  });

  it('an empty market (the young testnet registry): the guideline and the floor decide', () => {
    const p = priceResearch({ services: [], band: null, type: 'inference', model: 'qwen3:0.6b', floor });
    expect(p).toMatchObject({ thin: true, classBand: null, belowFloor: null, guideline: { id: 'llm-under-4b' } });
    expect(p.recommendation).toMatchObject({ basis: 'guideline', low: '0.0005', median: '0.00125', high: '0.002', raisedToFloor: false });
  });

  it('band below floor: the market is cheaper than serving costs, so it says so and no candidate goes below the floor', () => {
    const cheap = [service('0.0001', { model: 'a:8b' }), service('0.0002', { model: 'b:8b' }), service('0.0003', { model: 'c:8b' })];
    const p = priceResearch({ services: cheap, band: null, type: 'inference', size: size8b, floor });
    expect(p.belowFloor).toBe(true);
    expect(p.recommendation).toEqual({ basis: 'class-band', low: '0.000334', median: '0.000334', high: '0.000334', symbol: 'USDC', raisedToFloor: true });
  });

  it('a floor inside the band raises only the candidates under it, keeping low ≤ middle ≤ high', () => {
    const high = costFloor({ tokens: 100, durationNs: 2_000_000_000, watts: '300', energyPrice: '0.20', tokensPerRequest: 8000 }); // 0.002667
    const p = priceResearch({ services: market, band: overall, type: 'inference', model: 'qwen3:8b', floor: high });
    expect(p.belowFloor).toBe(false);
    expect(p.recommendation).toMatchObject({ low: '0.002667', median: '0.003', high: '0.0035', raisedToFloor: true });
  });

  it('no size and no market: only the floor is left; with nothing at all, no recommendation', () => {
    expect(priceResearch({ services: [], band: null, type: 'inference', floor }).recommendation).toMatchObject({ basis: 'floor', median: '0.000334' });
    expect(priceResearch({ services: [], band: null, type: 'inference' }).recommendation).toBeNull();
  });

  it('an HTTP service is priced against the data-API row, with no size class', () => {
    const p = priceResearch({ services: [], band: null, type: 'http' });
    expect(p).toMatchObject({ candidate: { sizeClass: null }, guideline: { id: 'data-api', min: '0.0001', max: '0.001' }, gpuHourGuideline: null });
  });
});
