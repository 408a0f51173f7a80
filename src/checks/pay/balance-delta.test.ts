import { describe, expect, it } from 'vitest';
import { target } from '../../../test/helpers/artifacts.js';
import { session } from '../../../test/helpers/payment.js';
import { check, meta } from './balance-delta.js';

describe(meta.id, () => {
  it('passes when both balances moved by exactly the price', () => {
    expect(check({ payment: session() }).status).toBe('pass');
  });

  it('fails when payTo did not receive the price or the buyer paid more', () => {
    const unpaid = session({ balances: { before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '1000000', payTo: '0' }, afterReplay: null, error: null } });
    expect(check({ payment: unpaid }).messageId).toBe('payToDelta');
    const overcharged = session({ balances: { before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '980000', payTo: '10000' }, afterReplay: null, error: null } });
    const out = check({ payment: overcharged });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('payerDelta');
    expect(check({ payment: session({ balances: { before: null, afterPaid: null, afterReplay: null, error: 'rpc down' } }) }).messageId).toBe('readFailed');
  });

  it('skips without --rpc', () => {
    expect(check({ payment: session({ balances: null }), target: target({ rpc: false }) }).messageId).toBe('noRpc');
  });
});
