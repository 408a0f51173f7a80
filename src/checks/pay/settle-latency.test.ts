import { challengeOf, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { paidExchange, payAttempt, session } from '../../../test/helpers/payment.js';
import * as settleLatency from './settle-latency.js';

const challenge = challengeOf(v2Response());

checkTester(settleLatency, {
  valid: [{ name: 'answered within maxTimeoutSeconds', artifacts: { payment: session(), challenge }, messageId: 'fast' }],
  invalid: [
    {
      name: 'slower than maxTimeoutSeconds (a warning, by severity)',
      artifacts: { payment: session({ paid: payAttempt('paid', paidExchange(200, { timings: { headersMs: 61_000, totalMs: 61_000 } })) }), challenge },
      status: 'fail',
      messageId: 'slow',
      reported: 'warn',
    },
  ],
  skip: [{ name: 'no paid request answered', artifacts: { payment: session({ paid: null }), challenge }, messageId: 'notServed' }],
});
