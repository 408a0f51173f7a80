export { run, type RunParameters, type RunResult } from './engine/run.js';
export type { ProbeOptions, ProgressEvent } from './engine/options.js';
export type { Report, CheckResult, RequirementSummary } from './report/types.js';
export type { Artifacts, ArtifactName } from './gather/artifacts.js';
export type { Check, CheckMeta, CheckOutcome, CheckStatus, Severity } from './checks/types.js';
export { decodeChallenge } from './protocol/decodeChallenge.js';
export { ProbeError, UsageError, ConfigError } from './errors.js';
export { startSandbox } from './sandbox/startSandbox.js';
export type { Sandbox, SandboxAccount, SandboxAccounts, SandboxSeller, SandboxSellerName, StartSandboxOptions } from './sandbox/types.js';
export { SandboxError } from './errors.js';

import { run } from './engine/run.js';
import type { ProbeOptions } from './engine/options.js';
import type { Report } from './report/types.js';

/** Probe one x402 endpoint as a buyer and return the report. */
export async function probe(options: ProbeOptions): Promise<Report> {
  return (await run(options)).report;
}
