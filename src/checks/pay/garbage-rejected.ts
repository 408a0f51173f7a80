import type { Artifacts, GarbageAttempt } from '../../artifacts/index.js';
import { OBOL_FIXES, servedByObol } from '../../protocol/obol.js';
import { clip, fail, pass, skip, warn, withFix } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.garbage-rejected',
  title: 'Malformed payment headers (bad base64, not JSON, a wrong shape, oversized, the other version) get 402',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/transports-v2/http.md#error-handling',
  fix: 'Decode the payment header inside a try: base64, then JSON, then the schema of the version you advertise; answer every failure with 402 and a fresh challenge, never a 500 or the resource.',
  requires: ['garbage'],
  messages: {
    rejected: 'The {encoding} header was refused with HTTP {status}.',
    tooLarge: 'The oversized header was refused with HTTP {status}.',
    rejectedOther: 'The {encoding} header was refused with HTTP {status}; 402 with a fresh challenge tells a buyer how to pay.',
    crashed: 'The {encoding} header crashed the seller: HTTP {status} instead of 402 (x402scan#1169).',
    served: 'The {encoding} header, which is no payment at all, was served with HTTP {status}: the seller does not check payments.',
    redirected: 'The {encoding} header was answered HTTP {status}, a redirect; a failed payment is answered with 402.',
    unexpected: 'The {encoding} header was answered HTTP {status}; a failed payment is answered with 402.',
    noResponse: 'The {encoding} header got no response ({code}): the seller hangs or drops the connection on a bad header.',
    deadline: 'The {encoding} header was cut by the run deadline before the seller answered.',
    notSent: 'The {encoding} header was not sent: {reason}.',
  },
} as const satisfies CheckMeta;

function evidenceOf(a: GarbageAttempt): string {
  const ex = a.exchange;
  const sent = `${a.encoding} (${a.bytes} bytes)`;
  if (!ex) return `${sent}: not sent`;
  if (ex.status === null) return `${sent}: ${ex.error ? `${ex.error.code}: ${ex.error.message}` : 'no response'}`;
  const body = ex.body.trim() ? `; body: ${clip(ex.body.trim().replace(/\s+/g, ' '), 120)}` : '';
  return `${sent}: HTTP ${ex.status}${body}`;
}

/** 402 passes; a 4xx other than 402 warns (400, 413 and 431 refuse the oversized one as too large: nginx answers 400); a 5xx or a 2xx fails. */
function judge(a: GarbageAttempt): CheckOutcome {
  const { encoding } = a;
  const evidence = evidenceOf(a);
  if (a.notSent !== undefined || !a.exchange) return skip(meta, 'notSent', { encoding, reason: a.notSent ?? 'no exchange was recorded' });
  const { status, error } = a.exchange;
  if (status === null) return error?.code === 'deadline' ? warn(meta, 'deadline', { encoding }, evidence) : warn(meta, 'noResponse', { encoding, code: error?.code ?? 'unknown' }, evidence);
  if (status === 402) return pass(meta, 'rejected', { encoding, status }, evidence);
  if (encoding === 'oversized' && (status === 400 || status === 413 || status === 431)) return pass(meta, 'tooLarge', { status }, evidence);
  if (status >= 200 && status < 300) return fail(meta, 'served', { encoding, status }, evidence);
  if (status >= 500) return fail(meta, 'crashed', { encoding, status }, evidence);
  if (status >= 400) return warn(meta, 'rejectedOther', { encoding, status }, evidence);
  if (status >= 300) return warn(meta, 'redirected', { encoding, status }, evidence);
  return warn(meta, 'unexpected', { encoding, status }, evidence);
}

/** One finding per encoding: the report names the worst, and lists which encoding did what. */
export function check({ garbage, unpaid, offer }: Pick<Artifacts, 'garbage'> & Partial<Artifacts>): CheckOutcome[] {
  const obol = servedByObol(unpaid, offer);
  return garbage.attempts.map((a) => {
    const outcome = judge(a);
    return obol && outcome.messageId === 'rejectedOther' ? withFix(outcome, OBOL_FIXES.garbage) : outcome;
  });
}
