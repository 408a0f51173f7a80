import { describe, expect, it } from 'vitest';
import { plan, session } from '../../../test/helpers/payment.js';
import { check, meta } from './within-limits.js';

describe(meta.id, () => {
  it('passes when the plan is within the limits', () => {
    const out = check({ payment: session() });
    expect(out.status).toBe('pass');
    expect(out.message).toContain('0.01 USDC');
  });

  it('fails with the reason when the probe refused to sign', () => {
    const out = check({ payment: session({ plan: plan({ refused: 'the price 1 USDC exceeds --max-amount 0.01' }) }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('refused');
    expect(out.message).toContain('exceeds --max-amount');
  });
});
