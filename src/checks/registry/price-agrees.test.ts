import { challengeOf, target, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { fetched, registrationDoc, URL } from '../../../test/registry/artifacts.js';
import * as priceAgrees from './price-agrees.js';

const judged = (doc: Record<string, unknown>, amount = '10000', extra?: Record<string, unknown>, requirement: Record<string, unknown> = {}) => ({
  target: target(),
  challenge: challengeOf(v2Response(v2PaymentRequired([v2Requirement({ amount, ...(extra ? { extra: { name: 'USDC', version: '2', ...extra } } : {}), ...requirement })]))),
  registryFile: fetched(doc),
});

checkTester(priceAgrees, {
  valid: [
    { name: "the listed service's price", artifacts: judged(registrationDoc({ services: [{ name: 'web', endpoint: URL, price: '0.01' }] })), messageId: 'agrees' },
    { name: "the file's pricing", artifacts: judged(registrationDoc({ pricing: { perRequest: '$0.01' } })) },
    { name: 'the metadata price', artifacts: judged(registrationDoc({ metadata: { x402: { price: '0.01 USDC' } } })) },
    { name: 'an atomic price in the asset', artifacts: judged(registrationDoc({ price: { amount: '10000', asset: '0x036CbD53842c5426634e7929541eC2318f3dCF7e' } })) },
    { name: "per-MTok, with obol-stack's 1000 tokens a request", artifacts: judged(registrationDoc({ pricing: { perMTok: '0.5' } }), '500') },
    { name: 'per-MTok, with the tokens a request the requirement states', artifacts: judged(registrationDoc({ pricing: { perMTok: '0.5' } }), '1000', { approxTokensPerRequest: 2000 }) },
    { name: "the listed service's price over the file's", artifacts: judged(registrationDoc({ price: '0.5', services: [{ name: 'web', endpoint: URL, pricing: { perRequest: '0.01' } }] })) },
  ],
  invalid: [
    { name: 'a lying price', artifacts: judged(registrationDoc({ services: [{ name: 'web', endpoint: URL, price: '0.001' }] })), status: 'fail', messageId: 'mismatch' },
    { name: 'another per-MTok price', artifacts: judged(registrationDoc({ pricing: { perMTok: '0.5' } }), '5000'), status: 'fail', messageId: 'mismatch' },
    { name: 'a price that cannot be read', artifacts: judged(registrationDoc({ price: 'cheap' })), status: 'warn', messageId: 'unreadable' },
  ],
  skip: [
    { name: 'no price advertised', artifacts: judged(registrationDoc()), messageId: 'noPrice' },
    { name: 'no document', artifacts: { ...judged(registrationDoc()), registryFile: { ...fetched(registrationDoc()), json: null } }, messageId: 'noDocument' },
    { name: 'no atomic amount to compare', artifacts: judged(registrationDoc({ price: '0.01' }), '0.01'), messageId: 'noRequirements' },
    { name: 'an asset of unknown decimals', artifacts: judged(registrationDoc({ price: '0.01' }), '10000', undefined, { asset: '0x1111111111111111111111111111111111111111' }), messageId: 'unknownAsset' },
  ],
});
