import { checkTester } from '../../../test/helpers/checkTester.js';
import { followUp, followUpAttempt, paidExchange, settlementHeader } from '../../../test/helpers/payment.js';
import * as identifierRetryCached from './identifier-retry-cached.js';

const retried = (status: number, overrides: Parameters<typeof paidExchange>[1] = {}) => ({ followUp: followUp({ identifierRetry: followUpAttempt('identifier-retry', paidExchange(status, overrides)) }) });

checkTester(identifierRetryCached, {
  valid: [
    { name: 'the cached response, with the paid request\'s receipt', artifacts: retried(200), messageId: 'cached' },
    { name: 'a 409 for a copy still in flight', artifacts: retried(409), messageId: 'inFlight' },
  ],
  invalid: [
    { name: 'a fresh 402: a conforming buyer pays again', artifacts: retried(402), status: 'fail', messageId: 'fresh402' },
    { name: 'served again with a receipt for another settlement', artifacts: retried(200, { headers: settlementHeader({ transaction: `0x${'cd'.repeat(32)}` }) }), status: 'fail', messageId: 'secondSettlement' },
    { name: 'a 500 instead of the cached response', artifacts: retried(500), status: 'fail', messageId: 'notCached' },
  ],
  skip: [
    { name: 'no identifier declared', artifacts: { followUp: followUp({ identifierRetry: followUpAttempt('identifier-retry', null, { notSent: 'the paid payment carried no payment identifier' }) }) }, messageId: 'notSent' },
    { name: 'no answer', artifacts: { followUp: followUp({ identifierRetry: followUpAttempt('identifier-retry', paidExchange(200, { status: null, error: { code: 'timeout', message: 't' } })) }) }, messageId: 'noAnswer' },
  ],
});
