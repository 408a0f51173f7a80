import { ATTACK_MESSAGES, judgeAttack, type PaymentInput } from '../refusal.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.underpaid-rejected',
  title: 'A payment one atomic unit short of the price is refused',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Verify the signed authorization value against the requirement (v2: value == amount) through the facilitator before serving.',
  requires: ['payment'],
  messages: {
    ...ATTACK_MESSAGES,
    served: 'A payment for one atomic unit less than the price was served with HTTP {status}: buyers can underpay.',
  },
} as const satisfies CheckMeta;

export function check({ payment }: PaymentInput): CheckOutcome {
  return judgeAttack(meta, payment, (p) => p.underpaid);
}
