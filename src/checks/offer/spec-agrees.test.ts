import { expect } from 'vitest';
import { BASE_SEPOLIA_USDC, challengeOf, v1PaymentRequired, v1Requirement, v1Response, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { missingOffer, OFFER_PAY_TO, offerArtifact } from '../../../test/obol/offerArtifact.js';
import * as specAgrees from './spec-agrees.js';

const OTHER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const challengeWith = (...requirements: Record<string, unknown>[]) => challengeOf(v2Response(v2PaymentRequired(requirements.map((r) => v2Requirement({ payTo: OFFER_PAY_TO, ...r })))));
const price = (p: Record<string, string>) => offerArtifact({ payment: { scheme: 'exact', network: 'base-sepolia', payTo: OFFER_PAY_TO, price: p } });
const perMTok = price({ perMTok: '0.5' });
const custom = offerArtifact({ payment: { network: 'base-sepolia', payTo: OFFER_PAY_TO, price: { perRequest: '0.001' }, asset: { address: OTHER, decimals: 6 } } });

checkTester(specAgrees, {
  valid: [
    { name: 'perMTok translated as obol does', artifacts: { offer: perMTok, challenge: challengeWith({ amount: '500' }) }, messageId: 'agrees' },
    { name: 'perHour translated as obol does', artifacts: { offer: price({ perHour: '0.06' }), challenge: challengeWith({ amount: '5000' }) } },
    { name: 'perRequest ahead of perMTok', artifacts: { offer: price({ perRequest: '0.001', perMTok: '9' }), challenge: challengeWith({ amount: '1000' }) } },
    { name: "obol's legacy duplicate entries", artifacts: { offer: perMTok, challenge: challengeWith({ amount: '500', network: 'eip155:84532' }, { amount: '500', network: 'base-sepolia' }) } },
    { name: 'a v1 challenge', artifacts: { offer: perMTok, challenge: challengeOf(v1Response(v1PaymentRequired([v1Requirement({ maxAmountRequired: '500', payTo: OFFER_PAY_TO })]))) } },
    { name: "the spec's own asset", artifacts: { offer: custom, challenge: challengeWith({ amount: '1000', asset: OTHER }) } },
  ],
  invalid: [
    { name: 'a price that disagrees', artifacts: { offer: perMTok, challenge: challengeWith({ amount: '10000' }) }, status: 'fail', messageId: 'priceMismatch', evidence: expect.stringContaining('"10000"') },
    {
      name: "perHour charged unchanged, as obol-stack's Python reconciler does",
      artifacts: { offer: price({ perHour: '0.06' }), challenge: challengeWith({ amount: '60000' }) },
      status: 'fail',
      messageId: 'priceMismatch',
      message: expect.stringContaining('Python reconciler'),
    },
    {
      name: 'perMTok charged per request',
      artifacts: { offer: perMTok, challenge: challengeWith({ amount: '500000' }) },
      status: 'fail',
      messageId: 'priceMismatch',
      message: expect.stringContaining('without the ÷1000'),
    },
    { name: 'a payTo that disagrees', artifacts: { offer: perMTok, challenge: challengeWith({ amount: '500', payTo: OTHER }) }, status: 'fail', messageId: 'payToMismatch' },
    { name: 'a network that disagrees', artifacts: { offer: perMTok, challenge: challengeWith({ amount: '500', network: 'eip155:8453' }) }, status: 'fail', messageId: 'networkMismatch' },
    { name: 'an asset that disagrees', artifacts: { offer: perMTok, challenge: challengeWith({ amount: '500', asset: OTHER }) }, status: 'fail', messageId: 'assetMismatch' },
    { name: "USDC where the spec names its own asset", artifacts: { offer: custom, challenge: challengeWith({ amount: '1000', asset: BASE_SEPOLIA_USDC }) }, status: 'fail', messageId: 'assetMismatch' },
    { name: 'a spec it cannot price', artifacts: { offer: price({}), challenge: challengeWith({ amount: '500' }) }, status: 'fail', messageId: 'specIncomplete' },
    { name: 'a 402 with no requirements', artifacts: { offer: perMTok, challenge: challengeOf(v2Response(v2PaymentRequired([]))) }, status: 'fail', messageId: 'noRequirements' },
  ],
  skip: [{ name: 'no offer', artifacts: { offer: missingOffer('not-found', 'gone'), challenge: challengeWith({}) }, messageId: 'noOffer' }],
});
