import { describe, expect, it } from 'vitest';
import { b64 } from '../../../test/helpers/artifacts.js';
import { paidExchange, payAttempt, plan, session } from '../../../test/helpers/payment.js';
import { check, meta } from './paid-served.js';

describe(meta.id, () => {
  it('passes when the paid request is served with a body', () => {
    expect(check({ payment: session() }).status).toBe('pass');
  });

  it('fails on a re-challenge, naming the facilitator reason', () => {
    const rechallenge = paidExchange(402, { headers: { 'payment-response': b64({ success: false, errorReason: 'invalid_exact_evm_payload_signature', transaction: '', network: 'eip155:84532' }) } });
    const out = check({ payment: session({ paid: payAttempt('paid', rechallenge) }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('rechallenged');
    expect(out.message).toContain('invalid_exact_evm_payload_signature');
  });

  it('fails on an empty 200, an error status and no response', () => {
    expect(check({ payment: session({ paid: payAttempt('paid', paidExchange(200, { body: '', bodyBytes: 0 })) }) }).messageId).toBe('emptyBody');
    expect(check({ payment: session({ paid: payAttempt('paid', paidExchange(503, { body: '{"error":"Payment settlement failed","reason":"settlement_failed"}' })) }) }).message).toContain('settlement_failed');
    expect(check({ payment: session({ paid: payAttempt('paid', paidExchange(0, { status: null, error: { code: 'reset', message: 'x' } })) }) }).messageId).toBe('noResponse');
  });

  it('fails, naming the deadline, when the run deadline cut the paid request', () => {
    const out = check({ payment: session({ paid: payAttempt('paid', paidExchange(0, { status: null, error: { code: 'deadline', message: 'cut by the run deadline after 1999 ms' } })) }) });
    expect([out.status, out.messageId]).toEqual(['fail', 'deadline']);
  });

  it('skips when the plan was refused', () => {
    expect(check({ payment: session({ plan: plan({ refused: 'mainnet' }), paid: null }) }).status).toBe('skip');
  });
});
