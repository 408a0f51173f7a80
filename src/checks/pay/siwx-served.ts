import { fail, pass, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.siwx-served',
  title: 'A buyer who paid and signs in with sign-in-with-x is served without paying again',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/extensions/sign-in-with-x.md',
  fix: 'Record the payer of each settled payment (@x402/extensions createSIWxSettleHook) and serve a valid SIGN-IN-WITH-X from that address (createSIWxRequestHook) instead of a new 402.',
  requires: ['followUp'],
  messages: {
    served: 'The request signed in with sign-in-with-x as the buyer who paid got HTTP {status}, with no second payment.',
    notHonoured: 'The request signed in with sign-in-with-x as the buyer who paid got a fresh 402: the seller advertises sign-in but charges a returning buyer again.',
    failed: 'The request signed in with sign-in-with-x as the buyer who paid got HTTP {status}, not the service.',
    notSent: 'No sign-in-with-x retry was sent: {reason}.',
    noAnswer: 'The sign-in-with-x retry got no answer ({code}).',
  },
} as const satisfies CheckMeta;

export function check({ followUp }: CheckInput<typeof meta>): CheckOutcome {
  const { siwx } = followUp;
  if (siwx.notSent !== null) return skip(meta, 'notSent', { reason: siwx.notSent });
  const ex = siwx.exchange;
  if (!ex || ex.status === null) return skip(meta, 'noAnswer', { code: ex?.error?.code ?? 'not sent' });
  if (ex.status === 402) return fail(meta, 'notHonoured', {}, `HTTP 402`);
  if (ex.status < 200 || ex.status >= 300) return fail(meta, 'failed', { status: ex.status }, `HTTP ${ex.status}`);
  return pass(meta, 'served', { status: ex.status });
}
