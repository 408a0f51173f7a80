import { checkTester } from '../../../test/helpers/checkTester.js';
import { BASE_SEPOLIA_USDC } from '../../../test/helpers/artifacts.js';
import { PAYER, session } from '../../../test/helpers/payment.js';
import type { Permit2Approval } from '../../artifacts/index.js';
import { PERMIT2_ADDRESS } from '../../protocol/permit2.js';
import * as permit2Approval from './permit2-approval.js';

const approval = (o: Partial<Permit2Approval> = {}): Permit2Approval => ({ token: BASE_SEPOLIA_USDC, owner: PAYER, spender: PERMIT2_ADDRESS, allowanceBefore: '0', approved: null, transaction: null, status: null, ...o });

checkTester(permit2Approval, {
  valid: [
    { name: 'an allowance already there', artifacts: { payment: session({ permit2Approval: approval({ allowanceBefore: '1000000' }) }) }, messageId: 'sufficient' },
    { name: 'approved exactly the cap, naming the transaction', artifacts: { payment: session({ permit2Approval: approval({ approved: '10000', transaction: `0x${'aa'.repeat(32)}`, status: 'success' }) }) }, messageId: 'approved' },
  ],
  invalid: [{ name: 'an approval above the cap', artifacts: { payment: session({ permit2Approval: approval({ approved: '10001', transaction: `0x${'aa'.repeat(32)}`, status: 'success' }) }) }, status: 'fail', messageId: 'overApproved' }],
  skip: [{ name: 'an EIP-3009 payment', artifacts: { payment: session() }, messageId: 'notPermit2' }],
});
