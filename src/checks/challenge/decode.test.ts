import { describe, expect, it } from 'vitest';
import { b64, challengeOf, exchange, v1PaymentRequired, v1Requirement, v1Response, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { check, meta } from './decode.js';

const header = (value: string) => {
  const unpaid = exchange({ headers: { 'payment-required': value } });
  return { unpaid, challenge: challengeOf(unpaid) };
};

describe(meta.id, () => {
  it('passes a valid v2 header and a valid v1 body', () => {
    const v2 = check({ challenge: challengeOf(v2Response()) });
    expect([v2.status, v2.messageId]).toEqual(['pass', 'ok']);
    expect(check({ challenge: challengeOf(v1Response()) }).messageId).toBe('ok');
  });

  it('passes v1 network names in a v2 challenge, mentioning them', () => {
    const pr = v2PaymentRequired([v2Requirement(), v2Requirement({ network: 'base-sepolia' })]);
    const out = check({ challenge: challengeOf(v2Response(pr)) });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('okTolerated');
    expect(out.message).toContain('base-sepolia');
  });

  it('fails at the base64 stage: base64url, raw JSON, garbage', () => {
    const urlSafe = b64(v2PaymentRequired()).replace(/\+/g, '-').replace(/\//g, '_');
    // Make sure the fixture really holds a URL-safe character.
    const forced = urlSafe.includes('-') || urlSafe.includes('_') ? urlSafe : `${urlSafe.slice(0, 4)}-${urlSafe.slice(5)}`;
    for (const value of [forced, JSON.stringify(v2PaymentRequired()), '%%%']) {
      const out = check(header(value));
      expect(out.status).toBe('fail');
      expect(out.messageId).toBe('base64');
      expect(out.evidence).toContain('PAYMENT-REQUIRED:');
    }
  });

  it('fails at the JSON stage, for the header and for the body', () => {
    const out = check(header(b64('not json at all')));
    expect([out.status, out.messageId]).toEqual(['fail', 'headerJson']);
    const body = check({ challenge: challengeOf(exchange({ headers: { 'content-type': 'application/json' }, body: '{"x402Version": 1, accepts: [' })) });
    expect([body.status, body.messageId]).toEqual(['fail', 'bodyJson']);
  });

  it('fails at the schema stage with the issues as evidence', () => {
    const out = check({ challenge: challengeOf(v2Response(v2PaymentRequired([v2Requirement({ payTo: undefined })]))) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('schema');
    expect(out.evidence).toContain('payTo');
    const v1 = check({ challenge: challengeOf(v1Response(v1PaymentRequired([v1Requirement({ maxTimeoutSeconds: '60' })]))) });
    expect(v1.messageId).toBe('schema');
  });

  it('skips when there is no carrier', () => {
    expect(check({ challenge: challengeOf(exchange({ body: '' })) }).status).toBe('skip');
  });
});
