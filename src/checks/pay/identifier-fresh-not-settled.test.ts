import { expect } from 'vitest';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { followUp, followUpAttempt, paidExchange } from '../../../test/helpers/payment.js';
import * as identifierFreshNotSettled from './identifier-fresh-not-settled.js';

const fresh = (status: number, authorizationUsed: boolean | null) => ({ followUp: followUp({ identifierFresh: followUpAttempt('identifier-fresh', paidExchange(status), { authorizationUsed }) }) });

checkTester(identifierFreshNotSettled, {
  valid: [
    { name: 'a 409 and nothing settled', artifacts: fresh(409, false), messageId: 'notSettled' },
    { name: 'the cached response and nothing settled', artifacts: fresh(200, false), messageId: 'notSettled' },
  ],
  invalid: [
    { name: 'served and settled anew: the buyer paid twice under one identifier', artifacts: fresh(200, true), status: 'fail', messageId: 'settled' },
    { name: 'refused with a 402, yet settled', artifacts: fresh(402, true), status: 'fail', messageId: 'settled' },
  ],
  skip: [
    {
      name: 'no budget for a second price: the skip names --max-total',
      artifacts: { followUp: followUp({ identifierFresh: followUpAttempt('identifier-fresh', null, { notSent: 'a fresh authorization under the paid payment\'s identifier needs a price of its own and the run budget (--max-total: the default, one price) has none left: pass --max-total 0.02 or more' }) }) },
      messageId: 'notSent',
      message: expect.stringContaining('--max-total'),
    },
    { name: 'not read', artifacts: fresh(409, null), messageId: 'unread' },
  ],
});
