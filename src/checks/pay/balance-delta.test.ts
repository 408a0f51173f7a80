import { target } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { paidExchange, payAttempt, plan, session, settlementHeader } from '../../../test/helpers/payment.js';
import { PERMIT2_ADDRESS, UPTO_PERMIT2_PROXY } from '../../protocol/permit2.js';
import * as balanceDelta from './balance-delta.js';

const uptoPlan = plan({ permit2: { scheme: 'upto', permit2: PERMIT2_ADDRESS, spender: UPTO_PERMIT2_PROXY, facilitator: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' } });
const upto = (claimed: string, afterPaid: { payer: string; payTo: string }) => ({
  payment: session({ plan: uptoPlan, paid: payAttempt('paid', paidExchange(200, { headers: settlementHeader({ amount: claimed }) })), balances: balances(afterPaid) }),
});
const balances = (afterPaid: { payer: string; payTo: string }) => ({ before: { payer: '1000000', payTo: '0' }, afterPaid, afterReplay: null, error: null });

checkTester(balanceDelta, {
  valid: [
    { name: 'both balances moved by exactly the price', artifacts: { payment: session() }, messageId: 'ok' },
    { name: 'upto: both moved by what the receipt claims, under the maximum', artifacts: upto('4000', { payer: '996000', payTo: '4000' }), messageId: 'ok' },
  ],
  invalid: [
    { name: 'upto: more than the signed maximum', artifacts: upto('10001', { payer: '989999', payTo: '10001' }), status: 'fail', messageId: 'uptoOverMax' },
    { name: 'upto: more than the receipt claims', artifacts: upto('4000', { payer: '991000', payTo: '9000' }), status: 'fail', messageId: 'payToDelta' },
    { name: 'payTo did not receive the price', artifacts: { payment: session({ balances: balances({ payer: '1000000', payTo: '0' }) }) }, status: 'fail', messageId: 'payToDelta' },
    { name: 'the buyer paid more', artifacts: { payment: session({ balances: balances({ payer: '980000', payTo: '10000' }) }) }, status: 'fail', messageId: 'payerDelta' },
    { name: 'the balances could not be read', artifacts: { payment: session({ balances: { before: null, afterPaid: null, afterReplay: null, error: 'rpc down' } }) }, status: 'fail', messageId: 'readFailed' },
  ],
  skip: [
    { name: 'no --rpc', artifacts: { payment: session({ balances: null }), target: target({ rpc: false }) }, messageId: 'noRpc' },
    { name: 'the paid request was not served', artifacts: { payment: session({ paid: payAttempt('paid', paidExchange(402)) }) }, messageId: 'notServed' },
  ],
});
