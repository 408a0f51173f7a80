import { expect } from 'vitest';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { paidExchange, payAttempt, session, settlementHeader } from '../../../test/helpers/payment.js';
import * as unservedNotCharged from './unserved-not-charged.js';

const UNCHANGED = { before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '1000000', payTo: '0' }, afterReplay: { payer: '1000000', payTo: '0' }, error: null };
const CHARGED = { before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '990000', payTo: '10000' }, afterReplay: { payer: '990000', payTo: '10000' }, error: null };
const failed = (status: number, balances: typeof UNCHANGED | null, headers: Record<string, string> = {}) => ({
  payment: session({ paid: payAttempt('paid', paidExchange(status, { headers, body: '{"error":"model not found"}' })), balances }),
});

checkTester(unservedNotCharged, {
  valid: [
    { name: 'served: nothing failed, pay.balance-delta judges the charge', artifacts: { payment: session() }, messageId: 'served' },{ name: 'the upstream failed (404) and nothing was settled (obol settles only below 400)', artifacts: failed(404, UNCHANGED), messageId: 'ok' }],
  invalid: [
    {
      name: 'settled before serving: the upstream failed and the buyer paid anyway (x402-now.md, seller bug 9)',
      artifacts: failed(404, CHARGED, settlementHeader()),
      status: 'fail',
      messageId: 'charged',
      message: expect.stringContaining('fell by 10000'),
    },
    { name: 'a 500 that charged, without a receipt', artifacts: failed(500, CHARGED), status: 'fail', messageId: 'charged', data: { status: 500, delta: '10000', receipt: '' } },
  ],
  skip: [
    { name: 'no balances without --rpc', artifacts: failed(404, null), messageId: 'noBalances' },
    { name: 'no answer to the paid request', artifacts: { payment: session({ paid: payAttempt('paid', null) }) }, messageId: 'notSent' },
  ],
});
