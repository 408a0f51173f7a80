import { expect } from 'vitest';
import { attempt } from '../../../test/helpers/artifacts.js';
import { refusedCases, unrefusedCases } from '../../../test/helpers/attacks.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import type { HttpExchange } from '../../artifacts/index.js';
import * as forgedRejected from './forged-rejected.js';

const forged = (exchange: HttpExchange) => ({ forged: attempt('forged', null, { exchange }) });

checkTester(forgedRejected, {
  valid: refusedCases(forged),
  invalid: unrefusedCases(forged),
  skip: [
    {
      name: 'nothing sent, with the reason',
      artifacts: { forged: attempt('forged', null, { notSent: 'no requirement a buyer can sign' }) },
      messageId: 'notSent',
      message: expect.stringContaining('no requirement a buyer can sign'),
    },
    { name: 'no exchange recorded', artifacts: { forged: attempt('forged', null) }, messageId: 'notSent' },
  ],
});
