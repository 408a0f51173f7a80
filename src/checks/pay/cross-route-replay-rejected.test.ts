import { expect } from 'vitest';
import type { HttpExchange, PaymentAttempt } from '../../artifacts/index.js';
import { refusedCases, unrefusedCases } from '../../../test/helpers/attacks.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { paidExchange, payAttempt, plan, session } from '../../../test/helpers/payment.js';
import * as crossRouteReplayRejected from './cross-route-replay-rejected.js';

const OTHER = 'https://seller.example/other';
const at = (exchange: HttpExchange | null, url = OTHER): PaymentAttempt => ({ ...payAttempt('cross-route', exchange), url });
const answering = (exchange: HttpExchange) => ({ payment: session({ crossRoute: [at(exchange)] }) });
const balances = (afterCrossRoutePayTo: string) => ({
  before: { payer: '1000000', payTo: '0' }, afterPaid: { payer: '990000', payTo: '10000' }, afterReplay: { payer: '990000', payTo: '10000' },
  afterCrossRoute: { payer: '980000', payTo: afterCrossRoutePayTo }, error: null,
});

checkTester(crossRouteReplayRejected, {
  valid: [
    ...refusedCases(answering, [402, 400, 403, 404, 409]),
    { name: 'refused at every route named', artifacts: { payment: session({ crossRoute: [at(paidExchange(402)), at(paidExchange(409), `${OTHER}/2`)] }) }, messageId: 'rejected', evidence: expect.stringContaining(OTHER) },
  ],
  invalid: [
    ...unrefusedCases(answering, { unexpected: 103 }),
    {
      name: 'served at the second route: the nonce cache is per route',
      artifacts: { payment: session({ crossRoute: [at(paidExchange(402)), at(paidExchange(200), `${OTHER}/2`)] }) },
      status: 'fail',
      messageId: 'served',
      evidence: expect.stringContaining(`${OTHER}/2`),
    },
    { name: 'refused, but settled again', artifacts: { payment: session({ crossRoute: [at(paidExchange(402))], balances: balances('20000') }) }, status: 'fail', messageId: 'charged', data: { url: OTHER, delta: '10000' } },
  ],
  skip: [
    { name: 'no --also given', artifacts: { payment: session() }, messageId: 'notGiven' },
    { name: 'the paid request was not served', artifacts: { payment: session({ paid: payAttempt('paid', paidExchange(402)) }) }, messageId: 'notSent' },
    { name: 'the spend limits refused', artifacts: { payment: session({ plan: plan({ refused: 'over the cap' }), paid: null }) }, messageId: 'notSent' },
    { name: 'the session stopped before it', artifacts: { payment: session({ crossRoute: [at(null)], error: 'RPC failed' }) }, messageId: 'notSent' },
  ],
});
