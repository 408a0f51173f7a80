/**
 * ESLint's RuleTester for checks: a check's test is a table of `valid` cases (artifacts a careful
 * seller produces: the check passes) and `invalid` cases (a defect: the finding's status and
 * messageId, optionally its data, message and evidence), plus `skip` cases where the check does
 * not apply. A suite without valid or invalid cases is rejected.
 *
 * test/checks-meta.test.ts reads the tables back (`collectSuites`) to assert that every messageId
 * of a check's meta.messages is exercised by some case. It imports the test module while a
 * collector is installed, so `checkTester` hands it the suite instead of registering tests; that
 * works inside one worker and needs no state shared between test files.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf, type MessageData, renderMessage, worstFinding } from '../../src/checks/outcome.js';
import type { Artifacts } from '../../src/artifacts/index.js';
import type { Check, CheckMeta, CheckOutcome, CheckReturn, CheckStatus } from '../../src/checks/types.js';
import { runChecks } from '../../src/engine/runChecks.js';

/** A value or a vitest asymmetric matcher (`expect.stringContaining(…)`, `including(…)`). */
type Matching<T> = T | { asymmetricMatch(actual: unknown): boolean };

type MessageId<M extends CheckMeta> = keyof M['messages'] & string;

/** What a finding must be; the fields left out are not compared. */
export interface ExpectedFinding<M extends CheckMeta> {
  status: CheckStatus;
  messageId: MessageId<M>;
  /** The placeholders: the message must be the messageId's template filled with them (ESLint's `data`). */
  data?: MessageData;
  message?: Matching<string>;
  /** `undefined` given explicitly: the finding carries no evidence. */
  evidence?: Matching<string> | undefined;
  /** The fix the finding carries instead of meta.fix; `undefined` given explicitly: none of its own. */
  fix?: Matching<string> | undefined;
}

interface BaseCase<A> {
  /** The test's title (default: what it expects). Regression cases cite the issue. */
  name?: string;
  artifacts: A;
}

/** Artifacts a careful seller produces: the check's worst finding is a pass. */
export interface ValidCase<M extends CheckMeta, A> extends BaseCase<A>, Partial<Omit<ExpectedFinding<M>, 'status'>> {}

/** A defect: the check's worst finding (its status in the report) and, optionally, every finding in order. */
export interface InvalidCase<M extends CheckMeta, A> extends BaseCase<A>, Omit<ExpectedFinding<M>, 'status'> {
  status: 'fail' | 'warn';
  /** Every finding the check reports, in order (the worst one among them). */
  findings?: readonly ExpectedFinding<M>[];
  /** The check's status in the report, through the engine (a warning-severity check's fail is `warn`). */
  reported?: CheckStatus;
}

/** The check does not apply: its worst finding is a skip. */
export interface SkipCase<M extends CheckMeta, A> extends BaseCase<A>, Omit<ExpectedFinding<M>, 'status'> {}

export interface CheckSuite<M extends CheckMeta, A> {
  valid: readonly ValidCase<M, A>[];
  invalid: readonly InvalidCase<M, A>[];
  skip?: readonly SkipCase<M, A>[];
}

/** What a check test module exports as far as the tester is concerned. */
export interface CheckUnderTest<M extends CheckMeta, A> {
  meta: M;
  check(artifacts: A): CheckReturn;
}

/** A suite as checks-meta.test.ts reads it back. */
export interface CollectedSuite {
  meta: CheckMeta;
  check(artifacts: unknown): CheckReturn;
  suite: CheckSuite<CheckMeta, unknown>;
}

let collector: CollectedSuite[] | null = null;

/**
 * Import a check's test module and return the suites it declares, registering no test. The
 * module must not have been imported before in this worker (its top level runs once).
 */
export async function collectSuites(load: () => Promise<unknown>): Promise<CollectedSuite[]> {
  const outer = collector;
  const suites: CollectedSuite[] = [];
  collector = suites;
  try {
    await load();
  } finally {
    collector = outer;
  }
  return suites;
}

/** The messageIds a suite asserts: every expected finding, and the pass a valid case without one gets. */
export function exercisedMessageIds({ check, suite }: CollectedSuite): Set<string> {
  const ids = new Set<string>();
  for (const c of suite.valid) ids.add(c.messageId ?? worstFinding(findingsOf(check(c.artifacts))).messageId);
  for (const c of suite.invalid) {
    ids.add(c.messageId);
    for (const f of c.findings ?? []) ids.add(f.messageId);
  }
  for (const c of suite.skip ?? []) ids.add(c.messageId);
  return ids;
}

/** A matcher for text that contains every one of `parts`. */
export function including(...parts: string[]): { asymmetricMatch(actual: unknown): boolean; toString(): string } {
  return {
    asymmetricMatch: (actual) => typeof actual === 'string' && parts.every((p) => actual.includes(p)),
    toString: () => `a string including ${parts.map((p) => JSON.stringify(p)).join(' and ')}`,
  };
}

/** A matcher for text that contains none of `parts`. */
export function excluding(...parts: string[]): { asymmetricMatch(actual: unknown): boolean; toString(): string } {
  return {
    asymmetricMatch: (actual) => typeof actual === 'string' && parts.every((p) => !actual.includes(p)),
    toString: () => `a string without ${parts.map((p) => JSON.stringify(p)).join(' or ')}`,
  };
}

/** Assert one finding against what it must be; `label` says which. */
/** A matcher for a value every one of `matchers` accepts. */
export function allOf(...matchers: { asymmetricMatch(actual: unknown): boolean }[]): { asymmetricMatch(actual: unknown): boolean; toString(): string } {
  return {
    asymmetricMatch: (actual) => matchers.every((m) => m.asymmetricMatch(actual)),
    toString: () => matchers.map(String).join(' and '),
  };
}

function assertFinding<M extends CheckMeta>(meta: M, actual: CheckOutcome, want: ExpectedFinding<M>, label: string): void {
  expect([actual.status, actual.messageId], `${label}: status and messageId (${actual.message})`).toEqual([want.status, want.messageId]);
  if (want.data !== undefined) expect(actual.message, `${label}: message rendered from data`).toBe(renderMessage(meta.messages[want.messageId], want.data));
  if (want.message !== undefined) expect(actual.message, `${label}: message`).toEqual(want.message);
  if ('evidence' in want) expect(actual.evidence, `${label}: evidence`).toEqual(want.evidence);
  if ('fix' in want) expect(actual.fix, `${label}: fix`).toEqual(want.fix);
}

function expectation<M extends CheckMeta>(c: Partial<ExpectedFinding<M>>, status: CheckStatus): Partial<ExpectedFinding<M>> & { status: CheckStatus } {
  const want: Partial<ExpectedFinding<M>> & { status: CheckStatus } = { status };
  for (const key of ['messageId', 'data', 'message', 'evidence', 'fix'] as const) if (key in c) Object.assign(want, { [key]: c[key] });
  return want;
}

function validate<M extends CheckMeta, A>(meta: M, suite: CheckSuite<M, A>): void {
  if (!suite.valid?.length) throw new Error(`${meta.id}: a check suite needs at least one valid case`);
  if (!suite.invalid?.length) throw new Error(`${meta.id}: a check suite needs at least one invalid case`);
  const all = [...suite.valid, ...suite.invalid, ...(suite.skip ?? []), ...suite.invalid.flatMap((c) => c.findings ?? [])];
  for (const c of all) {
    if (c.messageId !== undefined && !(c.messageId in meta.messages)) throw new Error(`${meta.id}: a case expects messageId "${c.messageId}", which meta.messages does not declare`);
  }
}

function runCase<M extends CheckMeta, A>(mod: CheckUnderTest<M, A>, artifacts: A, want: Partial<ExpectedFinding<M>> & { status: CheckStatus }, all?: readonly ExpectedFinding<M>[]): void {
  const findings = findingsOf(mod.check(artifacts));
  expect(findings.length, 'the check reports at least one finding').toBeGreaterThan(0);
  const worst = worstFinding(findings);
  if (want.messageId === undefined) expect(worst.status, `worst finding (${worst.messageId}: ${worst.message})`).toBe(want.status);
  else assertFinding(mod.meta, worst, want as ExpectedFinding<M>, 'worst finding');
  if (all) {
    expect(findings.map((f) => `${f.status} ${f.messageId}`), 'every finding, in order').toEqual(all.map((f) => `${f.status} ${f.messageId}`));
    all.forEach((f, i) => assertFinding(mod.meta, findings[i], f, `finding ${i}`));
  }
}

const title = (c: { name?: string; messageId?: string }, status: string): string => c.name ?? `${status}${c.messageId ? ` ${c.messageId}` : ''}`;

/** Declare a check's test as cases; see the file comment. */
export function checkTester<M extends CheckMeta, A>(mod: CheckUnderTest<M, A>, suite: CheckSuite<M, NoInfer<A>>): void {
  validate(mod.meta, suite);
  if (collector) {
    collector.push({ meta: mod.meta, check: mod.check as CollectedSuite['check'], suite: suite as unknown as CollectedSuite['suite'] });
    return;
  }
  describe(mod.meta.id, () => {
    describe('valid', () => {
      for (const c of suite.valid) it(title(c, 'pass'), () => runCase(mod, c.artifacts, expectation(c, 'pass')));
    });
    describe('invalid', () => {
      for (const c of suite.invalid) {
        it(title(c, c.status), () => {
          runCase(mod, c.artifacts, expectation(c, c.status), c.findings);
          if (c.reported !== undefined) expect(runChecks([mod as unknown as Check], c.artifacts as Partial<Artifacts>, {})[0].status, 'status in the report').toBe(c.reported);
        });
      }
    });
    if (suite.skip?.length) {
      describe('skip', () => {
        for (const c of suite.skip ?? []) it(title(c, 'skip'), () => runCase(mod, c.artifacts, expectation(c, 'skip')));
      });
    }
  });
}
