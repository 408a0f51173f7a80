/**
 * What `validate` publishes: one JSON document over the probe reports of an agent's endpoints,
 * the 0–100 response the Validation registry stores, and the calldata of `validationResponse`.
 * Pure (no I/O, no clock): the hash is over exactly the bytes the data: URI carries.
 */
import { encodeFunctionData, keccak256, stringToBytes, toHex } from 'viem/utils';
import { validationRegistryAbi } from './trustAbi.js';

/** What the score reads of a probe report (report/types.ts Report, which registry/ may not import). */
export interface ScoredReport {
  verdict: 'pass' | 'fail';
  checks: readonly { severity: string; status: string }[];
}

export interface ValidationDocument<R extends ScoredReport = ScoredReport> {
  tool: 'x402-probe';
  kind: 'validation';
  version: string;
  /** eip155:<chainId>:<registry>:<agentId> */
  agent: string;
  startedAt: string;
  verdict: 'pass' | 'fail';
  response: number;
  /** Endpoints of the registration file that were probed, and why others were not. */
  skipped: { endpoint: string; reason: string }[];
  reports: R[];
}

/**
 * 100 when every report passes; otherwise the share (0–99, rounded down) of the error-severity
 * checks that ran (were not skipped) and passed. No endpoint probed is 0: nothing was shown.
 */
export function validationScore(reports: readonly ScoredReport[]): number {
  if (reports.length === 0) return 0;
  if (reports.every((r) => r.verdict === 'pass')) return 100;
  const applicable = reports.flatMap((r) => r.checks).filter((c) => c.severity === 'error' && c.status !== 'skip');
  if (applicable.length === 0) return 0;
  const passed = applicable.filter((c) => c.status === 'pass').length;
  return Math.min(99, Math.floor((passed * 100) / applicable.length));
}

export function validationTag(version: string): string {
  return `x402-probe/${version}`;
}

/** The document's bytes as published: JSON, two-space indented, with a final newline. */
export function serializeValidationDocument(document: ValidationDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function dataUriOf(text: string): string {
  return `data:application/json;base64,${Buffer.from(text, 'utf8').toString('base64')}`;
}

export function hashOf(text: string): `0x${string}` {
  return keccak256(stringToBytes(text));
}

/** A requestHash for a validator asking on its own behalf: bound to the agent, the validator and the run. */
export function selfRequestHash(agent: string, validator: string, startedAt: string): `0x${string}` {
  return keccak256(toHex(`x402-probe validation request\n${agent}\n${validator.toLowerCase()}\n${startedAt}`));
}

export interface ValidationResponseFields {
  requestHash: `0x${string}`;
  response: number;
  responseURI: string;
  responseHash: `0x${string}`;
  tag: string;
}

export function validationResponseCalldata(fields: ValidationResponseFields): `0x${string}` {
  return encodeFunctionData({
    abi: validationRegistryAbi,
    functionName: 'validationResponse',
    args: [fields.requestHash, fields.response, fields.responseURI, fields.responseHash, fields.tag],
  });
}
