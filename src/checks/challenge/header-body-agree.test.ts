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

  it('warns on a v1 body naming a CAIP-2 network beside a v2 header: legacy buyers cannot pay it (@faremeter/middleware 0.22)', () => {
    const out = check(both(v2PaymentRequired(), v1PaymentRequired([v1Requirement({ network: 'eip155:84532' })])));
    expect([out.status, out.messageId]).toEqual(['warn', 'legacyBodyUnpayable']);
    expect(out.evidence).toContain('"eip155:84532"');
    expect(out.message).toContain('"base-sepolia"');
    expect(out.message).not.toContain('pay alike');
  });

  it('warns on a v1 body with amount in place of maxAmountRequired, or one that is not a v1 PaymentRequired', () => {
    const amount = v1Requirement({ amount: '10000' });
    delete amount.maxAmountRequired;
    const out = check(both(v2PaymentRequired(), v1PaymentRequired([amount])));
    expect([out.status, out.messageId]).toEqual(['warn', 'legacyBodyUnpayable']);
    expect(out.evidence).toContain('maxAmountRequired');
    const noResource = v1Requirement();
    delete noResource.resource;
    const schema = check(both(v2PaymentRequired(), v1PaymentRequired([noResource])));
    expect([schema.status, schema.messageId]).toEqual(['warn', 'legacyBodyUnpayable']);
    expect(schema.evidence).toContain('resource');
  });

  it('warns, and no more, on a v2 body mirroring accepts without x402Version (the v2 transport leaves the body to the server)', () => {
    const { x402Version: _, ...unversioned } = v2PaymentRequired();
    const out = check(both(v2PaymentRequired(), unversioned));
    expect([out.status, out.messageId]).toEqual(['warn', 'unversionedMirror']);
    expect(check(both(v2PaymentRequired(), { accepts: [v2Requirement()] })).messageId).toBe('unversionedMirror');
    const differs = check(both(v2PaymentRequired(), { accepts: [v2Requirement({ amount: '20000' })] }));
    expect([differs.status, differs.messageId]).toEqual(['warn', 'unversionedDiffers']);
    expect(differs.evidence).toContain('"20000"');
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
