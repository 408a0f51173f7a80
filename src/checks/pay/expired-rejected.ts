import { ATTACK_MESSAGES, judgeAttack, type PaymentInput } from '../refusal.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.expired-rejected',
  title: 'A payment whose authorization has expired is refused',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Verify validAfter/validBefore through the facilitator before serving; an expired authorization can never settle.',
  requires: ['payment'],
  messages: {
    ...ATTACK_MESSAGES,
    served: 'A payment whose authorization expired (validBefore in the past) was served with HTTP {status}: it can never settle.',
  },
} as const satisfies CheckMeta;

export function check({ payment }: PaymentInput): CheckOutcome {
  return judgeAttack(meta, payment, (p) => p.expired);
}
