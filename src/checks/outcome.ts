import { safeStringify } from '../util/safeJson.js';
import type { CheckMeta, CheckOutcome, CheckReturn, CheckStatus } from './types.js';

export type MessageData = Record<string, string | number | boolean | null | undefined>;

const EVIDENCE_LIMIT = 600;

/** Trim evidence to a size a terminal and a JUnit file can carry. */
export function clip(text: string, limit = EVIDENCE_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} chars)`;
}

/** A message template with its `{name}` placeholders filled from data (unknown ones left as they are). */
export function renderMessage(template: string, data: MessageData): string {
  if (!template.includes('{')) return template;
  const parts = templateParts(template);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    // Own keys only: a template's {constructor} or {__proto__} is not Object.prototype's.
    const value = Object.hasOwn(data, parts[i]) ? data[parts[i]] : undefined;
    text += (value === undefined || value === null ? `{${parts[i]}}` : String(value)) + parts[i + 1];
  }
  return text;
}

/** Templates split once (literal, name, literal, …): the checks of a scan fill the same few hundred thousands of times. */
const splitTemplates = new Map<string, readonly string[]>();

function templateParts(template: string): readonly string[] {
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Templates are the checks' own; the cap only bounds a caller that renders arbitrary ones.
    if (splitTemplates.size < 4096) splitTemplates.set(template, parts);
  }
  return parts;
}

function make(status: CheckStatus) {
  return <M extends CheckMeta>(
    meta: M,
    messageId: keyof M['messages'] & string,
    data: MessageData = {},
    evidence?: string,
  ): CheckOutcome => {
    const template = meta.messages[messageId];
    if (template === undefined) throw new Error(`${meta.id}: no message "${messageId}"`);
    const outcome: CheckOutcome = { status, messageId, message: renderMessage(template, data) };
    if (evidence !== undefined) outcome.evidence = clip(evidence);
    return outcome;
  };
}

/** The check found what it looks for. */
export const pass = make('pass');
/** The check found a defect (the engine shows it as `warn` when the check's severity is not error). */
export const fail = make('fail');
/** A lesser defect: reported as a warning whatever the check's severity. */
export const warn = make('warn');
/** The check does not apply (no expectation given, no requirement of that kind). */
export const skip = make('skip');

/** A defect's finding with a fix of its own (the platform's way, say), replacing the check's `meta.fix`. */
export function withFix(outcome: CheckOutcome, fix: string | null): CheckOutcome {
  return fix !== null && (outcome.status === 'fail' || outcome.status === 'warn') ? { ...outcome, fix } : outcome;
}

/** Stringify a value for evidence without throwing on cycles or bigints. */
export function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : safeStringify(value);
}

/** Worse first: the status a check takes from its findings. */
const STATUS_RANK: Readonly<Record<CheckStatus, number>> = { fail: 3, warn: 2, pass: 1, skip: 0 };

/** A check's findings as a list, whether it returned one outcome or several. */
export function findingsOf(returned: CheckReturn): CheckOutcome[] {
  return Array.isArray(returned) ? returned : [returned];
}

/** The finding that speaks for the check: the first one of the worst status (fail > warn > pass > skip). */
export function worstFinding<T extends Pick<CheckOutcome, 'status'>>(findings: readonly T[]): T {
  if (findings.length === 0) throw new Error('a check reported no finding');
  return findings.reduce((worst, f) => (STATUS_RANK[f.status] > STATUS_RANK[worst.status] ? f : worst));
}
