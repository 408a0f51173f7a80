import type { Artifacts } from '../../artifacts/index.js';
import { ATTACK_MESSAGES, judgeUnpaidAttack } from '../refusal.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.malformed-rejected',
  title: 'A payment header that is not a payment is refused with 400 or 402',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/transports-v2/http.md#error-handling',
  fix: 'Decode the payment header defensively and answer anything that is not a valid payment with 400 (or 402 with a fresh challenge), never with the resource or a 500.',
  requires: ['malformed'],
  messages: {
    ...ATTACK_MESSAGES,
    crashed: 'Answered HTTP {status}: the seller crashes on bad input instead of answering 400 or 402 (x402scan#1169).',
    rejectedOther: 'Refused with HTTP {status}; 400 or 402 tells a buyer more precisely what went wrong.',
    served: 'A payment header that is neither base64 nor JSON was served with HTTP {status}: the seller does not check payments, so anyone can use the service for free.',
  },
} as const satisfies CheckMeta;

/** A header that is not a payment is a client error: 400 (or 402 with a fresh challenge), any 4xx refuses it. */
const RULE = { rejectedWith: [400, 402], other: 'rejectedOther' } as const;

export function check({ malformed }: Pick<Artifacts, 'malformed'>): CheckOutcome {
  return judgeUnpaidAttack(meta, malformed, RULE);
}
