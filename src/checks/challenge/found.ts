import type { Artifacts, NonStandardSignal } from '../../artifacts/index.js';
import { OBOL_FIXES } from '../../protocol/obol.js';
import { fail, pass, show, withFix } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'challenge.found',
  title: 'The response carries a machine-readable x402 challenge',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/transports-v2/http.md#payment-required-signaling',
  fix: 'Send the challenge as x402 defines it: a PAYMENT-REQUIRED header holding base64 JSON (v2), or a JSON body with "x402Version": 1 (v1).',
  requires: ['challenge'],
  messages: {
    header: 'A PAYMENT-REQUIRED header carries the challenge (v2).',
    v1Body: 'The JSON body carries a v1 challenge (x402Version 1).',
    v2BodyOnly: 'The challenge is a v2 body without a PAYMENT-REQUIRED header: v2 buyers read only the header, and v1 buyers read the body only when x402Version is 1.',
    authCaptureBodyOnly: 'The challenge is a v2 body offering only auth-capture, with no PAYMENT-REQUIRED header: the shape of an obol-stack unlock offer. Buyers that implement auth-capture and read the body can pay it; standard v2 buyers read only the header and see no price.',
    bodyVersion: 'The JSON body looks like a challenge, but its x402Version is {version}: buyers read a body only when x402Version is the number 1.',
    wwwAuthenticate: 'The payment is signalled with WWW-Authenticate: x402, which x402 buyers do not read; they need a PAYMENT-REQUIRED header.',
    xPaymentRequired: 'The payment is signalled in an X-Payment-Required header, which x402 buyers do not read; the header is PAYMENT-REQUIRED.',
    x402ChallengeHeader: 'The payment is signalled in an X402-Challenge header, which x402 buyers do not read; the header is PAYMENT-REQUIRED.',
    x402BodyObject: 'The body holds an {"x402": {...}} object, which is not an x402 challenge; buyers read PAYMENT-REQUIRED or a v1 body.',
    resourceInfo: 'The body uses resourceInfo where x402 has resource, and carries no challenge buyers can read (PayMCP/paymcp#43).',
    lowercaseVersion: 'The body spells the version field x402version; buyers look for x402Version exactly.',
    htmlPaywall: 'HTTP {status} is an HTML paywall without a PAYMENT-REQUIRED header: machine buyers cannot read a price from it (x402#2418).',
    none: 'HTTP {status} carries no payment challenge: no PAYMENT-REQUIRED header and no v1 JSON body.',
  },
} as const satisfies CheckMeta;

const SIGNAL_MESSAGES = {
  'www-authenticate-x402': 'wwwAuthenticate',
  'x-payment-required-header': 'xPaymentRequired',
  'x402-challenge-header': 'x402ChallengeHeader',
  'x402-body-object': 'x402BodyObject',
  'resource-info-field': 'resourceInfo',
  'payment-required-lowercase-json': 'lowercaseVersion',
  'html-paywall': 'htmlPaywall',
} as const satisfies Record<NonStandardSignal['kind'], keyof typeof meta.messages>;

function signals(list: NonStandardSignal[]): string {
  return list.map((s) => `${s.kind}: ${s.evidence}`).join('; ');
}

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome {
  const { header, body, nonStandard, status } = challenge;
  // The reference client reads the header first, and a body only with x402Version === 1.
  if (header.present) return pass(meta, 'header');
  if (body.present && body.x402Version === 1) return pass(meta, 'v1Body');
  const also = nonStandard.length ? `; also seen: ${signals(nonStandard)}` : '';
  if (body.present && body.x402Version === 2) {
    const evidence = `body x402Version 2, no PAYMENT-REQUIRED header${also}`;
    const unlockOffer = challenge.requirements.length > 0 && challenge.requirements.every((r) => r.scheme === 'auth-capture');
    if (unlockOffer) return withFix(fail(meta, 'authCaptureBodyOnly', {}, `${evidence}; accepts: auth-capture only`), OBOL_FIXES.unlock);
    return fail(meta, 'v2BodyOnly', {}, evidence);
  }
  const first = nonStandard[0];
  if (first) return fail(meta, SIGNAL_MESSAGES[first.kind], { status }, signals(nonStandard));
  if (body.present && body.json?.ok === false) return fail(meta, 'none', { status }, `HTTP ${status}; the JSON body does not parse: ${body.json.error ?? ''}`);
  if (body.present) {
    const version = body.x402Version === undefined ? 'missing' : show(body.x402Version);
    return fail(meta, 'bodyVersion', { version }, `body x402Version: ${version}`);
  }
  return fail(meta, 'none', { status }, `HTTP ${status}, no PAYMENT-REQUIRED header, no x402 JSON body`);
}
