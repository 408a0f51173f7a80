import { declaredExtensions } from '../../protocol/extensions.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'discovery.bazaar',
  title: 'The Bazaar extension in the 402 is valid',
  severity: 'warning',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/extensions/bazaar.md',
  fix: 'Build extensions.bazaar with @x402/extensions declareDiscoveryExtension, so its info matches its schema and its input type and method are ones the spec allows.',
  requires: ['challenge'],
  messages: {
    valid: 'extensions.bazaar is valid (@x402/extensions): Bazaar and CDP\'s validator can catalog this resource.',
    absent: 'Note: the 402 declares no Bazaar extension, so facilitators\' Bazaar will not catalog it (CDP\'s validator reports has_bazaar_extension: false).',
    invalid: 'extensions.bazaar is malformed: {errors}. Indexers drop or mis-describe the resource.',
    unavailable: 'extensions.bazaar is declared but not validated: its validator is the optional package @x402/extensions, not installed here (npm install {install}).',
    unjudged: 'extensions.bazaar is declared but was not validated (no extensionValidation artifact).',
  },
} as const satisfies CheckMeta;

export function check({ challenge, extensionValidation }: CheckInput<typeof meta>): CheckOutcome {
  const extensions = declaredExtensions(challenge);
  if (!extensions || extensions.bazaar === undefined) return skip(meta, 'absent');
  if (extensionValidation?.validator === null) return skip(meta, 'unavailable', { install: extensionValidation.install ?? '@x402/extensions' });
  const verdict = extensionValidation?.bazaar;
  if (!verdict) return skip(meta, 'unjudged');
  return verdict.valid ? pass(meta, 'valid') : fail(meta, 'invalid', { errors: verdict.errors.slice(0, 3).join('; ') || 'rejected' }, JSON.stringify(extensions.bazaar));
}
