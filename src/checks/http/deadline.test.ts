import { expect } from 'vitest';
import { checkTester, including } from '../../../test/helpers/checkTester.js';
import * as deadline from './deadline.js';

checkTester(deadline, {
  valid: [
    {
      name: 'nothing cut, naming the time taken',
      artifacts: { deadline: { ms: 30_000, gatherMs: 1_234, exceeded: false, cut: [] } },
      messageId: 'inTime',
      message: expect.stringContaining('1234 of 30000 ms'),
    },
    { name: 'a deadline that passed after the last exchange (nothing was lost)', artifacts: { deadline: { ms: 100, gatherMs: 101, exceeded: true, cut: [] } } },
  ],
  invalid: [
    {
      name: 'the deadline cut exchanges, naming each one',
      artifacts: { deadline: { ms: 6_000, gatherMs: 6_010, exceeded: true, cut: ['payment.paid', 'payment.replay'] } },
      status: 'fail',
      messageId: 'cut',
      message: including('payment.paid, payment.replay', '6000 ms'),
    },
  ],
});
