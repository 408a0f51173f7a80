import type { ArtifactName, Artifacts } from '../artifacts/index.js';
import { findingsOf, worstFinding } from '../checks/outcome.js';
import type { Check, CheckMeta, CheckOutcome } from '../checks/types.js';
import type { CheckResult, Finding } from '../report/types.js';

const DOCS_BASE = 'https://github.com/x402-probe/x402-probe/blob/main/docs/checks.md';

const docsUrls = new Map<string, string>();

export function docsUrl(id: string): string {
  let url = docsUrls.get(id);
  if (url === undefined) {
    url = `${DOCS_BASE}#${id.replace(/\./g, '')}`;
    // Check ids are a fixed set; the cap only bounds a caller that passes arbitrary ones.
    if (docsUrls.size < 1024) docsUrls.set(id, url);
  }
  return url;
}

function internalError(meta: CheckMeta, error: unknown): CheckOutcome {
  return { status: 'fail', messageId: 'internalError', message: `Internal error in check ${meta.id}: ${error instanceof Error ? error.message : String(error)}` };
}

/** What the check found, or why it could not judge: never an empty list. */
function judge(c: Check, artifacts: Partial<Artifacts>, notGathered: Partial<Record<ArtifactName, string>>): CheckOutcome[] {
  const { meta } = c;
  const missing = meta.requires.find((name) => artifacts[name] === undefined);
  if (missing) {
    const why = notGathered[missing] ?? 'not gathered';
    return [{ status: 'skip', messageId: 'missingArtifact', message: `Skipped: needs artifact "${missing}" (${why}).` }];
  }
  try {
    const findings = findingsOf(c.check(artifacts as Artifacts));
    return findings.length > 0 ? findings : [internalError(meta, new Error('the check reported no finding'))];
  } catch (error) {
    return [internalError(meta, error)];
  }
}

/**
 * Judge the artifacts with every check. A missing artifact makes a check skip, naming it and
 * why it was not gathered; a check that throws is a bug and is recorded as a failure, never
 * allowed to sink the run. A failure of a warning-severity check is shown as `warn`, finding by
 * finding; the check takes the status, message and evidence of its worst finding.
 * Plain loops and objects built field by field: a scan judges every target with every check, and
 * the results' construction cost more than the checks themselves.
 */
export function runChecks(checks: readonly Check[], artifacts: Partial<Artifacts>, notGathered: Partial<Record<ArtifactName, string>>): CheckResult[] {
  const results: CheckResult[] = new Array(checks.length);
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i];
    const { meta } = c;
    const outcomes = judge(c, artifacts, notGathered);
    // The worst is picked before the severity is applied: a raw fail outranks a raw warn even
    // when both are shown as warn, as when the check returned only its worst finding.
    const worstAt = outcomes.indexOf(worstFinding(outcomes));
    const findings: Finding[] = new Array(outcomes.length);
    for (let j = 0; j < outcomes.length; j++) {
      const outcome = outcomes[j];
      const finding: Finding = { status: outcome.status === 'fail' && meta.severity !== 'error' ? 'warn' : outcome.status, messageId: outcome.messageId, message: outcome.message };
      if (outcome.evidence !== undefined) finding.evidence = outcome.evidence;
      findings[j] = finding;
    }
    const worst = findings[worstAt];
    const fix = outcomes[worstAt].fix ?? meta.fix;
    // The headline fields first and the list last, so the JSON reads top-down.
    const result: CheckResult =
      worst.evidence === undefined
        ? { id: meta.id, title: meta.title, status: worst.status, severity: meta.severity, message: worst.message, messageId: worst.messageId, fix, specRef: meta.specRef, docsUrl: docsUrl(meta.id), findings }
        : { id: meta.id, title: meta.title, status: worst.status, severity: meta.severity, message: worst.message, messageId: worst.messageId, fix, specRef: meta.specRef, docsUrl: docsUrl(meta.id), evidence: worst.evidence, findings };
    results[i] = result;
  }
  return results;
}
