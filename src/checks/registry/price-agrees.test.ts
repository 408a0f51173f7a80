import { describe, expect, it } from 'vitest';
import { challengeOf, target, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { fetched, registrationDoc, URL } from '../../../test/registry/artifacts.js';
import { check, meta } from './price-agrees.js';

const run = (doc: Record<string, unknown>, amount = '10000', extra?: Record<string, unknown>) =>
  check({
    target: target(),
    challenge: challengeOf(v2Response(v2PaymentRequired([v2Requirement({ amount, ...(extra ? { extra: { name: 'USDC', version: '2', ...extra } } : {}) })]))),
    registryFile: fetched(doc),
  });

describe(meta.id, () => {
  it('passes when the service, file or metadata price matches the 402 amount', () => {
    const out = run(registrationDoc({ services: [{ name: 'web', endpoint: URL, price: '0.01' }] }));
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('agrees');
    expect(run(registrationDoc({ pricing: { perRequest: '$0.01' } })).status).toBe('pass');
    expect(run(registrationDoc({ metadata: { x402: { price: '0.01 USDC' } } })).status).toBe('pass');
    expect(run(registrationDoc({ price: { amount: '10000', asset: '0x036CbD53842c5426634e7929541eC2318f3dCF7e' } })).status).toBe('pass');
  });

  it('reads per-MTok prices with obol-stack\'s 1000 tokens a request', () => {
    expect(run(registrationDoc({ pricing: { perMTok: '0.5' } }), '500').status).toBe('pass');
    expect(run(registrationDoc({ pricing: { perMTok: '0.5' } }), '1000', { approxTokensPerRequest: 2000 }).status).toBe('pass');
    expect(run(registrationDoc({ pricing: { perMTok: '0.5' } }), '5000').status).toBe('fail');
  });

  it('fails a lying price', () => {
    const out = run(registrationDoc({ services: [{ name: 'web', endpoint: URL, price: '0.001' }] }));
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('mismatch');
  });

  it('prefers the listed service\'s price over the file\'s', () => {
    const doc = registrationDoc({ price: '0.5', services: [{ name: 'web', endpoint: URL, pricing: { perRequest: '0.01' } }] });
    expect(run(doc).status).toBe('pass');
  });

  it('skips when no price is advertised and warns when it cannot be read', () => {
    expect(run(registrationDoc()).messageId).toBe('noPrice');
    expect(run(registrationDoc()).status).toBe('skip');
    expect(run(registrationDoc({ price: 'cheap' })).status).toBe('warn');
  });
});
