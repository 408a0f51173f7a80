import type { Artifacts } from '../../artifacts/index.js';
import { clip, fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'challenge.decode',
  title: 'The challenge decodes: base64, then JSON, then the x402 PaymentRequired schema',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification-v2.md',
  fix: 'Build the challenge with @x402/core (encodePaymentRequiredHeader for v2): standard base64 of a JSON PaymentRequired that passes its schema.',
  requires: ['challenge'],
  messages: {
    ok: 'The {carrier} decodes to a valid x402 PaymentRequired.',
    okTolerated: 'The {carrier} decodes to a valid x402 PaymentRequired, with tolerated deviations: {notes}.',
    noCarrier: 'No challenge carrier to decode (challenge.found reports why).',
    base64: 'The PAYMENT-REQUIRED header is not standard base64: {error}; the reference client does not decode it.',
    headerJson: 'The PAYMENT-REQUIRED header is base64, but what it holds is not JSON: {error}.',
    bodyJson: 'The challenge body is not valid JSON: {error}.',
    schema: 'The {carrier} is JSON but not an x402 PaymentRequired ({count} schema issue(s)); @x402/core rejects it.',
  },
} as const satisfies CheckMeta;

export function check({ challenge, unpaid }: Pick<Artifacts, 'challenge'> & Partial<Pick<Artifacts, 'unpaid'>>): CheckOutcome {
  const source = challenge.source;
  if (source === null) return skip(meta, 'noCarrier');
  const decoded = challenge[source];
  const carrier = source === 'header' ? 'PAYMENT-REQUIRED header' : 'JSON body';
  if (source === 'header' && decoded.base64?.ok !== true) {
    const raw = unpaid?.headers['payment-required'];
    const error = decoded.base64?.error ?? 'not decoded';
    return fail(meta, 'base64', { error }, raw === undefined ? error : `PAYMENT-REQUIRED: ${clip(raw, 160)}`);
  }
  if (decoded.json?.ok !== true) {
    const error = decoded.json?.error ?? 'not decoded';
    return fail(meta, source === 'header' ? 'headerJson' : 'bodyJson', { error }, error);
  }
  const schema = decoded.schema;
  if (schema?.ok !== true) {
    const issues = schema?.issues ?? [];
    return fail(meta, 'schema', { carrier, count: issues.length }, issues.length ? issues.join('; ') : (schema?.error ?? 'no schema result'));
  }
  if (schema.issues?.length) return pass(meta, 'okTolerated', { carrier, notes: schema.issues.join('; ') }, schema.issues.join('; '));
  return pass(meta, 'ok', { carrier });
}
