import { describe, expect, it } from 'vitest';
import { offerExpectations } from '../obol/expectations.js';
import { advertisedPrices, perRequestAtomic } from './prices.js';

describe('advertisedPrices', () => {
  const service = (raw: Record<string, unknown>) => ({ index: 0, raw, field: 'services' });

  it('reads the listed service first, then the file, then metadata', () => {
    const doc = { price: '0.5', metadata: { x402: { price: '0.7' } } };
    expect(advertisedPrices(doc, service({ price: '$0.01' })).prices).toEqual([{ path: 'services.0.price', model: 'perRequest', value: '0.01' }]);
    expect(advertisedPrices(doc, service({})).prices[0]).toMatchObject({ path: 'price', value: '0.5' });
    expect(advertisedPrices({ metadata: { x402: { price: '0.7 USDC' } } }, null).prices[0]).toMatchObject({ path: 'metadata.x402.price', value: '0.7' });
  });

  it('reads obol-stack price objects and atomic amounts', () => {
    const found = advertisedPrices({ pricing: { perRequest: '0.001', perMTok: '0.5' } }, null).prices.map((p) => p.model);
    expect(found).toEqual(['perRequest', 'perMTok']);
    expect(advertisedPrices({ price: { amount: '1000', asset: 'USDC' } }, null).prices[0]).toMatchObject({ model: 'atomic', value: '1000', asset: 'USDC' });
  });

  it('reports price fields it cannot read', () => {
    const advert = advertisedPrices({ price: 'cheap' }, null);
    expect(advert.prices).toEqual([]);
    expect(advert.unreadable).toEqual([{ path: 'price', raw: 'cheap' }]);
  });
});

describe('perRequestAtomic', () => {
  it('converts with obol-stack\'s approximations, rounding to nearest', () => {
    expect(perRequestAtomic({ path: 'p', model: 'perRequest', value: '0.001' }, 6)).toBe(1000n);
    expect(perRequestAtomic({ path: 'p', model: 'perMTok', value: '0.5' }, 6)).toBe(500n);
    expect(perRequestAtomic({ path: 'p', model: 'perMTok', value: '0.0005' }, 6)).toBe(1n);
    expect(perRequestAtomic({ path: 'p', model: 'perHour', value: '1.2' }, 6)).toBe(100000n);
    expect(perRequestAtomic({ path: 'p', model: 'atomic', value: '42' }, 6)).toBe(42n);
  });

  it('charges what the ServiceOffer check expects for the same price, at the rounding edges too', () => {
    const edges = [
      ['perMTok', '0.00049999999999999'], // 0.49999999999999 atomic exactly; obol's 16-place division makes it 0.5 → 1
      ['perHour', '0.000005999999999999'],
      ['perRequest', '0.0000155'], // an exact half obol's 128-bit float rounds down
      ['perMTok', '0.0155'],
      ['perRequest', '0.0000000000000000000001'], // more digits than atomic units plus 12
      ['perMTok', '123456789012345678901234567890'],
    ] as const;
    for (const [model, value] of edges) {
      const offer = offerExpectations({ network: 'base-sepolia', payTo: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', price: { [model]: value } });
      expect(perRequestAtomic({ path: 'p', model, value }, 6)?.toString(), `${model} ${value}`).toBe(offer.amount);
    }
    expect(perRequestAtomic({ path: 'p', model: 'perMTok', value: '0.00049999999999999' }, 6)).toBe(1n);
    expect(perRequestAtomic({ path: 'p', model: 'perRequest', value: '0.0000155' }, 6)).toBe(15n);
  });
});
