import type { Artifacts, RequirementView } from '../../artifacts/index.js';
import { eachRequirement, onceInV2 } from '../eachRequirement.js';
import { fail, pass, show } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.description',
  title: 'The resource has a description of at most 500 characters',
  severity: 'warning',
  specRef: 'https://github.com/x402-foundation/x402/issues/2993',
  fix: 'Describe the resource in one plain sentence of at most 500 characters (v2: resource.description; v1: each requirement\'s description).',
  requires: ['challenge'],
  messages: {
    ok: 'The description is present and {length} characters long.',
    none: 'The challenge has no requirements to check.',
    missing: '{where} is missing or empty; buyers and discovery services (Bazaar) cannot tell what is sold.',
    notString: '{where} is a JSON {type}, not a string.',
    tooLong: '{where} is {length} characters; CDP\'s Bazaar rejects descriptions over {max} (x402#2814, #2993).',
  },
} as const satisfies CheckMeta;

/** CDP's discovery rejects longer descriptions. */
const MAX_LENGTH = 500;

function judge(r: RequirementView, where: string, field: string): CheckOutcome {
  const value = r.description;
  const data = { where, type: typeof value, max: MAX_LENGTH };
  const evidence = `${field} = ${show(value)}`;
  if (value === undefined || value === null) return fail(meta, 'missing', data, evidence);
  if (typeof value !== 'string') return fail(meta, 'notString', data, evidence);
  if (value.trim() === '') return fail(meta, 'missing', data, evidence);
  // UTF-16 units, as a JavaScript validator counts; never fewer than the code points.
  const length = value.length;
  if (length > MAX_LENGTH) return fail(meta, 'tooLong', { ...data, length }, `${field} = ${show(`${value.slice(0, 80)}…`)} (${length} characters)`);
  return pass(meta, 'ok', { ...data, length }, evidence);
}

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome[] {
  return eachRequirement(meta, challenge, {
    only: onceInV2,
    each: (r) =>
      r.x402Version === 2
        ? judge(r, 'resource.description', 'resource.description')
        : judge(r, `Requirement #${r.index}: description`, `accepts[${r.index}].description`),
    clean: (_judged, notes) => notes[0],
  });
}
