import { declaredExtensions } from '../../protocol/extensions.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'extensions.payment-identifier',
  title: 'The payment-identifier declaration is well formed',
  severity: 'warning',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/extensions/payment_identifier.md',
  fix: 'Declare it with @x402/extensions declarePaymentIdentifierExtension: { info: { required: <boolean> }, schema } and no id (the buyer supplies one).',
  requires: ['challenge'],
  messages: {
    valid: 'extensions["payment-identifier"] is well formed (required: {required}): buyers may send an idempotency key.',
    absent: 'The 402 declares no payment-identifier extension.',
    invalid: 'extensions["payment-identifier"] is malformed: {errors}. Buyers cannot tell whether to send an idempotency key.',
    unavailable: 'extensions["payment-identifier"] is declared but not validated: its validator is the optional package @x402/extensions, not installed here (npm install {install}).',
    unjudged: 'extensions["payment-identifier"] is declared but was not validated (no extensionValidation artifact).',
  },
} as const satisfies CheckMeta;

export function check({ challenge, extensionValidation }: CheckInput<typeof meta>): CheckOutcome {
  const declared = declaredExtensions(challenge)?.['payment-identifier'];
  if (declared === undefined) return skip(meta, 'absent');
  if (extensionValidation?.validator === null) return skip(meta, 'unavailable', { install: extensionValidation.install ?? '@x402/extensions' });
  const verdict = extensionValidation?.paymentIdentifier;
  if (!verdict) return skip(meta, 'unjudged');
  if (!verdict.valid) return fail(meta, 'invalid', { errors: verdict.errors.slice(0, 3).join('; ') || 'rejected' }, JSON.stringify(declared));
  return pass(meta, 'valid', { required: String((declared as { info: { required: boolean } }).info.required) });
}
