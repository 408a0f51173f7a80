import { describe, expect, it } from 'vitest';
import { BASE_SEPOLIA_USDC, challengeV2, target } from '../../../test/helpers/artifacts.js';
import { check, meta } from './expect-asset.js';

const OTHER_TOKEN = '0x1111111111111111111111111111111111111111';
const expecting = (asset: string, network?: string) => target({ expect: { asset, ...(network ? { network } : {}) } });

describe(meta.id, () => {
  it('passes when a requirement charges in the expected asset, whatever its case', () => {
    const out = check({ challenge: challengeV2([{ asset: OTHER_TOKEN }, {}]), target: expecting(BASE_SEPOLIA_USDC.toLowerCase()) });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('ok');
    expect(out.message).toContain('#1');
  });

  it('fails when no requirement (on the expected network) charges in it', () => {
    const out = check({ challenge: challengeV2([{ asset: OTHER_TOKEN }]), target: expecting(BASE_SEPOLIA_USDC) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('absent');
    const elsewhere = check({ challenge: challengeV2([{ network: 'eip155:8453' }]), target: expecting(BASE_SEPOLIA_USDC, 'eip155:84532') });
    expect(elsewhere.messageId).toBe('absent');
  });

  it('skips without --expect-asset or requirements', () => {
    expect(check({ challenge: challengeV2(), target: target() }).messageId).toBe('noExpectation');
    expect(check({ challenge: challengeV2([]), target: expecting(BASE_SEPOLIA_USDC) }).status).toBe('skip');
  });
});
