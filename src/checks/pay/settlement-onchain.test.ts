import { expect } from 'vitest';
import { BASE_SEPOLIA_USDC, PAY_TO } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { NONCE, PAYER, receipt, session } from '../../../test/helpers/payment.js';
import * as settlementOnchain from './settlement-onchain.js';

const EARLIER_NONCE = `0x${'02'.repeat(32)}`;
const judged = (settlement: ReturnType<typeof receipt>) => ({ payment: session(), settlement });

checkTester(settlementOnchain, {
  valid: [
    {
      name: "this run's authorization, exactly the amount, to payTo",
      artifacts: judged(receipt()),
      messageId: 'ok',
      message: expect.stringContaining(NONCE),
    },
  ],
  invalid: [
    { name: 'a made-up hash', artifacts: judged(receipt({ found: false, status: null, transfers: [], authorizations: [], error: 'not found' })), status: 'fail', messageId: 'notFound' },
    { name: 'a revert', artifacts: judged(receipt({ status: 'reverted' })), status: 'fail', messageId: 'reverted' },
    {
      name: 'another recipient',
      artifacts: judged(receipt({ transfers: [{ token: BASE_SEPOLIA_USDC, from: PAYER, to: '0x000000000000000000000000000000000000dEaD', value: '10000' }] })),
      status: 'fail',
      messageId: 'wrongRecipient',
    },
    { name: 'another amount', artifacts: judged(receipt({ transfers: [{ token: BASE_SEPOLIA_USDC, from: PAYER, to: PAY_TO, value: '9999' }] })), status: 'fail', messageId: 'wrongAmount' },
    { name: 'no transfer', artifacts: judged(receipt({ transfers: [] })), status: 'fail', messageId: 'noTransfer' },
    {
      name: 'a genuine but stale settlement: the same buyer, payTo and amount under another nonce',
      artifacts: judged(receipt({ authorizations: [{ token: BASE_SEPOLIA_USDC, authorizer: PAYER, nonce: EARLIER_NONCE }] })),
      status: 'fail',
      messageId: 'otherAuthorization',
      message: expect.stringContaining(EARLIER_NONCE),
    },
    { name: 'a transfer that used no authorization (a plain transfer)', artifacts: judged(receipt({ authorizations: [] })), status: 'fail', messageId: 'noAuthorization' },
    {
      name: "another token's authorization",
      artifacts: judged(receipt({ authorizations: [{ token: '0x000000000000000000000000000000000000bEEF', authorizer: PAYER, nonce: NONCE }] })),
      status: 'fail',
      messageId: 'noAuthorization',
    },
    {
      name: 'a receipt that could not be read (no RPC): fails, never skips',
      artifacts: judged(receipt({ found: false, status: null, chainId: null, transfers: [], authorizations: [], error: 'no chain read: no --rpc was given' })),
      status: 'fail',
      messageId: 'unverified',
    },
    { name: 'an RPC on another chain', artifacts: judged(receipt({ chainId: 1 })), status: 'fail', messageId: 'wrongChain' },
  ],
});
