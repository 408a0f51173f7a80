import { ATTACK_MESSAGES, judgeAttack, type PaymentInput } from '../refusal.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.wrong-recipient-rejected',
  title: 'A payment authorised to another recipient is refused',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Check that the authorization pays your payTo (the facilitator\'s recipient check) before serving.',
  requires: ['payment'],
  messages: {
    ...ATTACK_MESSAGES,
    served: 'A payment whose authorization pays someone else (the buyer itself) was served with HTTP {status}: the seller is never paid for it.',
  },
} as const satisfies CheckMeta;

export function check({ payment }: PaymentInput): CheckOutcome {
  return judgeAttack(meta, payment, (p) => p.wrongRecipient);
}
