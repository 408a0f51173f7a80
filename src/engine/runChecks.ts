import type { ArtifactName, Artifacts } from '../artifacts/index.js';
import type { Check, CheckOutcome } from '../checks/types.js';
import type { CheckResult } from '../report/types.js';

const DOCS_BASE = 'https://github.com/x402-probe/x402-probe/blob/main/docs/checks.md';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}#${id.replace(/\./g, '')}`;
}

/**
 * Judge the artifacts with every check. A missing artifact makes a check skip, naming it and
 * why it was not gathered; a check that throws is a bug and is recorded as a failure, never
 * allowed to sink the run. A failure of a warning-severity check is shown as `warn`.
 */
export function runChecks(checks: readonly Check[], artifacts: Partial<Artifacts>, notGathered: Partial<Record<ArtifactName, string>>): CheckResult[] {
  return checks.map((c) => {
    const { meta } = c;
    let outcome: CheckOutcome;
    const missing = meta.requires.find((name) => artifacts[name] === undefined);
    if (missing) {
      const why = notGathered[missing] ?? 'not gathered';
      outcome = { status: 'skip', messageId: 'missingArtifact', message: `Skipped: needs artifact "${missing}" (${why}).` };
    } else {
      try {
        outcome = c.check(artifacts as Artifacts);
      } catch (error) {
        outcome = { status: 'fail', messageId: 'internalError', message: `Internal error in check ${meta.id}: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    const status = outcome.status === 'fail' && meta.severity !== 'error' ? 'warn' : outcome.status;
    const result: CheckResult = {
      id: meta.id,
      title: meta.title,
      status,
      severity: meta.severity,
      message: outcome.message,
      messageId: outcome.messageId,
      fix: meta.fix,
      specRef: meta.specRef,
      docsUrl: docsUrl(meta.id),
    };
    if (outcome.evidence !== undefined) result.evidence = outcome.evidence;
    return result;
  });
}
