import { expect } from 'vitest';
import { b64 } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { paidExchange, payAttempt, plan, session } from '../../../test/helpers/payment.js';
import type { HttpExchange } from '../../artifacts/index.js';
import * as paidServed from './paid-served.js';

const answering = (exchange: HttpExchange) => ({ payment: session({ paid: payAttempt('paid', exchange) }) });
const rechallenge = paidExchange(402, { headers: { 'payment-response': b64({ success: false, errorReason: 'invalid_exact_evm_payload_signature', transaction: '', network: 'eip155:84532' }) } });

checkTester(paidServed, {
  valid: [{ name: 'served with a body', artifacts: { payment: session() }, messageId: 'served' }],
  invalid: [
    { name: 'a re-challenge, naming the facilitator reason', artifacts: answering(rechallenge), status: 'fail', messageId: 'rechallenged', message: expect.stringContaining('invalid_exact_evm_payload_signature') },
    { name: 'an empty 200', artifacts: answering(paidExchange(200, { body: '', bodyBytes: 0 })), status: 'fail', messageId: 'emptyBody' },
    {
      name: 'an error status, naming the reason in the body',
      artifacts: answering(paidExchange(503, { body: '{"error":"Payment settlement failed","reason":"settlement_failed"}' })),
      status: 'fail',
      messageId: 'refused',
      message: expect.stringContaining('settlement_failed'),
    },
    { name: 'no response', artifacts: answering(paidExchange(0, { status: null, error: { code: 'reset', message: 'x' } })), status: 'fail', messageId: 'noResponse', data: { code: 'reset' } },
    {
      name: 'cut by the run deadline, naming it',
      artifacts: answering(paidExchange(0, { status: null, error: { code: 'deadline', message: 'cut by the run deadline after 1999 ms' } })),
      status: 'fail',
      messageId: 'deadline',
    },
    { name: 'signing failed, so nothing was sent', artifacts: { payment: session({ paid: null, error: 'the signer refused' }) }, status: 'fail', messageId: 'notSent', message: expect.stringContaining('the signer refused') },
  ],
  skip: [{ name: 'the plan was refused', artifacts: { payment: session({ plan: plan({ refused: 'mainnet' }), paid: null }) }, messageId: 'notSent' }],
});
