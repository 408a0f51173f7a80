import { describe, expect, it } from 'vitest';
import { BASE_SEPOLIA_USDC, challengeV1, challengeV2, PAY_TO } from '../../../test/helpers/artifacts.js';
import { check, meta } from './pay-to.js';

const v2 = (...accepts: Record<string, unknown>[]) => check({ challenge: challengeV2(accepts) });

describe(meta.id, () => {
  it('passes a checksummed or lower-case recipient, and a non-EVM one', () => {
    expect(v2({}).status).toBe('pass');
    expect(v2({ payTo: PAY_TO.toLowerCase() }).messageId).toBe('ok');
    expect(check({ challenge: challengeV1() }).status).toBe('pass');
    expect(v2({ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', asset: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', payTo: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin' }).status).toBe('pass');
  });

  it('fails a missing, malformed or badly checksummed recipient', () => {
    const missing = v2({}, { payTo: '' });
    expect(missing.status).toBe('fail');
    expect(missing.messageId).toBe('missing');
    expect(missing.message).toContain('#1');
    expect(v2({ payTo: 42 }).messageId).toBe('notString');
    expect(v2({ payTo: '0x1234' }).messageId).toBe('notAddress');
    const bad = v2({ payTo: '0x70997970c51812dc3A010C7d01b50e0d17dc79C8' });
    expect(bad.messageId).toBe('badChecksum');
    expect(bad.evidence).toBe('accepts[0].payTo = "0x70997970c51812dc3A010C7d01b50e0d17dc79C8"');
  });

  it('fails the zero address and the token contract as recipient', () => {
    expect(v2({ payTo: '0x0000000000000000000000000000000000000000' }).messageId).toBe('zero');
    const token = v2({ payTo: BASE_SEPOLIA_USDC.toLowerCase() });
    expect(token.status).toBe('fail');
    expect(token.messageId).toBe('isAsset');
  });

  it('skips when there are no requirements', () => {
    expect(check({ challenge: challengeV2([]) }).status).toBe('skip');
  });
});
