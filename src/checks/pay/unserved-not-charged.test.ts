import { expect } from 'vitest';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { followUp, followUpAttempt, paidExchange, payAttempt, session, settlementHeader } from '../../../test/helpers/payment.js';
import * as unservedNotCharged from './unserved-not-charged.js';

const UNCHANGED = { before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '1000000', payTo: '0' }, afterReplay: { payer: '1000000', payTo: '0' }, error: null };
const CHARGED = { before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '990000', payTo: '10000' }, afterReplay: { payer: '990000', payTo: '10000' }, error: null };
const failed = (status: number, balances: typeof UNCHANGED | null, headers: Record<string, string> = {}) => ({
  payment: session({ paid: payAttempt('paid', paidExchange(status, { headers, body: '{"error":"model not found"}' })), balances }),
});
/** The paid request served; the --pay-failure one as given. */
const withFailure = (payFailure: ReturnType<typeof followUpAttempt>) => ({ payment: session(), followUp: followUp({ payFailure }) });

checkTester(unservedNotCharged, {
  valid: [
    { name: 'served: nothing failed, pay.balance-delta judges the charge', artifacts: { payment: session() }, messageId: 'served' },
    { name: 'the upstream failed (404) and nothing was settled (obol settles only below 400)', artifacts: failed(404, UNCHANGED), messageId: 'ok' },
    { name: '--pay-failure: the service failed (404) and the fresh authorization was never settled', artifacts: withFailure(followUpAttempt('pay-failure', paidExchange(404))), messageId: 'failureOk' },
  ],
  invalid: [
    {
      name: 'settled before serving: the upstream failed and the buyer paid anyway (x402-now.md, seller bug 9)',
      artifacts: failed(404, CHARGED, settlementHeader()),
      status: 'fail',
      messageId: 'charged',
      message: expect.stringContaining('fell by 10000'),
    },
    { name: 'a 500 that charged, without a receipt', artifacts: failed(500, CHARGED), status: 'fail', messageId: 'charged', data: { status: 500, delta: '10000', receipt: '' } },
    {
      name: '--pay-failure: the seller settled before its upstream failed (a 502 with a receipt)',
      artifacts: withFailure(followUpAttempt('pay-failure', paidExchange(502, { headers: settlementHeader() }), { authorizationUsed: true })),
      status: 'fail',
      messageId: 'failureCharged',
      message: expect.stringContaining('receipt names transaction 0xabab'),
    },
    {
      name: 'both: the paid request failed and charged, and so did --pay-failure',
      artifacts: { ...failed(404, CHARGED), followUp: followUp({ payFailure: followUpAttempt('pay-failure', paidExchange(404), { authorizationUsed: true }) }) },
      status: 'fail',
      messageId: 'charged',
      findings: [
        { status: 'fail', messageId: 'charged' },
        { status: 'fail', messageId: 'failureCharged' },
      ],
    },
  ],
  skip: [
    { name: 'no balances without --rpc', artifacts: failed(404, null), messageId: 'noBalances' },
    { name: 'no answer to the paid request', artifacts: { payment: session({ paid: payAttempt('paid', null) }) }, messageId: 'notSent' },
    {
      name: '--pay-failure without the budget for a second price: the skip names --max-total',
      artifacts: withFailure(followUpAttempt('pay-failure', null, { notSent: '--pay-failure needs a price of its own and the run budget (--max-total: the default, one price) has none left: pass --max-total 0.02 or more' })),
      messageId: 'failureNotSent',
      message: expect.stringContaining('--max-total'),
    },
    { name: '--pay-failure was served: the body did not make the service fail', artifacts: withFailure(followUpAttempt('pay-failure', paidExchange(200))), messageId: 'failureServed' },
    { name: '--pay-failure answered, its authorization not read', artifacts: withFailure(followUpAttempt('pay-failure', paidExchange(404), { authorizationUsed: null })), messageId: 'failureUnread' },
  ],
});
