import { target } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { paidExchange, payAttempt, session } from '../../../test/helpers/payment.js';
import * as balanceDelta from './balance-delta.js';

const balances = (afterPaid: { payer: string; payTo: string }) => ({ before: { payer: '1000000', payTo: '0' }, afterPaid, afterReplay: null, error: null });

checkTester(balanceDelta, {
  valid: [{ name: 'both balances moved by exactly the price', artifacts: { payment: session() }, messageId: 'ok' }],
  invalid: [
    { name: 'payTo did not receive the price', artifacts: { payment: session({ balances: balances({ payer: '1000000', payTo: '0' }) }) }, status: 'fail', messageId: 'payToDelta' },
    { name: 'the buyer paid more', artifacts: { payment: session({ balances: balances({ payer: '980000', payTo: '10000' }) }) }, status: 'fail', messageId: 'payerDelta' },
    { name: 'the balances could not be read', artifacts: { payment: session({ balances: { before: null, afterPaid: null, afterReplay: null, error: 'rpc down' } }) }, status: 'fail', messageId: 'readFailed' },
  ],
  skip: [
    { name: 'no --rpc', artifacts: { payment: session({ balances: null }), target: target({ rpc: false }) }, messageId: 'noRpc' },
    { name: 'the paid request was not served', artifacts: { payment: session({ paid: payAttempt('paid', paidExchange(402)) }) }, messageId: 'notServed' },
  ],
});
