import { expect } from 'vitest';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { plan, session } from '../../../test/helpers/payment.js';
import * as withinLimits from './within-limits.js';

checkTester(withinLimits, {
  valid: [{ name: 'a plan within the limits', artifacts: { payment: session() }, messageId: 'within', message: expect.stringContaining('0.01 USDC') }],
  invalid: [
    {
      name: 'the probe refused to sign, with the reason',
      artifacts: { payment: session({ plan: plan({ refused: 'the price 1 USDC exceeds --max-amount 0.01' }) }) },
      status: 'fail',
      messageId: 'refused',
      message: expect.stringContaining('exceeds --max-amount'),
    },
  ],
});
