/**
 * The fuzz properties: the decoders never throw and keep their invariants; the whole engine
 * (the real challenge gatherer, every check in allChecks, the report, every reporter) turns
 * any input into a report, and no check throws (a throwing check shows as `internalError`).
 */
import fc from 'fast-check';
import type { Dispatcher } from 'undici';
import { allChecks } from '../../src/checks/index.js';
import { run } from '../../src/engine/run.js';
import type { ArtifactName, Artifacts, HttpExchange } from '../../src/artifacts/index.js';
import { challengeGatherer } from '../../src/gather/challenge.js';
import { createDispatcher } from '../../src/gather/http.js';
import type { Gatherer } from '../../src/gather/types.js';
import { recordedGatherer } from '../../src/gather/defineGatherer.js';
import { decodeBody, decodeChallenge, decodeHeader, MAX_ACCEPTS } from '../../src/protocol/decodeChallenge.js';
import { decodeSettlement } from '../../src/protocol/settlement.js';
import { renderReport, reporterNames } from '../../src/report/index.js';
import type { Report } from '../../src/report/types.js';
import { response } from './arbitraries.js';
import { type FuzzArtifacts, fuzzArtifacts } from './artifacts.js';

/** A property violation, with what to look at. */
export class FuzzFailure extends Error {
  override name = 'FuzzFailure';
}

function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new FuzzFailure(message);
}

/** Decoders: never throw, and what they say is consistent. */
export function checkDecoders(res: HttpExchange): void {
  const header = decodeHeader(res.headers['payment-required']);
  must(header.present === (res.headers['payment-required'] !== undefined), 'decodeHeader: present disagrees with the header');
  if (header.base64?.ok) must(header.json !== undefined, 'decodeHeader: base64 ok but no JSON stage');
  if (header.json?.ok) must(header.schema !== undefined, 'decodeHeader: JSON ok but no schema stage');
  if (header.json && !header.json.ok) must(typeof header.json.error === 'string', 'decodeHeader: JSON failed without an error');
  const body = decodeBody(res.body, res.headers['content-type']);
  if (body.json?.ok) must(body.schema !== undefined, 'decodeBody: JSON ok but no schema stage');
  const challenge = decodeChallenge(res);
  must(challenge.source === (challenge.header.present ? 'header' : challenge.body.present ? 'body' : null), `decodeChallenge: source ${challenge.source} disagrees with the carriers`);
  must(challenge.x402Version === null || challenge.x402Version === 1 || challenge.x402Version === 2, 'decodeChallenge: x402Version out of range');
  const accepts = (challenge.paymentRequired as { accepts?: unknown } | null)?.accepts;
  must(challenge.requirements.length === (Array.isArray(accepts) ? Math.min(accepts.length, MAX_ACCEPTS) : 0), 'decodeChallenge: one requirement view per accepts entry (up to MAX_ACCEPTS)');
  const settlement = decodeSettlement(res);
  const has = res.headers['payment-response'] !== undefined || res.headers['x-payment-response'] !== undefined;
  must((settlement.headerName !== null) === has, 'decodeSettlement: headerName disagrees with the headers');
  if (settlement.headerName !== null && settlement.error === null) must(settlement.value !== null && typeof settlement.value === 'object', 'decodeSettlement: no error but no object');
}

function fixed<K extends ArtifactName>(artifact: K, value: unknown): Gatherer {
  return recordedGatherer(artifact, value as Artifacts[K]);
}

const STATUSES = new Set(['pass', 'fail', 'warn', 'skip']);

function serializes(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

/** The path (two levels) of the report field that does not serialize, for the finding's message. */
function unserializablePath(report: Report): string {
  for (const [key, value] of Object.entries(report)) {
    if (serializes(value)) continue;
    const inner = value && typeof value === 'object' ? Object.entries(value).find(([, v]) => !serializes(v))?.[0] : undefined;
    return inner === undefined ? key : `${key}.${inner}`;
  }
  return '?';
}

/**
 * The engine and every check over one fuzzed probe, and with `renderAll` every reporter too
 * (reporters read only the report, so a share of the cases is enough). Returns the report.
 */
export async function checkPipeline(a: FuzzArtifacts, dispatcher: Dispatcher, options: { strict?: boolean; renderAll?: boolean } = {}): Promise<Report> {
  const { strict = false, renderAll = true } = options;
  const gatherers: Gatherer[] = [fixed('unpaid', a.unpaid), challengeGatherer];
  for (const name of ['tokenInfo', 'forged', 'malformed', 'payment', 'settlement', 'registryAgent', 'registryWellKnown', 'registryFile', 'offer'] as const) {
    if (a[name] !== undefined) gatherers.push(fixed(name, a[name]));
  }
  const { report } = await run({
    url: a.target.url,
    method: a.target.method,
    expect: a.target.expect,
    rpc: a.target.rpc ? 'http://127.0.0.1:8545' : undefined,
    strict,
    gatherers,
    dispatcher,
    now: () => new Date(a.target.startedAt),
  });
  must(report.tool === 'x402-probe', 'no report');
  must(report.checks.length === allChecks.length, `report has ${report.checks.length} checks, not ${allChecks.length}`);
  for (const c of report.checks) {
    must(c.messageId !== 'internalError', `check ${c.id} threw: ${c.message}`);
    must(!c.message.includes('gatherer failed'), `a gatherer threw (decoding?): ${c.id}: ${c.message}`);
    must(STATUSES.has(c.status), `check ${c.id} returned status ${String(c.status)}`);
    must(typeof c.message === 'string' && c.message.length > 0, `check ${c.id} returned no message`);
    must(c.findings.length > 0 && c.findings.some((f) => f.status === c.status && f.messageId === c.messageId && f.message === c.message), `check ${c.id}: its headline is not one of its findings`);
    must(c.findings.every((f) => STATUSES.has(f.status) && f.message.length > 0), `check ${c.id} reported a finding without a status or message`);
  }
  const failed = report.checks.some((c) => c.status === 'fail' || (strict && c.status === 'warn'));
  must(report.verdict === (failed ? 'fail' : 'pass'), 'verdict disagrees with the checks');
  must(serializes(report), `report.${unserializablePath(report)} does not serialize to JSON`);
  if (renderAll) {
    for (const reporter of reporterNames) {
      must(typeof renderReport(reporter, report, { color: true, verbose: true }) === 'string', `reporter ${reporter} returned no text`);
    }
  }
  return report;
}

export interface FuzzParameters {
  /** Generated probes through the whole engine. */
  runs: number;
  /** Generated responses through the decoders alone. */
  decoderRuns: number;
  seed?: number;
  /**
   * `collect` (default): run every case, and group violations by message, keeping the smallest
   * input of each. `shrink`: stop at the first violation and let fast-check shrink it (slow
   * with deeply nested inputs, but minimal).
   */
  mode?: 'collect' | 'shrink';
}

/** One kind of violation found, how often, and the smallest input that showed it. */
export interface FuzzFinding {
  property: 'decoders' | 'pipeline';
  message: string;
  /** For an exception that escaped: its innermost frames in src/ (where to look). */
  where?: string;
  count: number;
  /** The smallest input seen, as compact JSON (nesting runs and decoded headers shortened). */
  example: string;
}

export interface FuzzReturnType {
  seed: number;
  pipeline: { runs: number; ms: number };
  decoders: { runs: number; ms: number };
  findings: FuzzFinding[];
}

/** JSON of an input with deep nesting written as a count, and base64 challenge headers decoded. */
export function describeInput(input: unknown): string {
  const text = JSON.stringify(input, (key, value: unknown) => {
    if (typeof value !== 'string') return value;
    let v = value;
    if ((key === 'payment-required' || key === 'payment-response' || key === 'x-payment-response') && /^[A-Za-z0-9+/]+={0,2}$/.test(v.trim())) {
      v = `base64 of ${Buffer.from(v.trim(), 'base64').toString('utf8')}`;
    }
    return v
      .replace(/(?:\[){20,}/g, (m) => `<${m.length} x [>`)
      .replace(/\]{20,}/g, (m) => `<${m.length} x ]>`)
      .replace(/(?:\{"a":){20,}/g, (m) => `<${m.length / 5} x {"a":>`)
      .replace(/\}{20,}/g, (m) => `<${m.length} x }>`)
      .replace(/(.)\1{199,}/g, (m, c: string) => `<${m.length} x ${c}>`);
  });
  return text ?? String(input);
}

/** Run both properties. Collect mode returns findings; shrink mode throws fast-check's report. */
export async function fuzz(params: FuzzParameters): Promise<FuzzReturnType> {
  const seed = params.seed ?? Date.now() ^ (Math.random() * 0x100000000);
  const collect = (params.mode ?? 'collect') === 'collect';
  const findings = new Map<string, FuzzFinding>();
  const record = (property: FuzzFinding['property'], error: unknown, input: unknown) => {
    if (!collect) throw error;
    const message = error instanceof FuzzFailure ? error.message : `${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? String(error)}`;
    const key = `${property} ${message.split('\n')[0].slice(0, 300)}`;
    const example = describeInput(input);
    const seen = findings.get(key);
    const frames = error instanceof FuzzFailure ? [] : String((error as Error)?.stack ?? '').split('\n').filter((l) => l.includes('/src/'));
    const where = frames.length ? [...new Set(frames.map((l) => l.trim().replace(/^at /, '')))].slice(0, 4).join(' <- ') : undefined;
    if (!seen) findings.set(key, { property, message: message.split('\n')[0].slice(0, 300), where, count: 1, example });
    else {
      seen.count += 1;
      if (example.length < seen.example.length) seen.example = example;
    }
  };
  const options = { numRuns: 0, seed, includeErrorInReport: true };
  let t0 = performance.now();
  const decoderProperty = fc.property(response, (res) => {
    try {
      checkDecoders(res);
    } catch (error) {
      record('decoders', error, res);
    }
  });
  fc.assert(decoderProperty, { ...options, numRuns: params.decoderRuns });
  const decoders = { runs: params.decoderRuns, ms: Math.round(performance.now() - t0) };
  // No gatherer here makes a request; the pool only satisfies run()'s contract.
  const dispatcher = createDispatcher();
  t0 = performance.now();
  try {
    const property = fc.asyncProperty(fuzzArtifacts, fc.boolean(), fc.nat(7), async (a, strict, n) => {
      try {
        await checkPipeline(a, dispatcher, { strict, renderAll: n === 0 });
      } catch (error) {
        record('pipeline', error, a);
      }
    });
    await fc.assert(property, { ...options, numRuns: params.runs });
  } finally {
    await dispatcher.close();
  }
  const pipeline = { runs: params.runs, ms: Math.round(performance.now() - t0) };
  return { seed, pipeline, decoders, findings: [...findings.values()].sort((a, b) => b.count - a.count) };
}
