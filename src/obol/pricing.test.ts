import { describe, expect, it } from 'vitest';
import { offerExpectations } from './expectations.js';
import { atomicCharge, describePrice, effectivePrice } from './pricing.js';

const atomic = (price: unknown, decimals = 6) => atomicCharge(effectivePrice(price), decimals).toString();

describe('obol pricing translation', () => {
  it.each([
    [{ perRequest: '0.001' }, 'perRequest', '0.001', '1000'],
    [{ perMTok: '0.5' }, 'perMTok', '0.0005', '500'],
    [{ perHour: '0.06' }, 'perHour', '0.005', '5000'],
    [{ perRequest: '1' }, 'perRequest', '1', '1000000'],
    [{ perMTok: '2' }, 'perMTok', '0.002', '2000'],
    [{ perHour: '1.2' }, 'perHour', '0.1', '100000'],
  ])('%j charges %s → %s → %s atomic', (price, model, perRequest, amount) => {
    const p = effectivePrice(price);
    expect([p.model, p.perRequest, atomicCharge(p, 6).toString()]).toEqual([model, perRequest, amount]);
  });

  it('follows obol precedence perRequest > perMTok > perHour, ignoring empty fields', () => {
    expect(effectivePrice({ perHour: '0.06', perMTok: '0.5', perRequest: '0.001' }).model).toBe('perRequest');
    expect(effectivePrice({ perHour: '0.06', perMTok: '0.5' }).model).toBe('perMTok');
    expect(effectivePrice({ perRequest: '', perHour: '0.06' }).model).toBe('perHour');
    expect(effectivePrice({ perEpoch: '3' }).model).toBeNull();
    expect(effectivePrice(undefined).model).toBeNull();
  });

  it('rounds as obol does: 16-place division half up, then half up to atomic units', () => {
    // 0.01 × 5/60 = 0.000833… → 833.33 atomic → 833
    expect(atomic({ perHour: '0.01' })).toBe('833');
    expect(effectivePrice({ perHour: '0.01' }).perRequest).toBe('0.0008333333333333');
    // 0.0005 ÷ 1000 = 0.0000005 → 0.5 atomic → 1 (half up, not half even)
    expect(atomic({ perMTok: '0.0005' })).toBe('1');
    expect(atomic({ perMTok: '0.0004' })).toBe('0');
    expect(atomic({ perRequest: '0.0000015' })).toBe('2');
  });

  it('marks a non-decimal winning field invalid (obol charges 0) instead of falling through', () => {
    const p = effectivePrice({ perRequest: 'cheap', perMTok: '0.5' });
    expect([p.model, p.invalid, p.perRequest]).toEqual(['perRequest', true, '0']);
    expect(effectivePrice({ perMTok: '-1' }).invalid).toBe(true);
    expect(describePrice(effectivePrice({ perMTok: '0.5' }))).toBe('perMTok 0.5 ÷ 1000 tokens/request');
  });
});

describe('offerExpectations', () => {
  const PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

  it('derives amount, payTo, CAIP-2 network and the chain USDC from spec.payment', () => {
    const e = offerExpectations({ scheme: 'exact', network: 'base-sepolia', payTo: PAY_TO, price: { perMTok: '0.5' } });
    expect(e).toMatchObject({ amount: '500', priceDecimal: '0.0005', payTo: PAY_TO, caip2: 'eip155:84532', assetSource: 'chain-usdc', symbol: 'USDC', decimals: 6, problems: [] });
    expect(e.asset?.toLowerCase()).toBe('0x036cbd53842c5426634e7929541ec2318f3dcf7e');
    expect(offerExpectations({ network: 'base', payTo: PAY_TO, price: { perRequest: '0.001' } }).caip2).toBe('eip155:8453');
  });

  it('uses spec.payment.asset when set, and lists what the spec lacks', () => {
    const custom = '0x0B010000b7624eb9B3DfBC279673C76E9D29D5F7';
    const e = offerExpectations({ network: 'base', payTo: PAY_TO, price: { perRequest: '1' }, asset: { address: custom, symbol: 'OBOL', decimals: 18 } });
    expect([e.asset, e.assetSource, e.amount]).toEqual([custom, 'spec', '1000000000000000000']);
    const bad = offerExpectations({ network: 'narnia', payTo: '0x12', price: {} });
    expect(bad.problems).toHaveLength(3);
    expect(bad.amount).toBeNull();
  });
});
