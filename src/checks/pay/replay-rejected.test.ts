import { describe, expect, it } from 'vitest';
import { paidExchange, payAttempt, session } from '../../../test/helpers/payment.js';
import { check, meta } from './replay-rejected.js';

describe(meta.id, () => {
  it('passes when the replay is refused and nothing moved again', () => {
    expect(check({ payment: session() }).status).toBe('pass');
  });

  it('fails when the replay is served', () => {
    const out = check({ payment: session({ replay: payAttempt('replay', paidExchange(200)) }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('served');
  });

  it('fails when the replay was refused but settled a second time', () => {
    const twice = session({ balances: { before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '990000', payTo: '10000' }, afterReplay: { payer: '980000', payTo: '20000' }, error: null } });
    expect(check({ payment: twice }).messageId).toBe('charged');
  });

  it('warns, naming the deadline, when the run deadline cut the replay', () => {
    const out = check({ payment: session({ replay: payAttempt('replay', paidExchange(0, { status: null, error: { code: 'deadline', message: 'cut by the run deadline after 1999 ms' } })) }) });
    expect([out.status, out.messageId]).toEqual(['warn', 'deadline']);
  });

  it('skips when the paid request was not served', () => {
    expect(check({ payment: session({ paid: payAttempt('paid', paidExchange(402)) }) }).status).toBe('skip');
  });
});
