import { describe, expect, it } from 'vitest';
import { challengeV1, challengeV2, target, tokenInfo } from '../../../test/helpers/artifacts.js';
import { check, meta } from './expect-price.js';

const UNKNOWN = '0x1111111111111111111111111111111111111111';
const expecting = (price: string, network?: string) => target({ expect: network ? { price, network } : { price } });

describe(meta.id, () => {
  it('passes when a requirement charges exactly the expected price, v2 and v1', () => {
    const out = check({ challenge: challengeV2(), target: expecting('0.01') });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('ok');
    expect(check({ challenge: challengeV1(), target: expecting('$0.010') }).status).toBe('pass');
  });

  it('fails a price scaled by a power of ten (decimals confused)', () => {
    const out = check({ challenge: challengeV2([{ amount: '10000000' }]), target: expecting('0.01') });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('scaled');
    expect(out.message).toContain('1000×');
    expect(out.evidence).toContain('accepts[0].amount = "10000000" (10 USDC on "eip155:84532")');
  });

  it('fails another price, listing every advertised one', () => {
    const out = check({ challenge: challengeV2([{ amount: '25000' }, { amount: '30000' }]), target: expecting('0.01') });
    expect(out.messageId).toBe('mismatch');
    expect(out.evidence).toContain('accepts[1].amount = "30000"');
  });

  it('compares only requirements on the expected network', () => {
    const challenge = challengeV2([{ network: 'eip155:8453', asset: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', amount: '20000' }, {}]);
    expect(check({ challenge, target: expecting('0.01', 'base-sepolia') }).status).toBe('pass');
    expect(check({ challenge, target: expecting('0.01', 'base') }).messageId).toBe('mismatch');
    expect(check({ challenge, target: expecting('0.01', 'eip155:1') }).messageId).toBe('noneOnNetwork');
  });

  it('fails an expectation finer than the token, or an unknown token without --rpc', () => {
    expect(check({ challenge: challengeV2(), target: expecting('0.0000001') }).messageId).toBe('tooPrecise');
    const unknown = check({ challenge: challengeV2([{ asset: UNKNOWN }]), target: expecting('0.01') });
    expect(unknown.status).toBe('fail');
    expect(unknown.messageId).toBe('unknownDecimals');
    expect(check({ challenge: challengeV2([{ asset: UNKNOWN, amount: '10000000000000000' }]), target: expecting('0.01'), tokenInfo: tokenInfo({ asset: UNKNOWN, decimals: 18 }) }).status).toBe('pass');
    expect(check({ challenge: challengeV2(), target: expecting('ten cents') }).messageId).toBe('badExpectation');
  });

  it('prices an unknown token with --expect-asset decimals, and never with a read from another chain', () => {
    const challenge = challengeV2([{ asset: UNKNOWN, amount: '10000000000000000' }]);
    const stated = target({ expect: { price: '0.01', asset: UNKNOWN, assetDecimals: 18 } });
    expect(check({ challenge, target: stated }).status).toBe('pass');
    expect(check({ challenge, target: expecting('0.01'), tokenInfo: tokenInfo({ asset: UNKNOWN, decimals: 18, chainId: 11155111 }) }).messageId).toBe('unknownDecimals');
  });

  it('skips without --expect-price or requirements', () => {
    expect(check({ challenge: challengeV2(), target: target() }).messageId).toBe('noExpectation');
    expect(check({ challenge: challengeV2([]), target: expecting('0.01') }).status).toBe('skip');
  });
});
