/** pay.settlement-onchain for Permit2 payments (exact via Permit2 and upto, issue 14). */
import { BASE_SEPOLIA_USDC, PAY_TO } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { PAYER, payAttempt, paidExchange, plan, receipt, session, settlementHeader } from '../../../test/helpers/payment.js';
import { EXACT_PERMIT2_PROXY, PERMIT2_ADDRESS, UPTO_PERMIT2_PROXY } from '../../protocol/permit2.js';
import * as settlementOnchain from './settlement-onchain.js';

const FACILITATOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const exactPlan = plan({ permit2: { scheme: 'exact', permit2: PERMIT2_ADDRESS, spender: EXACT_PERMIT2_PROXY, facilitator: null } });
const uptoPlan = plan({ permit2: { scheme: 'upto', permit2: PERMIT2_ADDRESS, spender: UPTO_PERMIT2_PROXY, facilitator: FACILITATOR } });
const paidWithReceipt = (amount?: string) => payAttempt('paid', paidExchange(200, { headers: settlementHeader(amount === undefined ? {} : { amount }) }));
const permit2Receipt = (o: Parameters<typeof receipt>[0] = {}, proxy = EXACT_PERMIT2_PROXY) =>
  receipt({ authorizations: [], to: proxy, permit2Nonce: { usedBefore: false, usedAt: true }, ...o });
const transfer = (value: string, to = PAY_TO) => [{ token: BASE_SEPOLIA_USDC, from: PAYER, to, value }];
const exact = (r: ReturnType<typeof receipt>) => ({ payment: session({ plan: exactPlan, nonce: '12345' }), settlement: r });
const upto = (r: ReturnType<typeof receipt>, claimed?: string) => ({ payment: session({ plan: uptoPlan, nonce: '12345', paid: paidWithReceipt(claimed) }), settlement: r });

checkTester(settlementOnchain, {
  valid: [
    { name: 'exact via Permit2: through the proxy, this run\'s nonce consumed in its block, the amount to payTo', artifacts: exact(permit2Receipt()), messageId: 'permit2Ok' },
    { name: 'upto: less than the maximum, as the receipt claims', artifacts: upto(permit2Receipt({ transfers: transfer('4000') }, UPTO_PERMIT2_PROXY), '4000'), messageId: 'permit2Ok' },
  ],
  invalid: [
    { name: 'not sent to the proxy', artifacts: exact(permit2Receipt({ to: PAY_TO })), status: 'fail', messageId: 'notThroughProxy' },
    { name: 'the nonce was already used before the block (a stale settlement)', artifacts: exact(permit2Receipt({ permit2Nonce: { usedBefore: true, usedAt: true } })), status: 'fail', messageId: 'permit2NonceUnused' },
    { name: 'the nonce is still unused', artifacts: exact(permit2Receipt({ permit2Nonce: { usedBefore: false, usedAt: false } })), status: 'fail', messageId: 'permit2NonceUnused' },
    { name: 'the nonce could not be read', artifacts: exact(permit2Receipt({ permit2Nonce: null })), status: 'fail', messageId: 'permit2Unread' },
    { name: 'exact: another amount', artifacts: exact(permit2Receipt({ transfers: transfer('9999') })), status: 'fail', messageId: 'wrongAmount' },
    { name: 'another recipient', artifacts: exact(permit2Receipt({ transfers: transfer('10000', '0x000000000000000000000000000000000000dEaD') })), status: 'fail', messageId: 'wrongRecipient' },
    { name: 'upto: more than the signed maximum', artifacts: upto(permit2Receipt({ transfers: transfer('10001') }, UPTO_PERMIT2_PROXY), '10001'), status: 'fail', messageId: 'uptoOverMax' },
    { name: 'upto: more than the receipt claims', artifacts: upto(permit2Receipt({ transfers: transfer('9000') }, UPTO_PERMIT2_PROXY), '4000'), status: 'fail', messageId: 'uptoReceiptMismatch' },
    { name: 'upto: a receipt that names no amount', artifacts: upto(permit2Receipt({ transfers: transfer('4000') }, UPTO_PERMIT2_PROXY)), status: 'fail', messageId: 'uptoNoAmount' },
  ],
});
