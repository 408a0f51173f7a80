import { describe, expect, it } from 'vitest';
import { challengeV1, challengeV2, tokenInfo } from '../../../test/helpers/artifacts.js';
import { check, meta } from './eip712-domain.js';

const UNKNOWN = '0x1111111111111111111111111111111111111111';

describe(meta.id, () => {
  it('passes the known Base Sepolia USDC domain, in v2 and v1, and when the token agrees', () => {
    expect(check({ challenge: challengeV2() }).status).toBe('pass');
    expect(check({ challenge: challengeV1() }).messageId).toBe('ok');
    expect(check({ challenge: challengeV2(), tokenInfo: tokenInfo() }).messageId).toBe('ok');
  });

  it('fails "USD Coin" on Base Sepolia, whose token signs as "USDC" (obol-stack, x402#3102)', () => {
    const out = check({ challenge: challengeV2([{ extra: { name: 'USD Coin', version: '2' } }]) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('knownMismatch');
    expect(out.evidence).toContain('accepts[0].extra.name = "USD Coin"');
    expect(check({ challenge: challengeV2([{ extra: { name: 'USDC', version: '1' } }]) }).messageId).toBe('knownMismatch');
  });

  it('fails a missing or non-string domain', () => {
    const out = check({ challenge: challengeV2([{}, { extra: {} }]) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('missing');
    expect(out.message).toContain('#1');
    expect(check({ challenge: challengeV2([{ extra: undefined }]) }).messageId).toBe('missing');
    expect(check({ challenge: challengeV2([{ extra: { name: 'USDC', version: 2 } }]) }).messageId).toBe('notString');
  });

  it('fails a domain the token itself contradicts, even when the table agrees', () => {
    const out = check({ challenge: challengeV2(), tokenInfo: tokenInfo({ name: 'USD Coin' }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('tokenMismatch');
    const unknown = check({ challenge: challengeV2([{ asset: UNKNOWN, extra: { name: 'Token', version: '1' } }]), tokenInfo: tokenInfo({ asset: UNKNOWN, name: 'Token', version: '2' }) });
    expect(unknown.messageId).toBe('tokenMismatch');
  });

  it('warns when the --rpc read failed or answered for another chain', () => {
    const other = check({ challenge: challengeV2(), tokenInfo: tokenInfo({ chainId: 8453 }) });
    expect(other.status).toBe('warn');
    expect(other.messageId).toBe('rpcOtherChain');
    expect(check({ challenge: challengeV2(), tokenInfo: tokenInfo({ error: 'fetch failed', chainId: null }) }).messageId).toBe('rpcError');
  });

  it('passes an unknown asset it cannot compare, saying so', () => {
    const out = check({ challenge: challengeV2([{ asset: UNKNOWN, extra: { name: 'Token', version: '1' } }]) });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('unverified');
    expect(check({ challenge: challengeV2([{ asset: UNKNOWN, extra: { name: 'Token', version: '1' } }]), tokenInfo: tokenInfo({ asset: UNKNOWN, name: 'Token', version: '1' }) }).messageId).toBe('ok');
  });

  it('skips non-exact, Permit2 and non-EVM requirements, and empty challenges', () => {
    expect(check({ challenge: challengeV2([{ scheme: 'upto', extra: {} }]) }).messageId).toBe('noExactEvm');
    expect(check({ challenge: challengeV2([{ extra: { assetTransferMethod: 'permit2' } }]) }).messageId).toBe('noExactEvm');
    expect(check({ challenge: challengeV2([{ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', extra: { feePayer: 'x' } }]) }).status).toBe('skip');
    expect(check({ challenge: challengeV2([]) }).messageId).toBe('none');
  });
});
