import { describe, expect, it } from 'vitest';
import { challengeOf, PAY_TO, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { OWNER, registryAgent } from '../../../test/registry/artifacts.js';
import { check, meta } from './pay-to-agrees.js';

const challenge = (payTo: string) => challengeOf(v2Response(v2PaymentRequired([v2Requirement({ payTo })])));

describe(meta.id, () => {
  it('passes when payTo is the agent wallet or the owner (case ignored)', () => {
    expect(check({ challenge: challenge(PAY_TO), registryAgent: registryAgent() }).messageId).toBe('wallet');
    const out = check({ challenge: challenge(OWNER.toLowerCase()), registryAgent: registryAgent() });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('owner');
  });

  it('fails (a warning by severity) when payTo is neither', () => {
    const out = check({ challenge: challenge('0x90F79bf6EB2c4f870365E785982E1f101E93b906'), registryAgent: registryAgent() });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('mismatch');
    expect(meta.severity).toBe('warning');
  });

  it('does not count an unset (zero) wallet as a match', () => {
    const zero = '0x0000000000000000000000000000000000000000';
    expect(check({ challenge: challenge(zero), registryAgent: registryAgent({ agentWallet: zero }) }).status).toBe('fail');
  });

  it('skips without an owner', () => {
    expect(check({ challenge: challenge(PAY_TO), registryAgent: registryAgent({ owner: null }) }).status).toBe('skip');
  });
});
