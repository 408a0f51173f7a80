import { describe, expect, it } from 'vitest';
import { challengeOf, exchange, v1PaymentRequired, v1Response, v2PaymentRequired, v2Response } from '../../../test/helpers/artifacts.js';
import { check, meta } from './version.js';

const inHeader = (x402Version: unknown) => ({ challenge: challengeOf(v2Response(v2PaymentRequired(undefined, { x402Version }))) });

describe(meta.id, () => {
  it('passes v2 in the header and v1 in the body', () => {
    expect([check(inHeader(2)).status, check(inHeader(2)).messageId]).toEqual(['pass', 'v2Header']);
    const v1 = check({ challenge: challengeOf(v1Response()) });
    expect([v1.status, v1.messageId]).toEqual(['pass', 'v1Body']);
  });

  it('warns on v1 in the PAYMENT-REQUIRED header', () => {
    const out = check({ challenge: challengeOf(v2Response(v1PaymentRequired())) });
    expect([out.status, out.messageId]).toEqual(['warn', 'v1InHeader']);
  });

  it('fails a missing, string or unknown version', () => {
    expect([check(inHeader(undefined)).status, check(inHeader(undefined)).messageId]).toEqual(['fail', 'missing']);
    expect(check(inHeader('2')).messageId).toBe('string');
    expect(check(inHeader(3)).messageId).toBe('unknown');
    expect(check(inHeader(3)).status).toBe('fail');
  });

  it('fails v2 carried only in the body', () => {
    const body = JSON.stringify(v2PaymentRequired());
    const out = check({ challenge: challengeOf(exchange({ headers: { 'content-type': 'application/json' }, body })) });
    expect([out.status, out.messageId]).toEqual(['fail', 'v2InBody']);
  });

  it('skips when nothing decoded', () => {
    expect(check({ challenge: challengeOf(exchange({ headers: { 'payment-required': '***' } })) }).status).toBe('skip');
  });
});
