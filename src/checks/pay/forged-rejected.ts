import type { Artifacts } from '../../artifacts/index.js';
import { ATTACK_MESSAGES, judgeUnpaidAttack } from '../refusal.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.forged-rejected',
  title: 'A payment signed by an unfunded key is refused',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification-v2.md',
  fix: 'Verify every payment with the facilitator (/verify, then /settle) before serving, and answer a failed payment with 402.',
  requires: ['forged'],
  messages: {
    ...ATTACK_MESSAGES,
    served: 'The forged payment (signed by an unfunded key) was served with HTTP {status}: the seller does not verify payments, so anyone can use the service for free.',
  },
} as const satisfies CheckMeta;

export function check({ forged }: Pick<Artifacts, 'forged'>): CheckOutcome {
  return judgeUnpaidAttack(meta, forged);
}
