import { describe, expect, it } from 'vitest';
import { check, meta } from './deadline.js';

describe(meta.id, () => {
  it('passes when nothing was cut, naming the time taken', () => {
    const out = check({ deadline: { ms: 30_000, gatherMs: 1_234, exceeded: false, cut: [] } });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('inTime');
    expect(out.message).toContain('1234 of 30000 ms');
  });

  it('fails when the deadline cut an exchange, naming each one', () => {
    const out = check({ deadline: { ms: 6_000, gatherMs: 6_010, exceeded: true, cut: ['payment.paid', 'payment.replay'] } });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('cut');
    expect(out.message).toContain('payment.paid, payment.replay');
    expect(out.message).toContain('6000 ms');
  });

  it('passes a deadline that passed after the last exchange (nothing was lost)', () => {
    expect(check({ deadline: { ms: 100, gatherMs: 101, exceeded: true, cut: [] } }).status).toBe('pass');
  });
});
