import { describe, expect, it } from 'vitest';
import { BASE_SEPOLIA_USDC, challengeOf, v1PaymentRequired, v1Requirement, v1Response, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { missingOffer, OFFER_PAY_TO, offerArtifact } from '../../../test/obol/offerArtifact.js';
import { check, meta } from './spec-agrees.js';

const OTHER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const challengeWith = (...requirements: Record<string, unknown>[]) => challengeOf(v2Response(v2PaymentRequired(requirements.map((r) => v2Requirement({ payTo: OFFER_PAY_TO, ...r })))));
const price = (p: Record<string, string>) => offerArtifact({ payment: { scheme: 'exact', network: 'base-sepolia', payTo: OFFER_PAY_TO, price: p } });

describe(meta.id, () => {
  it('passes when the 402 charges what the spec says, perMTok and perHour translated as obol does', () => {
    const out = check({ offer: price({ perMTok: '0.5' }), challenge: challengeWith({ amount: '500' }) });
    expect([out.status, out.messageId]).toEqual(['pass', 'agrees']);
    expect(check({ offer: price({ perHour: '0.06' }), challenge: challengeWith({ amount: '5000' }) }).status).toBe('pass');
    expect(check({ offer: price({ perRequest: '0.001', perMTok: '9' }), challenge: challengeWith({ amount: '1000' }) }).status).toBe('pass');
  });

  it("accepts obol's legacy duplicate entries and a v1 challenge", () => {
    const dup = challengeWith({ amount: '500', network: 'eip155:84532' }, { amount: '500', network: 'base-sepolia' });
    expect(check({ offer: price({ perMTok: '0.5' }), challenge: dup }).status).toBe('pass');
    const v1 = challengeOf(v1Response(v1PaymentRequired([v1Requirement({ maxAmountRequired: '500', payTo: OFFER_PAY_TO })])));
    expect(check({ offer: price({ perMTok: '0.5' }), challenge: v1 }).status).toBe('pass');
  });

  it('fails a price that disagrees, naming a known misreading', () => {
    const out = check({ offer: price({ perMTok: '0.5' }), challenge: challengeWith({ amount: '10000' }) });
    expect([out.status, out.messageId]).toEqual(['fail', 'priceMismatch']);
    expect(out.evidence).toContain('"10000"');
    const python = check({ offer: price({ perHour: '0.06' }), challenge: challengeWith({ amount: '60000' }) });
    expect(python.messageId).toBe('priceMismatch');
    expect(python.message).toContain('Python reconciler');
    expect(check({ offer: price({ perMTok: '0.5' }), challenge: challengeWith({ amount: '500000' }) }).message).toContain('without the ÷1000');
  });

  it('fails a payTo, network or asset that disagrees', () => {
    expect(check({ offer: price({ perMTok: '0.5' }), challenge: challengeWith({ amount: '500', payTo: OTHER }) }).messageId).toBe('payToMismatch');
    expect(check({ offer: price({ perMTok: '0.5' }), challenge: challengeWith({ amount: '500', network: 'eip155:8453' }) }).messageId).toBe('networkMismatch');
    expect(check({ offer: price({ perMTok: '0.5' }), challenge: challengeWith({ amount: '500', asset: OTHER }) }).messageId).toBe('assetMismatch');
    const custom = offerArtifact({ payment: { network: 'base-sepolia', payTo: OFFER_PAY_TO, price: { perRequest: '0.001' }, asset: { address: OTHER, decimals: 6 } } });
    expect(check({ offer: custom, challenge: challengeWith({ amount: '1000', asset: BASE_SEPOLIA_USDC }) }).messageId).toBe('assetMismatch');
    expect(check({ offer: custom, challenge: challengeWith({ amount: '1000', asset: OTHER }) }).status).toBe('pass');
  });

  it('fails a spec it cannot price and a 402 with no requirements; skips without an offer', () => {
    expect(check({ offer: price({}), challenge: challengeWith({ amount: '500' }) }).messageId).toBe('specIncomplete');
    const out = check({ offer: price({ perMTok: '0.5' }), challenge: challengeOf(v2Response(v2PaymentRequired([]))) });
    expect([out.status, out.messageId]).toEqual(['fail', 'noRequirements']);
    expect(check({ offer: missingOffer('not-found', 'gone'), challenge: challengeWith({}) }).status).toBe('skip');
  });
});
