import type { Artifacts } from '../../artifacts/index.js';
import { OBOL_FIXES, servedByObol } from '../../protocol/obol.js';
import { fail, pass, skip, warn, withFix } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'cors.expose-headers',
  title: 'Browser buyers can read the challenge (CORS)',
  severity: 'warning',
  specRef: 'https://github.com/x402-foundation/x402/issues/236',
  fix: 'Send Access-Control-Allow-Origin and Access-Control-Expose-Headers: PAYMENT-REQUIRED, PAYMENT-RESPONSE on the 402 and on paid responses (an obol-stack offer gets the obol way in the finding).',
  requires: ['unpaid', 'challenge'],
  messages: {
    ok: 'Browsers can read the challenge: Access-Control-Allow-Origin is {origin} and PAYMENT-REQUIRED and PAYMENT-RESPONSE are exposed.',
    okBody: 'Browsers can read the body challenge: Access-Control-Allow-Origin is {origin}.',
    noChallenge: 'No challenge for a browser to read (challenge.found reports why).',
    noAllowOrigin: 'No Access-Control-Allow-Origin header: browser buyers on other origins cannot read the 402 at all.',
    notExposed: 'Access-Control-Expose-Headers does not list PAYMENT-REQUIRED: browser buyers see the 402 but cannot read the price.',
    responseNotExposed: 'PAYMENT-REQUIRED is exposed but PAYMENT-RESPONSE is not: browser buyers cannot read their settlement receipt.',
  },
} as const satisfies CheckMeta;

function exposed(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean));
}

export function check({ unpaid, challenge, offer }: Pick<Artifacts, 'unpaid' | 'challenge'> & Partial<Artifacts>): CheckOutcome {
  return withFix(judge(unpaid, challenge), servedByObol(unpaid, offer) ? OBOL_FIXES.cors : null);
}

function judge(unpaid: Artifacts['unpaid'], challenge: Artifacts['challenge']): CheckOutcome {
  if (challenge.source === null) return skip(meta, 'noChallenge');
  const h = unpaid.headers;
  const origin = h['access-control-allow-origin'];
  const expose = h['access-control-expose-headers'];
  const evidence = `Access-Control-Allow-Origin: ${origin ?? '(absent)'}; Access-Control-Expose-Headers: ${expose ?? '(absent)'}`;
  if (origin === undefined || origin.trim() === '') return fail(meta, 'noAllowOrigin', {}, evidence);
  // A body challenge needs no exposed header; a v2 buyer in a browser must read PAYMENT-REQUIRED.
  if (challenge.source === 'body') return pass(meta, 'okBody', { origin }, evidence);
  const names = exposed(expose);
  const all = names.has('*');
  if (!all && !names.has('payment-required')) return fail(meta, 'notExposed', {}, evidence);
  if (!all && !names.has('payment-response')) return warn(meta, 'responseNotExposed', {}, evidence);
  return pass(meta, 'ok', { origin }, evidence);
}
