import { describe, expect, it } from 'vitest';
import { paidExchange, payAttempt, plan, session } from '../../../test/helpers/payment.js';
import { check, meta } from './underpaid-rejected.js';

describe(meta.id, () => {
  it('passes when the seller answers 402', () => {
    const out = check({ payment: session() });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('rejected');
  });

  it('fails when the seller serves it', () => {
    const out = check({ payment: session({ underpaid: payAttempt('paid', paidExchange(200)) }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('served');
  });

  it('warns on a crash or no response, and skips when nothing was sent', () => {
    expect(check({ payment: session({ underpaid: payAttempt('paid', paidExchange(500)) }) }).messageId).toBe('crashed');
    expect(check({ payment: session({ underpaid: payAttempt('paid', paidExchange(0, { status: null, error: { code: 'timeout', message: 'slow' } })) }) }).messageId).toBe('noResponse');
    expect(check({ payment: session({ underpaid: payAttempt('paid', paidExchange(0, { status: null, error: { code: 'deadline', message: 'cut by the run deadline after 1999 ms' } })) }) }).messageId).toBe('deadline');
    expect(check({ payment: session({ plan: plan({ refused: 'too dear' }) }) }).status).toBe('skip');
    expect(check({ payment: session({ underpaid: null }) }).status).toBe('skip');
  });
});
