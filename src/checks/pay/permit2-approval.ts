import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.permit2-approval',
  title: 'A Permit2 payment had the buyer\'s Permit2 allowance, and any approval the probe made was exactly the cap',
  severity: 'info',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Nothing for the seller: a missing Permit2 allowance is the buyer\'s to set (approve Permit2 for the token, or pass --approve-permit2).',
  requires: ['payment'],
  messages: {
    notPermit2: 'The payment was not made through Permit2; no allowance needed.',
    sufficient: 'The buyer had already approved Permit2 for {allowance} atomic units of {token}; nothing was approved.',
    approved: '--approve-permit2 approved Permit2 for exactly the cap, {approved} atomic units of {token} (the allowance was {allowance}): transaction {tx}.',
    overApproved: 'The approval {tx} was for {approved} atomic units, more than the cap {cap}: the probe must never approve more than the cap.',
  },
} as const satisfies CheckMeta;

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome {
  const approval = payment.permit2Approval;
  if (!approval) return skip(meta, 'notPermit2');
  const evidence = `allowance(${approval.owner}, ${approval.spender}) on ${approval.token} = ${approval.allowanceBefore}; approved ${approval.approved ?? 'nothing'}${approval.transaction ? ` in ${approval.transaction} (${approval.status})` : ''}`;
  if (approval.approved === null) return pass(meta, 'sufficient', { allowance: approval.allowanceBefore, token: approval.token }, evidence);
  const cap = payment.plan.capAtomic ?? '0';
  if (BigInt(approval.approved) > BigInt(cap)) return fail(meta, 'overApproved', { tx: approval.transaction, approved: approval.approved, cap }, evidence);
  return pass(meta, 'approved', { approved: approval.approved, token: approval.token, allowance: approval.allowanceBefore, tx: approval.transaction }, evidence);
}
