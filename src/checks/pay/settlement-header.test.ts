import { expect } from 'vitest';
import { b64 } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { PAYER, TX, paidExchange, payAttempt, session, settlementHeader } from '../../../test/helpers/payment.js';
import * as settlementHeaderCheck from './settlement-header.js';

const served = (headers: Record<string, string>, rest: Parameters<typeof paidExchange>[1] = {}) => ({ payment: session({ paid: payAttempt('paid', paidExchange(200, { headers, ...rest })) }) });

checkTester(settlementHeaderCheck, {
  valid: [
    { name: 'a v2 receipt naming our payment', artifacts: { payment: session() }, messageId: 'ok' },
    {
      name: 'a v1 receipt naming our payment',
      artifacts: served({ 'x-payment-response': b64({ success: true, transaction: TX, network: 'base-sepolia', payer: PAYER }) }),
      messageId: 'ok',
      message: expect.stringContaining('X-PAYMENT-RESPONSE'),
    },
    {
      name: 'a streamed answer with its receipt in the trailers (obol)',
      artifacts: served({ 'content-type': 'text/event-stream' }, { trailers: settlementHeader() }),
      messageId: 'ok',
      message: expect.stringContaining('PAYMENT-RESPONSE (trailer)'),
    },
  ],
  invalid: [
    {
      name: 'a batch-settlement commitment is reported as such, not as "no transaction" (issue 14)',
      artifacts: served(settlementHeader({ transaction: '', amount: '', extra: { channelState: { channelId: `0x${'cd'.repeat(32)}` }, chargedAmount: '10000' } })),
      status: 'warn',
      messageId: 'batchCommitment',
      message: expect.stringContaining('cdcd'),
    },
    { name: 'an empty transaction with no commitment', artifacts: served(settlementHeader({ transaction: '' })), status: 'fail', messageId: 'badTx' },
    { name: 'no receipt', artifacts: served({}), status: 'fail', messageId: 'missing' },
    { name: 'trailers without a receipt', artifacts: served({}, { trailers: { 'x-other': '1' } }), status: 'fail', messageId: 'missing' },
    {
      name: 'an endless stream cut by the timeout: no trailer could come',
      artifacts: served({}, { bodyIncomplete: true, error: { code: 'timeout', message: 'timed out' } }),
      status: 'fail',
      messageId: 'streamUnfinished',
      message: expect.stringContaining('timeout'),
    },
    { name: 'a stream past the body cap', artifacts: served({}, { bodyTruncated: true }), status: 'fail', messageId: 'streamUnfinished' },
    { name: 'a trailer receipt for another network', artifacts: served({}, { trailers: settlementHeader({ network: 'eip155:8453' }) }), status: 'fail', messageId: 'wrongNetwork' },
    { name: 'an undecodable receipt', artifacts: served({ 'payment-response': '%%%' }), status: 'fail', messageId: 'undecodable' },
    { name: 'an unsuccessful receipt', artifacts: served(settlementHeader({ success: false })), status: 'fail', messageId: 'notSuccess' },
    { name: 'a receipt naming no transaction hash', artifacts: served(settlementHeader({ transaction: '0xdeadbeef' })), status: 'fail', messageId: 'badTx' },
    { name: 'a receipt for another network', artifacts: served(settlementHeader({ network: 'eip155:8453' })), status: 'fail', messageId: 'wrongNetwork' },
    { name: 'a receipt for another payer', artifacts: served(settlementHeader({ payer: '0x0000000000000000000000000000000000000001' })), status: 'fail', messageId: 'wrongPayer' },
  ],
  skip: [{ name: 'the paid request was not served', artifacts: { payment: session({ paid: payAttempt('paid', paidExchange(402)) }) }, messageId: 'notServed' }],
});
