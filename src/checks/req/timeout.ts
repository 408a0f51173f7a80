import type { Artifacts, RequirementView } from '../../artifacts/index.js';
import { eachRequirement } from '../eachRequirement.js';
import { fail, pass, show, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.timeout',
  title: 'Every maxTimeoutSeconds is a positive integer long enough to settle and short enough to be safe',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/issues/1062',
  fix: 'Set maxTimeoutSeconds to a JSON integer between 30 and 3600 (the reference servers use 60; obol-stack\'s CRD default is 300).',
  requires: ['challenge'],
  messages: {
    ok: 'All {count} timeouts are between {min} and {max} seconds.',
    none: 'The challenge has no requirements to check.',
    missing: 'Requirement #{index} has no maxTimeoutSeconds; buyers cannot set the authorization\'s validBefore.',
    notNumber: 'Requirement #{index}: maxTimeoutSeconds is a JSON {type}, not a number; schema-checking buyers reject it.',
    fraction: 'Requirement #{index}: maxTimeoutSeconds {value} is not an integer.',
    notPositive: 'Requirement #{index}: maxTimeoutSeconds {value} is not positive; every authorization would be expired on arrival.',
    short: 'Requirement #{index}: maxTimeoutSeconds {value} is under {min} s; facilitators need validBefore at least 6 s ahead and a busy chain can take longer to settle (x402#1062, #2294).',
    long: 'Requirement #{index}: maxTimeoutSeconds {value} is over {max} s; a signed authorization stays valid that long, and whoever holds it can settle it late.',
  },
} as const satisfies CheckMeta;

/** Below this a settlement on a busy chain can outlive the authorization. */
const MIN_SECONDS = 30;
/** Above this a leaked authorization stays spendable for over an hour. */
const MAX_SECONDS = 3600;

function judge(r: RequirementView): CheckOutcome | null {
  const value = r.maxTimeoutSeconds;
  const data = { index: r.index, value: show(value), min: MIN_SECONDS, max: MAX_SECONDS };
  const evidence = `accepts[${r.index}].maxTimeoutSeconds = ${show(value)}`;
  if (value === undefined || value === null) return fail(meta, 'missing', data, evidence);
  if (typeof value !== 'number') return fail(meta, 'notNumber', { ...data, type: typeof value }, evidence);
  if (!Number.isInteger(value)) return fail(meta, 'fraction', data, evidence);
  if (value <= 0) return fail(meta, 'notPositive', data, evidence);
  if (value < MIN_SECONDS) return warn(meta, 'short', data, evidence);
  if (value > MAX_SECONDS) return warn(meta, 'long', data, evidence);
  return null;
}

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome[] {
  return eachRequirement(meta, challenge, { each: judge, clean: (judged) => pass(meta, 'ok', { count: judged.length, min: MIN_SECONDS, max: MAX_SECONDS }) });
}
