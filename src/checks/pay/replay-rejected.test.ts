import type { HttpExchange } from '../../artifacts/index.js';
import { refusedCases, unrefusedCases } from '../../../test/helpers/attacks.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { followUp, paidExchange, payAttempt, session } from '../../../test/helpers/payment.js';
import * as replayRejected from './replay-rejected.js';

const answering = (exchange: HttpExchange) => ({ payment: session({ replay: payAttempt('replay', exchange) }) });
const settledTwice = { before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '990000', payTo: '10000' }, afterReplay: { payer: '980000', payTo: '20000' }, error: null };

checkTester(replayRejected, {
  valid: [
    { name: 'refused, and nothing moved again', artifacts: { payment: session() }, messageId: 'rejected' },
    ...refusedCases(answering),
    { name: 'an identified payment repeated gets its stored answer (payment-identifier)', artifacts: { payment: session({ replay: payAttempt('replay', paidExchange(200)) }), followUp: followUp() }, messageId: 'identified' },
  ],
  invalid: [
    ...unrefusedCases(answering),
    { name: 'refused, but settled a second time', artifacts: { payment: session({ balances: settledTwice }) }, status: 'fail', messageId: 'charged', data: { delta: '10000' } },
    {
      name: 'served and settled twice: served speaks for it',
      artifacts: { payment: session({ replay: payAttempt('replay', paidExchange(200)), balances: settledTwice }) },
      status: 'fail',
      messageId: 'served',
    },
  ],
  skip: [
    { name: 'the paid request was not served', artifacts: { payment: session({ paid: payAttempt('paid', paidExchange(402)) }) }, messageId: 'notSent' },
    { name: 'no replay was sent', artifacts: { payment: session({ replay: null }) }, messageId: 'notSent' },
  ],
});
