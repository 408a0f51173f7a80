import type { HttpExchange } from '../../artifacts/index.js';
import { refusedCases, unrefusedCases } from '../../../test/helpers/attacks.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { payAttempt, plan, session } from '../../../test/helpers/payment.js';
import * as expiredRejected from './expired-rejected.js';

const answering = (exchange: HttpExchange) => ({ payment: session({ expired: payAttempt('expired', exchange) }) });

checkTester(expiredRejected, {
  valid: [{ name: 'the careful session: refused with 402', artifacts: { payment: session() }, messageId: 'rejected' }, ...refusedCases(answering)],
  invalid: unrefusedCases(answering),
  skip: [
    { name: 'the spend limits refused the paid probe', artifacts: { payment: session({ plan: plan({ refused: 'too dear' }) }) }, messageId: 'notSent' },
    { name: 'the session sent no such payment', artifacts: { payment: session({ expired: null }) }, messageId: 'notSent' },
  ],
});
