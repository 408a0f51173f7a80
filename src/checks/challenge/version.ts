import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'challenge.version',
  title: 'x402Version is 1 or 2 and fits the carrier it arrives in',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification-v2.md',
  fix: 'Send "x402Version": 2 (a JSON number) in the PAYMENT-REQUIRED header, or "x402Version": 1 in a v1 JSON body.',
  requires: ['challenge'],
  messages: {
    v2Header: 'x402Version 2 in the PAYMENT-REQUIRED header.',
    v1Body: 'x402Version 1 in the JSON body.',
    v1InHeader: 'x402Version 1 arrives in the PAYMENT-REQUIRED header: v2 buyers handle it, but legacy v1 clients read only the body.',
    v2InBody: 'x402Version 2 arrives only in the body: v2 buyers read the PAYMENT-REQUIRED header, and fall back to the body only for version 1.',
    missing: 'The {carrier} has no x402Version: buyers cannot tell which protocol to speak.',
    string: 'x402Version is the string {value}, not a number: the schema\'s literal 1 or 2 rejects it.',
    unknown: 'x402Version is {value}: buyers know only versions 1 and 2.',
    noCarrier: 'No decoded challenge to read a version from (challenge.found and challenge.decode report why).',
  },
} as const satisfies CheckMeta;

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome {
  const source = challenge.source;
  if (source === null || challenge[source].json?.ok !== true) return skip(meta, 'noCarrier');
  const carrier = source === 'header' ? 'PAYMENT-REQUIRED header' : 'JSON body';
  const version = challenge[source].x402Version;
  const evidence = `x402Version = ${version === undefined ? '(absent)' : show(version)} in the ${carrier}`;
  if (version === 2) return source === 'header' ? pass(meta, 'v2Header', {}, evidence) : fail(meta, 'v2InBody', {}, evidence);
  if (version === 1) return source === 'body' ? pass(meta, 'v1Body', {}, evidence) : warn(meta, 'v1InHeader', {}, evidence);
  if (version === undefined || version === null) return fail(meta, 'missing', { carrier }, evidence);
  if (typeof version === 'string') return fail(meta, 'string', { value: show(version) }, evidence);
  return fail(meta, 'unknown', { value: show(version) }, evidence);
}
