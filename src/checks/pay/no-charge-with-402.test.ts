import { expect } from 'vitest';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { paidExchange, payAttempt, session } from '../../../test/helpers/payment.js';
import * as noChargeWith402 from './no-charge-with-402.js';

const UNCHANGED = { before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '1000000', payTo: '0' }, afterReplay: { payer: '1000000', payTo: '0' }, error: null };
const CHARGED = { before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '990000', payTo: '10000' }, afterReplay: { payer: '990000', payTo: '10000' }, error: null };
const answered402 = (overrides: Parameters<typeof session>[0] = {}) => ({
  payment: session({ paid: payAttempt('paid', paidExchange(402)), paidCopies: [payAttempt('paid-copy', paidExchange(402))], ...overrides }),
});

checkTester(noChargeWith402, {
  valid: [
    { name: 'a 402 with nothing taken', artifacts: answered402({ balances: UNCHANGED, nonceUsedUnserved: false }), messageId: 'ok', evidence: expect.stringContaining('= false') },
    { name: 'served', artifacts: { payment: session() }, messageId: 'served' },
  ],
  invalid: [
    {
      name: 'settled, then answered 402 (a settle timeout answered with a fresh challenge)',
      artifacts: answered402({ balances: CHARGED, nonceUsedUnserved: true }),
      status: 'fail',
      messageId: 'charged',
      data: { how: "the buyer's balance fell by 10000 atomic units" },
    },
    { name: 'the nonce is used though no balance was read', artifacts: answered402({ balances: null, nonceUsedUnserved: true }), status: 'fail', messageId: 'charged', message: expect.stringContaining('authorization used') },
  ],
  skip: [
    { name: 'no chain read', artifacts: answered402({ balances: null }), messageId: 'noChainRead' },
    { name: 'a 500, not a 402', artifacts: { payment: session({ paid: payAttempt('paid', paidExchange(500)) }) }, messageId: 'not402', data: { status: 500 } },
    { name: 'no answer', artifacts: { payment: session({ paid: payAttempt('paid', null) }) }, messageId: 'notSent' },
  ],
});
