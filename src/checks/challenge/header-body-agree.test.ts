import { describe, expect, it } from 'vitest';
import {
  challengeOf,
  headerAndBodyResponse,
  v1PaymentRequired,
  v1Requirement,
  v1Response,
  v2PaymentRequired,
  v2Requirement,
  v2Response,
} from '../../../test/helpers/artifacts.js';
import { check, meta } from './header-body-agree.js';

const both = (header: unknown, body: unknown) => ({ challenge: challengeOf(headerAndBodyResponse(header, body)) });

describe(meta.id, () => {
  it('passes a mirrored body', () => {
    const out = check(both(v2PaymentRequired(), v2PaymentRequired()));
    expect([out.status, out.messageId]).toEqual(['pass', 'agree']);
  });

  it('passes a header with a {} body as headerOnly (the reference v2 server)', () => {
    const out = check({ challenge: challengeOf(v2Response()) });
    expect([out.status, out.messageId]).toEqual(['pass', 'headerOnly']);
  });

  it('passes a v1 body beside a v2 header on the same terms (v1 name = CAIP-2, checksum-insensitive)', () => {
    const body = v1PaymentRequired([v1Requirement({ payTo: v1Requirement().payTo!.toString().toLowerCase() })]);
    const out = check(both(v2PaymentRequired(), body));
    expect([out.status, out.messageId]).toEqual(['pass', 'dualVersion']);
  });

  it('fails when a requirement differs, naming the first difference', () => {
    const out = check(both(v2PaymentRequired(), v2PaymentRequired([v2Requirement({ amount: '20000' })])));
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('requirementDiffers');
    expect(out.evidence).toContain('"10000"');
    expect(out.evidence).toContain('"20000"');
    const net = check(both(v2PaymentRequired(), v1PaymentRequired([v1Requirement({ network: 'base' })])));
    expect(net.messageId).toBe('requirementDiffers');
    expect(net.evidence).toContain('network');
  });

  it('fails when the versions differ and when the counts differ', () => {
    expect(check(both(v2PaymentRequired(), v2PaymentRequired(undefined, { x402Version: '2' }))).messageId).toBe('versionDiffers');
    const count = check(both(v2PaymentRequired([v2Requirement(), v2Requirement({ network: 'eip155:8453' })]), v2PaymentRequired()));
    expect([count.status, count.messageId]).toEqual(['fail', 'countDiffers']);
  });

  it('skips without a header', () => {
    expect(check({ challenge: challengeOf(v1Response()) }).messageId).toBe('noHeader');
  });
});
