import { describe, expect, it } from 'vitest';
import { challengeV1, challengeV2, PAY_TO, target } from '../../../test/helpers/artifacts.js';
import { check, meta } from './expect-pay-to.js';

const THIEF = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const expecting = (payTo: string) => target({ expect: { payTo } });

describe(meta.id, () => {
  it('passes when every requirement pays the expected address, whatever its case', () => {
    expect(check({ challenge: challengeV2([{}, {}]), target: expecting(PAY_TO.toLowerCase()) }).status).toBe('pass');
    expect(check({ challenge: challengeV1(), target: expecting(PAY_TO) }).messageId).toBe('ok');
  });

  it('fails when any requirement pays someone else', () => {
    const out = check({ challenge: challengeV2([{}, { payTo: THIEF }]), target: expecting(PAY_TO) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('other');
    expect(out.message).toContain('#1');
    expect(out.evidence).toBe(`accepts[1].payTo = "${THIEF}"`);
  });

  it('compares non-EVM addresses exactly', () => {
    const sol = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
    const challenge = challengeV2([{ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', payTo: sol }]);
    expect(check({ challenge, target: expecting(sol) }).status).toBe('pass');
    expect(check({ challenge, target: expecting(sol.toLowerCase()) }).status).toBe('fail');
  });

  it('skips without --expect-pay-to or requirements', () => {
    expect(check({ challenge: challengeV2(), target: target() }).messageId).toBe('noExpectation');
    expect(check({ challenge: challengeV2([]), target: expecting(PAY_TO) }).status).toBe('skip');
  });
});
