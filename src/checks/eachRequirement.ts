/**
 * The one walk over a challenge's requirements, shared by every check that judges them one by one
 * (req.*): each requirement is judged on its own and every bad one is reported, not just the first.
 */
import type { ChallengeArtifact, RequirementView } from '../artifacts/index.js';
import { findingsOf, skip } from './outcome.js';
import type { CheckMeta, CheckOutcome } from './types.js';

type MessageId<M extends CheckMeta> = keyof M['messages'] & string;

export interface RequirementJudging<M extends CheckMeta> {
  /** Which requirements the check judges (default: all); none left skips the check with `notApplicable`. */
  only?: (r: RequirementView, position: number) => boolean;
  notApplicable?: MessageId<M>;
  /**
   * What one requirement shows: its findings (fail, warn), a pass note (kept for `clean`), or
   * nothing when it is fine. `all` is every requirement of the challenge, judged or not.
   */
  each: (r: RequirementView, all: readonly RequirementView[]) => CheckOutcome | CheckOutcome[] | null;
  /** A finding about the judged requirements as a whole, reported after theirs (no "exact" entry at all). */
  whole?: (judged: readonly RequirementView[]) => CheckOutcome | null;
  /** The outcome when nothing was found, given the pass notes `each` returned, in order. */
  clean: (judged: readonly RequirementView[], notes: readonly CheckOutcome[]) => CheckOutcome;
}

/** v2 carries some fields once for the whole challenge (resource); v1 repeats them in every requirement. */
export function onceInV2(r: RequirementView, position: number): boolean {
  return r.x402Version !== 2 || position === 0;
}

/**
 * Judge every requirement of the challenge: the fail and warn findings of all of them (each bad
 * requirement once or more, in order), else the clean outcome. No requirement at all is a skip
 * (`none`).
 */
export function eachRequirement<M extends CheckMeta & { messages: { none: string } }>(
  meta: M,
  challenge: Pick<ChallengeArtifact, 'requirements'>,
  judging: RequirementJudging<M>,
): CheckOutcome[] {
  const all = challenge.requirements;
  if (all.length === 0) return [skip(meta, 'none' as MessageId<M>)];
  const judged = judging.only ? all.filter((r, position) => judging.only!(r, position)) : all;
  if (judged.length === 0) return [skip(meta, judging.notApplicable ?? ('none' as MessageId<M>))];
  const found: CheckOutcome[] = [];
  const notes: CheckOutcome[] = [];
  for (const r of judged) {
    for (const outcome of findingsOf(judging.each(r, all) ?? [])) (outcome.status === 'fail' || outcome.status === 'warn' ? found : notes).push(outcome);
  }
  const whole = judging.whole?.(judged);
  if (whole) found.push(whole);
  return found.length > 0 ? found : [judging.clean(judged, notes)];
}
