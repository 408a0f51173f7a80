import { describe, expect, it } from 'vitest';
import { challengeV1, challengeV2, target } from '../../../test/helpers/artifacts.js';
import { check, meta } from './expect-network.js';

const expecting = (network: string) => target({ expect: { network } });

describe(meta.id, () => {
  it('passes when a requirement is on the expected network, by CAIP-2 id or v1 name', () => {
    expect(check({ challenge: challengeV2(), target: expecting('eip155:84532') }).status).toBe('pass');
    expect(check({ challenge: challengeV2(), target: expecting('base-sepolia') }).messageId).toBe('ok');
    const v1 = check({ challenge: challengeV1([{ network: 'base' }, {}]), target: expecting('eip155:84532') });
    expect(v1.status).toBe('pass');
    expect(v1.evidence).toBe('accepts[1].network = "base-sepolia"');
  });

  it('fails when no requirement is on the expected network, listing those offered', () => {
    const out = check({ challenge: challengeV2([{}, { network: 'eip155:43113' }]), target: expecting('base') });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('absent');
    expect(out.message).toContain('"eip155:84532", "eip155:43113"');
  });

  it('skips without --expect-network or requirements', () => {
    expect(check({ challenge: challengeV2(), target: target() }).messageId).toBe('noExpectation');
    expect(check({ challenge: challengeV2([]), target: expecting('base') }).status).toBe('skip');
  });
});
