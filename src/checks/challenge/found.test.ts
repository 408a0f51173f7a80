import { describe, expect, it } from 'vitest';
import { challengeOf, exchange, v1Response, v2PaymentRequired, v2Response } from '../../../test/helpers/artifacts.js';
import { check, meta } from './found.js';

const json = (body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  return challengeOf(exchange({ headers: { 'content-type': 'application/json', ...headers }, body: text, bodyBytes: text.length }));
};

describe(meta.id, () => {
  it('passes a v2 PAYMENT-REQUIRED header and a v1 body', () => {
    expect(check({ challenge: challengeOf(v2Response()) }).messageId).toBe('header');
    const v1 = check({ challenge: challengeOf(v1Response()) });
    expect(v1.status).toBe('pass');
    expect(v1.messageId).toBe('v1Body');
  });

  it('passes a header that does not decode (challenge.decode judges it)', () => {
    expect(check({ challenge: challengeOf(exchange({ headers: { 'payment-required': '{"x402Version":2}' } })) }).status).toBe('pass');
  });

  it('fails a v2 challenge carried only in the body', () => {
    const out = check({ challenge: json(v2PaymentRequired()) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('v2BodyOnly');
  });

  it('classifies non-standard signals', () => {
    const cases = [
      [exchange({ headers: { 'www-authenticate': 'x402 address="0xabc", amount="0.01"' } }), 'wwwAuthenticate'],
      [exchange({ headers: { 'x-payment-required': 'true' } }), 'xPaymentRequired'],
      [exchange({ headers: { 'x402-challenge': 'e30=' } }), 'x402ChallengeHeader'],
      [exchange({ headers: { 'content-type': 'application/json' }, body: '{"x402":{"price_usd":0.01}}' }), 'x402BodyObject'],
      [exchange({ headers: { 'content-type': 'application/json' }, body: '{"resourceInfo":{"url":"https://x"},"price":"0.01"}' }), 'resourceInfo'],
      [exchange({ headers: { 'content-type': 'application/json' }, body: '{"x402version":1,"accepts":[]}' }), 'lowercaseVersion'],
      [exchange({ headers: { 'content-type': 'text/html' }, body: '<!doctype html><h1>Pay with your wallet</h1>' }), 'htmlPaywall'],
    ] as const;
    for (const [response, messageId] of cases) {
      const out = check({ challenge: challengeOf(response) });
      expect(out.status, messageId).toBe('fail');
      expect(out.messageId, messageId).toBe(messageId);
    }
  });

  it('fails a challenge-like body whose x402Version a buyer does not read', () => {
    const out = check({ challenge: json({ x402Version: '1', accepts: [] }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('bodyVersion');
  });

  it('fails when there is nothing at all, stating the status', () => {
    const out = check({ challenge: challengeOf(exchange({ status: 402, body: 'Payment required' })) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('none');
    expect(out.message).toContain('402');
  });
});
