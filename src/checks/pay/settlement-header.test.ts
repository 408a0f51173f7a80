import { describe, expect, it } from 'vitest';
import { b64 } from '../../../test/helpers/artifacts.js';
import { PAYER, TX, paidExchange, payAttempt, session, settlementHeader } from '../../../test/helpers/payment.js';
import { check, meta } from './settlement-header.js';

const served = (headers: Record<string, string>) => session({ paid: payAttempt('paid', paidExchange(200, { headers })) });

describe(meta.id, () => {
  it('passes a v2 and a v1 receipt naming our payment', () => {
    expect(check({ payment: session() }).status).toBe('pass');
    const v1 = { 'x-payment-response': b64({ success: true, transaction: TX, network: 'base-sepolia', payer: PAYER }) };
    const out = check({ payment: served(v1) });
    expect(out.status).toBe('pass');
    expect(out.message).toContain('X-PAYMENT-RESPONSE');
  });

  it('fails a missing, undecodable, unsuccessful or wrong receipt', () => {
    expect(check({ payment: served({}) }).messageId).toBe('missing');
    expect(check({ payment: served({ 'payment-response': '%%%' }) }).messageId).toBe('undecodable');
    expect(check({ payment: served(settlementHeader({ success: false })) }).messageId).toBe('notSuccess');
    expect(check({ payment: served(settlementHeader({ transaction: '0xdeadbeef' })) }).messageId).toBe('badTx');
    expect(check({ payment: served(settlementHeader({ network: 'eip155:8453' })) }).messageId).toBe('wrongNetwork');
    const out = check({ payment: served(settlementHeader({ payer: '0x0000000000000000000000000000000000000001' })) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('wrongPayer');
  });

  it('skips when the paid request was not served', () => {
    expect(check({ payment: session({ paid: payAttempt('paid', paidExchange(402)) }) }).status).toBe('skip');
  });
});
