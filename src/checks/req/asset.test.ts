import { describe, expect, it } from 'vitest';
import { BASE_SEPOLIA_USDC, challengeV1, challengeV2, tokenInfo } from '../../../test/helpers/artifacts.js';
import { check, meta } from './asset.js';

const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
const UNKNOWN = '0x1111111111111111111111111111111111111111';

describe(meta.id, () => {
  it('passes a known asset, checksummed or lower case, in v2 and v1', () => {
    expect(check({ challenge: challengeV2() }).status).toBe('pass');
    expect(check({ challenge: challengeV2([{ asset: BASE_SEPOLIA_USDC.toLowerCase() }]) }).messageId).toBe('ok');
    expect(check({ challenge: challengeV1() }).status).toBe('pass');
    expect(check({ challenge: challengeV2(), tokenInfo: tokenInfo() }).status).toBe('pass');
  });

  it('fails a non-address and a wrong EIP-55 checksum', () => {
    const out = check({ challenge: challengeV2([{}, { asset: 'USDC' }]) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('notAddress');
    expect(out.evidence).toBe('accepts[1].asset = "USDC" on "eip155:84532"');
    const bad = check({ challenge: challengeV2([{ asset: '0x036cbD53842c5426634e7929541eC2318f3dCF7e' }]) });
    expect(bad.messageId).toBe('badChecksum');
    expect(bad.message).toContain(BASE_SEPOLIA_USDC);
  });

  it('fails an asset known on another network (Base USDC advertised on Base Sepolia)', () => {
    const out = check({ challenge: challengeV2([{ asset: BASE_USDC }]) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('wrongNetwork');
    expect(out.message).toContain('USDC on Base, not on Base Sepolia');
  });

  it('warns on an unknown asset', () => {
    const out = check({ challenge: challengeV2([{ asset: UNKNOWN }]) });
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('unknown');
  });

  it('fails, with --rpc, an asset without code or with other decimals', () => {
    const noCode = check({ challenge: challengeV2([{ asset: UNKNOWN }]), tokenInfo: tokenInfo({ asset: UNKNOWN, hasCode: false, name: null, version: null, decimals: null }) });
    expect(noCode.status).toBe('fail');
    expect(noCode.messageId).toBe('noCode');
    const decimals = check({ challenge: challengeV2(), tokenInfo: tokenInfo({ decimals: 18 }) });
    expect(decimals.messageId).toBe('decimalsMismatch');
  });

  it('ignores token reads that failed or came from another chain', () => {
    expect(check({ challenge: challengeV2(), tokenInfo: tokenInfo({ chainId: 8453, decimals: 18 }) }).status).toBe('pass');
    expect(check({ challenge: challengeV2(), tokenInfo: tokenInfo({ error: 'timeout', hasCode: false, chainId: null }) }).status).toBe('pass');
  });

  it('skips non-EVM entries and challenges without requirements', () => {
    const svm = check({ challenge: challengeV2([{ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', asset: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' }]) });
    expect(svm.status).toBe('skip');
    expect(svm.messageId).toBe('noEvm');
    expect(check({ challenge: challengeV2([]) }).messageId).toBe('none');
  });
});
