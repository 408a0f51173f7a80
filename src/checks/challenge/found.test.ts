import { expect } from 'vitest';
import { challengeOf, exchange, v1Response, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { OBOL_FIXES } from '../../protocol/obol.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as found from './found.js';

const json = (body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  return challengeOf(exchange({ headers: { 'content-type': 'application/json', ...headers }, body: text, bodyBytes: text.length }));
};

/** Non-standard signals, each with the messageId that names it. */
const SIGNALS = [
  [exchange({ headers: { 'www-authenticate': 'x402 address="0xabc", amount="0.01"' } }), 'wwwAuthenticate'],
  [exchange({ headers: { 'x-payment-required': 'true' } }), 'xPaymentRequired'],
  [exchange({ headers: { 'x402-challenge': 'e30=' } }), 'x402ChallengeHeader'],
  [exchange({ headers: { 'content-type': 'application/json' }, body: '{"x402":{"price_usd":0.01}}' }), 'x402BodyObject'],
  [exchange({ headers: { 'content-type': 'application/json' }, body: '{"resourceInfo":{"url":"https://x"},"price":"0.01"}' }), 'resourceInfo'],
  [exchange({ headers: { 'content-type': 'application/json' }, body: '{"x402version":1,"accepts":[]}' }), 'lowercaseVersion'],
  [exchange({ headers: { 'content-type': 'text/html' }, body: '<!doctype html><h1>Pay with your wallet</h1>' }), 'htmlPaywall'],
] as const;

checkTester(found, {
  valid: [
    { name: 'a v2 PAYMENT-REQUIRED header', artifacts: { challenge: challengeOf(v2Response()) }, messageId: 'header' },
    { name: 'a v1 body', artifacts: { challenge: challengeOf(v1Response()) }, messageId: 'v1Body' },
    { name: 'a header that does not decode (challenge.decode judges it)', artifacts: { challenge: challengeOf(exchange({ headers: { 'payment-required': '{"x402Version":2}' } })) } },
  ],
  invalid: [
    { name: 'a v2 challenge carried only in the body', artifacts: { challenge: json(v2PaymentRequired()) }, status: 'fail', messageId: 'v2BodyOnly', fix: undefined },
    {
      name: "an obol unlock offer's body-only auth-capture 402, explained as such",
      artifacts: { challenge: json(v2PaymentRequired([v2Requirement({ scheme: 'auth-capture' })])) },
      status: 'fail',
      messageId: 'authCaptureBodyOnly',
      fix: OBOL_FIXES.unlock,
    },
    { name: 'a body-only auth-capture beside exact is not an unlock offer', artifacts: { challenge: json(v2PaymentRequired([v2Requirement({ scheme: 'auth-capture' }), v2Requirement()])) }, status: 'fail', messageId: 'v2BodyOnly' },
    ...SIGNALS.map(([response, messageId]) => ({ name: `the non-standard signal ${messageId}`, artifacts: { challenge: challengeOf(response) }, status: 'fail' as const, messageId })),
    { name: 'a challenge-like body whose x402Version a buyer does not read', artifacts: { challenge: json({ x402Version: '1', accepts: [] }) }, status: 'fail', messageId: 'bodyVersion' },
    {
      name: 'nothing at all, stating the status',
      artifacts: { challenge: challengeOf(exchange({ status: 402, body: 'Payment required' })) },
      status: 'fail',
      messageId: 'none',
      message: expect.stringContaining('402'),
    },
  ],
});
