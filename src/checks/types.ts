import type { ArtifactName, Artifacts } from '../artifacts/index.js';

export type Severity = 'error' | 'warning' | 'info';
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** A check's description, declared beside its logic (ESLint's rule meta). */
export interface CheckMeta {
  /** `area.name`, kebab-case; the file is src/checks/<area>/<name>.ts. Stable once shipped. */
  id: string;
  /** What a passing check means, as a short sentence. */
  title: string;
  /** error: stops a buyer paying or lets someone be cheated; warning: hurts some buyers. */
  severity: Severity;
  /** Link to the spec section or bug report the check rests on. */
  specRef: string;
  /** One imperative sentence: how the seller fixes a failure. */
  fix: string;
  /** Artifacts the check reads. A missing one makes the check skip, naming it. */
  requires: readonly ArtifactName[];
  /** messageId -> template; `{name}` placeholders are filled from the outcome's data. */
  messages: Readonly<Record<string, string>>;
}

/** One finding of a check: a check reports one, or several (each bad requirement, say). */
export interface CheckOutcome {
  status: CheckStatus;
  /** Which template of meta.messages produced the message (tests assert on it). */
  messageId: string;
  /** The finished message, placeholders filled. */
  message: string;
  /** What the probe saw that led to this outcome (header value, status, field), or undefined. */
  evidence?: string;
  /** A fix for this finding that replaces `meta.fix` (how an obol-stack seller fixes it, say). */
  fix?: string;
}

/** The artifacts a check asked for, all present. */
export type CheckInput<M extends CheckMeta> = Pick<Artifacts, M['requires'][number]> & Partial<Artifacts>;

/**
 * What a check returns: one finding, or several (ESLint's rules report many times). The report
 * keeps the worst as the check's status and lists them all.
 */
export type CheckReturn = CheckOutcome | CheckOutcome[];

export interface Check<M extends CheckMeta = CheckMeta> {
  meta: M;
  check(artifacts: CheckInput<M>): CheckReturn;
}
