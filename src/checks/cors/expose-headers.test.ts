import { describe, expect, it } from 'vitest';
import { artifactsFor, exchange, v1Response, v2Response, withHeaders } from '../../../test/helpers/artifacts.js';
import { check, meta } from './expose-headers.js';

const v2With = (headers: Record<string, string>) => artifactsFor(withHeaders(v2Response(), headers));

describe(meta.id, () => {
  it('passes when the challenge and receipt headers are exposed, by name or by *', () => {
    const named = check(v2With({ 'access-control-allow-origin': '*', 'access-control-expose-headers': 'PAYMENT-REQUIRED, PAYMENT-RESPONSE' }));
    expect([named.status, named.messageId]).toEqual(['pass', 'ok']);
    expect(check(v2With({ 'access-control-allow-origin': 'https://app.example', 'access-control-expose-headers': '*' })).status).toBe('pass');
  });

  it('passes a v1 body challenge with Access-Control-Allow-Origin alone', () => {
    const out = check(artifactsFor(withHeaders(v1Response(), { 'access-control-allow-origin': '*' })));
    expect([out.status, out.messageId]).toEqual(['pass', 'okBody']);
  });

  it('fails without Access-Control-Allow-Origin', () => {
    const out = check(artifactsFor(v2Response()));
    expect([out.status, out.messageId]).toEqual(['fail', 'noAllowOrigin']);
  });

  it('fails when PAYMENT-REQUIRED is not exposed (x402#236)', () => {
    const out = check(v2With({ 'access-control-allow-origin': '*', 'access-control-expose-headers': 'X-Request-Id' }));
    expect([out.status, out.messageId]).toEqual(['fail', 'notExposed']);
  });

  it('warns when only PAYMENT-RESPONSE is missing', () => {
    const out = check(v2With({ 'access-control-allow-origin': '*', 'access-control-expose-headers': 'payment-required' }));
    expect([out.status, out.messageId]).toEqual(['warn', 'responseNotExposed']);
  });

  it('skips without a challenge', () => {
    expect(check(artifactsFor(exchange({ status: 200, body: 'hello' }))).status).toBe('skip');
  });
});
