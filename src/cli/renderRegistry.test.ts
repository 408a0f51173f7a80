import { describe, expect, it } from 'vitest';
import type { MarketResult } from '../registry/market.js';
import { renderMarket, visible } from './renderRegistry.js';

describe('visible', () => {
  it('escapes terminal controls and bidi overrides from registration files', () => {
    expect(visible('evil\x1b[2Jname\u202e')).toBe('evil\\x1b[2Jname\\u202e');
  });
});

describe('renderMarket', () => {
  const result: MarketResult = {
    chainId: 84532,
    registry: '0x8004A818BFB912233c491871b3d84c89A494BD9e',
    agents: 3,
    x402Agents: 2,
    excluded: { inactive: 1, 'endpoint unreachable': 1 },
    services: [
      { agentId: '1', agentName: 'a\x1bgent', service: 'web', endpoint: 'https://a.example/v1/chat/completions', type: 'inference', model: 'm', status: 'priced', httpStatus: 402, method: 'POST', x402Version: 2, network: 'eip155:84532', asset: '0x036CbD53842c5426634e7929541eC2318f3dCF7e', symbol: 'USDC', amount: '1000', perRequest: '0.001', perMTok: '1', perMTokSource: 'challenge', advertised: null, error: null, trust: { validations: { count: 2, average: 95 }, validatedBy: null, reputation: { count: '3', average: '4.5' }, error: null } },
      { agentId: '2', agentName: 'b', service: 'web', endpoint: 'https://b.example/x', type: 'inference', model: 'm', status: 'unreachable', httpStatus: null, method: 'GET', x402Version: null, network: null, asset: null, symbol: null, amount: null, perRequest: null, perMTok: null, perMTokSource: null, advertised: null, error: 'refused', trust: null },
    ],
    band: { count: 1, min: '0.001', q1: '0.001', median: '0.001', q3: '0.001', max: '0.001', symbol: 'USDC' },
    bandPerMTok: null,
    validationDeployed: true,
    validatedBy: null,
  };

  it('lists priced services, the unpriced ones apart, and the band with how many services it rests on', () => {
    const text = renderMarket(result, { model: 'm' });
    expect(text).toContain('a\\x1bgent');
    expect(text).not.toContain('\x1b');
    expect(text).toContain('1 services gave no price');
    expect(text).toContain('Left out: 1 inactive');
    expect(text).toContain('per request:   0.001 – 0.001 USDC (median 0.001; range 0.001 – 0.001; from 1 service)');
    expect(text).toContain('treat the band as a hint');
    expect(text).toContain('it never sets a price');
  });

  it('shows validations and feedback per service, and says a missing Validation registry is normal', () => {
    const text = renderMarket(result, { model: 'm' });
    expect(text).toMatch(/validations\s+feedback/);
    expect(text).toContain('2 @ 95');
    expect(text).toContain('3 @ 4.5');
    expect(renderMarket({ ...result, validationDeployed: false })).toContain('No Validation registry on this chain: normal');
    expect(renderMarket({ ...result, validatedBy: '0x8004A818BFB912233c491871b3d84c89A494BD9e' })).toContain('validated (by)');
  });
});
