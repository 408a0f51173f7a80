import { expect } from 'vitest';
import type { PaymentAttempt } from '../../artifacts/index.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { paidExchange, payAttempt, plan, session } from '../../../test/helpers/payment.js';
import * as concurrentReplayRejected from './concurrent-replay-rejected.js';

const copy = (status: number): PaymentAttempt => payAttempt('paid-copy', paidExchange(status));
const sse = (status: number) => paidExchange(status, { headers: { 'content-type': 'text/event-stream' } });

checkTester(concurrentReplayRejected, {
  valid: [
    { name: 'one served, the copies in flight got 409 or 402', artifacts: { payment: session({ paidCopies: [copy(409), copy(409), copy(402), copy(402)] }) }, messageId: 'ok', data: { n: 5, served: 1, others: '409 ×2, 402 ×2' } },
    { name: 'none served (pay.paid-served judges that)', artifacts: { payment: session({ paid: payAttempt('paid', paidExchange(402)), paidCopies: [copy(402)] }) }, messageId: 'ok' },
  ],
  invalid: [
    {
      name: 'served all five for one settlement: the nonce is checked only after settling (x402#1805)',
      artifacts: { payment: session({ paidCopies: [copy(200), copy(200), copy(200), copy(200)] }) },
      status: 'fail',
      messageId: 'servedMany',
      data: { n: 5, served: 5, onChain: ', and payTo was paid once' },
      evidence: expect.stringContaining('payTo 0 → 10000'),
    },
    {
      name: "obol-stack's streaming path: every copy streamed before any settled; the finding says no obol setting reaches it",
      artifacts: {
        payment: session({ paid: payAttempt('paid', sse(200)), paidCopies: [payAttempt('paid-copy', sse(200)), payAttempt('paid-copy', sse(200))] }),
        offer: {} as never,
      },
      status: 'fail',
      messageId: 'servedMany',
      fix: expect.stringContaining('obol-stack has no setting'),
    },
    {
      name: 'copies served plain (not streamed) by obol: a defect obol settles before serving, so no obol note',
      artifacts: { payment: session({ paidCopies: [copy(200)] }), offer: {} as never },
      status: 'fail',
      messageId: 'servedMany',
    },
    { name: 'two of three served, no balances read', artifacts: { payment: session({ paidCopies: [copy(200), copy(409)], balances: null }) }, status: 'fail', messageId: 'servedMany', data: { n: 3, served: 2, onChain: '' } },
  ],
  skip: [
    { name: 'sent alone (--replay-concurrency 1)', artifacts: { payment: session() }, messageId: 'single' },
    { name: 'the spend limits refused', artifacts: { payment: session({ plan: plan({ refused: 'over the cap' }), paid: null }) }, messageId: 'notSent' },
    { name: 'nothing sent', artifacts: { payment: session({ paid: null, error: 'signing failed' }) }, messageId: 'notSent' },
  ],
});
