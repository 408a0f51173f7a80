import type { Artifacts } from '../../artifacts/index.js';
import { fail, skip } from '../outcome.js';
import { ATTACK_MESSAGES, judgeRefusal } from '../refusal.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.cross-route-replay-rejected',
  title: 'A payment already used at one route is refused at another route of the seller',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Keep used nonces (or check EIP-3009 authorizationState) across every route the payee sells, not per route, and bind a payment to the resource it was made for.',
  requires: ['payment'],
  messages: {
    ...ATTACK_MESSAGES,
    served: 'The payment already used at the probed URL was served again with HTTP {status} at another route: one payment buys every route whose nonce memory is its own.',
    charged: 'Refused at {url}, but payTo\'s balance moved again by {delta}: the authorization settled twice.',
    notGiven: 'No other route given: name one with --also <url> to present the used payment there.',
    notSent: 'Not presented at another route: {reason}.',
  },
} as const satisfies CheckMeta;

/** Any 4xx refuses it: 402, 409 for a nonce seen, 403 for a payment bound to another resource. */
const RULE = { rejectedWith: [], other: 'rejected' } as const;

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome | CheckOutcome[] {
  const attempts = payment.crossRoute ?? [];
  const paid = payment.paid?.exchange;
  if (attempts.length === 0) {
    if (payment.plan.refused !== null) return skip(meta, 'notSent', { reason: 'the paid probe was refused by the spend limits' });
    if (!paid || paid.status === null || paid.status < 200 || paid.status >= 300) return skip(meta, 'notSent', { reason: 'the paid request was not served, so there is nothing to present again' });
    return skip(meta, 'notGiven');
  }
  const b = payment.balances;
  if (b?.afterReplay && b.afterCrossRoute) {
    const delta = BigInt(b.afterCrossRoute.payTo) - BigInt(b.afterReplay.payTo);
    if (delta !== 0n) return fail(meta, 'charged', { url: attempts.map((a) => a.url).join(', '), delta: delta.toString() }, `payTo ${b.afterReplay.payTo} → ${b.afterCrossRoute.payTo}`);
  }
  return attempts.map((a) => {
    const url = a.url ?? 'another route';
    if (!a.exchange) return skip(meta, 'notSent', { reason: payment.error ?? 'not sent' });
    const outcome = judgeRefusal(meta, { ...a, exchange: a.exchange }, RULE);
    return { ...outcome, evidence: `${url}: ${outcome.evidence ?? ''}` };
  });
}
