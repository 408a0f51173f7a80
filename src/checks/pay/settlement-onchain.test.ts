import { expect } from 'vitest';
import { BASE_SEPOLIA_USDC, PAY_TO } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { NONCE, PAYER, payAttempt, paidExchange, plan, receipt, session, settlementHeader } from '../../../test/helpers/payment.js';
import { EXACT_PERMIT2_PROXY, PERMIT2_ADDRESS, UPTO_PERMIT2_PROXY } from '../../protocol/permit2.js';
import * as settlementOnchain from './settlement-onchain.js';

const EARLIER_NONCE = `0x${'02'.repeat(32)}`;
const judged = (settlement: ReturnType<typeof receipt>) => ({ payment: session(), settlement });

// Permit2 payments (exact via Permit2 and upto, issue 14).
const FACILITATOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const exactPlan = plan({ permit2: { scheme: 'exact', permit2: PERMIT2_ADDRESS, spender: EXACT_PERMIT2_PROXY, facilitator: null } });
const uptoPlan = plan({ permit2: { scheme: 'upto', permit2: PERMIT2_ADDRESS, spender: UPTO_PERMIT2_PROXY, facilitator: FACILITATOR } });
const paidWithReceipt = (amount?: string) => payAttempt('paid', paidExchange(200, { headers: settlementHeader(amount === undefined ? {} : { amount }) }));
const permit2Receipt = (o: Parameters<typeof receipt>[0] = {}, proxy = EXACT_PERMIT2_PROXY) =>
  receipt({ authorizations: [], to: proxy, permit2Nonce: { usedBefore: false, usedAt: true }, ...o });
const transfer = (value: string, to = PAY_TO) => [{ token: BASE_SEPOLIA_USDC, from: PAYER, to, value }];
const exact = (r: ReturnType<typeof receipt>) => ({ payment: session({ plan: exactPlan, nonce: '12345' }), settlement: r });
const upto = (r: ReturnType<typeof receipt>, claimed?: string) => ({ payment: session({ plan: uptoPlan, nonce: '12345', paid: paidWithReceipt(claimed) }), settlement: r });

const permit2Valid = [
    { name: 'exact via Permit2: through the proxy, this run\'s nonce consumed in its block, the amount to payTo', artifacts: exact(permit2Receipt()), messageId: 'permit2Ok' },
    { name: 'upto: less than the maximum, as the receipt claims', artifacts: upto(permit2Receipt({ transfers: transfer('4000') }, UPTO_PERMIT2_PROXY), '4000'), messageId: 'permit2Ok' },
  ] as const;
const permit2Invalid = [
    { name: 'not sent to the proxy', artifacts: exact(permit2Receipt({ to: PAY_TO })), status: 'fail', messageId: 'notThroughProxy' },
    { name: 'the nonce was already used before the block (a stale settlement)', artifacts: exact(permit2Receipt({ permit2Nonce: { usedBefore: true, usedAt: true } })), status: 'fail', messageId: 'permit2NonceUnused' },
    { name: 'the nonce is still unused', artifacts: exact(permit2Receipt({ permit2Nonce: { usedBefore: false, usedAt: false } })), status: 'fail', messageId: 'permit2NonceUnused' },
    { name: 'the nonce could not be read', artifacts: exact(permit2Receipt({ permit2Nonce: null })), status: 'fail', messageId: 'permit2Unread' },
    { name: 'exact: another amount', artifacts: exact(permit2Receipt({ transfers: transfer('9999') })), status: 'fail', messageId: 'wrongAmount' },
    { name: 'another recipient', artifacts: exact(permit2Receipt({ transfers: transfer('10000', '0x000000000000000000000000000000000000dEaD') })), status: 'fail', messageId: 'wrongRecipient' },
    { name: 'upto: more than the signed maximum', artifacts: upto(permit2Receipt({ transfers: transfer('10001') }, UPTO_PERMIT2_PROXY), '10001'), status: 'fail', messageId: 'uptoOverMax' },
    { name: 'upto: more than the receipt claims', artifacts: upto(permit2Receipt({ transfers: transfer('9000') }, UPTO_PERMIT2_PROXY), '4000'), status: 'fail', messageId: 'uptoReceiptMismatch' },
    { name: 'upto: a receipt that names no amount', artifacts: upto(permit2Receipt({ transfers: transfer('4000') }, UPTO_PERMIT2_PROXY)), status: 'fail', messageId: 'uptoNoAmount' },
  ] as const;

checkTester(settlementOnchain, {
  valid: [
    ...permit2Valid,
    {
      name: "this run's authorization, exactly the amount, to payTo",
      artifacts: judged(receipt()),
      messageId: 'ok',
      message: expect.stringContaining(NONCE),
    },
  ],
  invalid: [
    ...permit2Invalid,
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
