import { declaredExtensions, validateSiwxDeclaration } from '../../protocol/extensions.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'extensions.sign-in-with-x',
  title: 'The sign-in-with-x declaration is well formed and bound to this origin',
  severity: 'warning',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/extensions/sign-in-with-x.md',
  fix: 'Declare it with @x402/extensions declareSIWxExtension and createSIWxResourceServerExtension, so domain, uri, nonce, issuedAt and supportedChains are filled from the request.',
  requires: ['target', 'challenge'],
  messages: {
    valid: 'extensions["sign-in-with-x"] is well formed and names this origin ({domain}).',
    absent: 'The 402 declares no sign-in-with-x extension.',
    invalid: 'extensions["sign-in-with-x"] is malformed: {errors}. Wallets refuse to sign it, or sign a message another site could replay.',
  },
} as const satisfies CheckMeta;

export function check({ target, challenge, unpaid }: CheckInput<typeof meta>): CheckOutcome {
  const declared = declaredExtensions(challenge)?.['sign-in-with-x'];
  if (declared === undefined) return skip(meta, 'absent');
  const verdict = validateSiwxDeclaration(declared, unpaid?.finalUrl ?? target.url);
  if (!verdict.valid) return fail(meta, 'invalid', { errors: verdict.errors.slice(0, 3).join('; ') }, JSON.stringify(declared));
  return pass(meta, 'valid', { domain: (declared as { info: { domain: string } }).info.domain });
}
