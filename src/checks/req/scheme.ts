import type { Artifacts, RequirementView } from '../../artifacts/index.js';
import { isKnownScheme, KNOWN_SCHEMES, schemeLookalike } from '../../protocol/schemes.js';
import { eachRequirement } from '../eachRequirement.js';
import { fail, pass, show, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.scheme',
  title: 'Every requirement names a payment scheme buyers know, and one of them is "exact"',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification.md',
  fix: 'Set each requirement\'s scheme to "exact" (or "upto" / "batch-settlement" / "auth-capture" beside an "exact" entry), spelled in lower case.',
  requires: ['challenge'],
  messages: {
    ok: 'All {count} requirements name a known scheme ({schemes}).',
    none: 'The challenge has no requirements to check.',
    missing: 'Requirement #{index} has no scheme; buyers cannot tell how to pay it.',
    notString: 'Requirement #{index}: scheme is a JSON {type}, not a string.',
    empty: 'Requirement #{index}: scheme is an empty string.',
    lookalike: 'Requirement #{index}: scheme {value} is not {known}; buyers match scheme names exactly, so no buyer can pay this entry.',
    unknown: 'Requirement #{index}: scheme {value} is not one any x402 implementation defines ({known}); no buyer can pay this entry.',
    noExact: 'No requirement uses the "exact" scheme; most buyers pay only "exact" and cannot pay this challenge.',
  },
} as const satisfies CheckMeta;

function judge(r: RequirementView): CheckOutcome | null {
  const data = { index: r.index, value: show(r.scheme) };
  const evidence = `accepts[${r.index}].scheme = ${show(r.scheme)}`;
  if (r.scheme === undefined || r.scheme === null) return fail(meta, 'missing', data, evidence);
  if (typeof r.scheme !== 'string') return fail(meta, 'notString', { ...data, type: typeof r.scheme }, evidence);
  if (r.scheme.trim() === '') return fail(meta, 'empty', data, evidence);
  if (isKnownScheme(r.scheme)) return null;
  // A name no implementation defines is a typo or a private protocol: the entry can never be
  // paid, and legacy x402 1.x clients, whose schema allows only "exact", reject the whole challenge.
  const known = schemeLookalike(r.scheme);
  return known ? fail(meta, 'lookalike', { ...data, known: show(known) }, evidence) : fail(meta, 'unknown', { ...data, known: KNOWN_SCHEMES.join(', ') }, evidence);
}

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome[] {
  return eachRequirement(meta, challenge, {
    each: judge,
    // Nothing "exact": buyers that implement only "exact" (most) cannot pay, whatever else is wrong.
    whole: (judged) => (judged.some((r) => r.scheme === 'exact') ? null : warn(meta, 'noExact', {}, judged.map((r) => `accepts[${r.index}].scheme = ${show(r.scheme)}`).join('; '))),
    clean: (judged) => pass(meta, 'ok', { count: judged.length, schemes: [...new Set(judged.map((r) => r.scheme as string))].join(', ') }),
  });
}
