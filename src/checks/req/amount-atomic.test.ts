import { describe, expect, it } from 'vitest';
import { challengeOf, v1PaymentRequired, v1Requirement, v1Response, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { check, meta } from './amount-atomic.js';

const v2 = (amount: unknown) => ({ challenge: challengeOf(v2Response(v2PaymentRequired([v2Requirement({ amount })])) ) });

describe(meta.id, () => {
  it('passes v2 and v1 atomic amounts', () => {
    expect(check(v2('10000')).status).toBe('pass');
    expect(check({ challenge: challengeOf(v1Response()) }).status).toBe('pass');
  });

  it('fails decimal, numeric, zero and missing amounts', () => {
    expect(check(v2('0.01')).messageId).toBe('decimal');
    expect(check(v2(0.01)).messageId).toBe('decimal');
    expect(check(v2(10000)).messageId).toBe('notString');
    expect(check(v2('1e4')).messageId).toBe('notInteger');
    expect(check(v2('0')).messageId).toBe('zero');
    expect(check(v2(undefined)).messageId).toBe('missing');
    expect(check(v2('0.01')).status).toBe('fail');
  });

  it('warns on a v1 amount over 18 digits and an implausibly large price', () => {
    const long = { challenge: challengeOf(v1Response(v1PaymentRequired([v1Requirement({ maxAmountRequired: '1'.repeat(19) })]))) };
    const out = check(long);
    expect(out.status).toBe('warn');
    expect(check(v2('10000000000')).messageId).toBe('huge');
  });

  it('skips when there are no requirements', () => {
    expect(check({ challenge: challengeOf(v2Response(v2PaymentRequired([]))) }).status).toBe('skip');
  });
});
