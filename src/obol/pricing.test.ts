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

  // Recorded from obol-stack's own path: shopspring/decimal 1.2 for the per-request price
  // (payment.go), then Go 1.19 math/big at 128 bits for atomic units (chains.go decimalToAtomic).
  it.each([
    // exact halves: Go's binary value of the decimal lands below the half for some of them
    ['perRequest', '0.0000155', 6, '0.0000155', '15'],
    ['perMTok', '0.0155', 6, '0.0000155', '15'],
    ['perRequest', '0.0000625', 6, '0.0000625', '62'],
    ['perRequest', '0.0000025', 6, '0.0000025', '3'],
    ['perMTok', '0.0015', 6, '0.0000015', '2'],
    // the 16-place division decides: exactly these are 0.49999999999999 and 0.4999999999999916 atomic
    ['perMTok', '0.00049999999999999', 6, '0.0000005', '1'],
    ['perHour', '0.000005999999999999', 6, '0.0000005', '1'],
    // …even for an 18-decimal token, where 0.5 atomic units would otherwise survive
    ['perMTok', '0.0000000000000005', 18, '0', '0'],
    // tiny
    ['perMTok', '0.000000001', 6, '0.000000000001', '0'],
    ['perMTok', '0.000000001', 18, '0.000000000001', '1000000'],
    ['perRequest', '0.000000000000000000001', 6, '0.000000000000000000001', '0'],
    ['perRequest', '0.0000000000000000015', 18, '0.0000000000000000015', '2'],
    // huge: 128 bits keep about 38 digits; the rest is the binary value's
    ['perMTok', '1000000000000', 6, '1000000000', '1000000000000000'],
    ['perHour', '123456789.123456789', 6, '10288065.76028806575', '10288065760288'],
    ['perRequest', '98765432109876543210987654321098765.4321', 6, '98765432109876543210987654321098765.4321', '98765432109876543210987654321098765432320'],
  ] as const)('%s %s at %i decimals is %s per request, %s atomic (as obol-stack computes it)', (model, value, decimals, perRequest, amount) => {
    const p = effectivePrice({ [model]: value });
    expect([p.perRequest, atomicCharge(p, decimals).toString()]).toEqual([perRequest, amount]);
  });

  it('charges a per-MTok price for the tokens a seller declares instead of 1000', () => {
    expect(atomicCharge(effectivePrice({ perMTok: '0.5' }, 2000), 6)).toBe(1000n);
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
