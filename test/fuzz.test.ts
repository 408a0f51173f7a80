/**
 * A small, fixed-seed sample of the fuzz properties (`npm run fuzz` runs 100,000 of each), and
 * the inputs the fuzzer and the hostile sellers found, kept as regression cases.
 */
import { describe, expect, it } from 'vitest';
import { describeInput, fuzz } from '../scripts/fuzz/properties.js';
import { allChecks } from '../src/checks/index.js';
import { run } from '../src/engine/run.js';
import { runChecks } from '../src/engine/runChecks.js';
import type { Artifacts } from '../src/artifacts/index.js';
import { challengeGatherer } from '../src/gather/challenge.js';
import { recordedGatherer } from '../src/gather/defineGatherer.js';
import { renderReport } from '../src/report/index.js';
import { artifactsFor, exchange, v1PaymentRequired, v1Requirement } from './helpers/artifacts.js';
import { paidExchange, payAttempt, session } from './helpers/payment.js';

/** Change it to sample other inputs; a failure prints the seed to rerun with `npm run fuzz -- --seed`. */
const SEED = 20261125;

/**
 * Violations already reported to their owners, each pinned by an `it.fails` case below; drop the
 * entry when that case starts to pass. `npm run fuzz` lists them regardless.
 */
const KNOWN_BUGS: readonly RegExp[] = [];

const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A v1 402 whose JSON body has `value` (raw JSON text) in place of `field` of the first requirement. */
function v1WithRaw(field: string, value: string): Artifacts {
  const body = JSON.stringify(v1PaymentRequired([v1Requirement({ [field]: '__raw__' })])).replace('"__raw__"', value);
  return artifactsFor(exchange({ status: 402, body, bodyBytes: body.length, headers: { 'content-type': 'application/json' } }));
}

function internalErrors(artifacts: Partial<Artifacts>): string[] {
  return runChecks(allChecks, artifacts, {})
    .filter((c) => c.messageId === 'internalError')
    .map((c) => `${c.id}: ${c.message}`);
}

describe('fuzz sample', () => {
  it('decoders and the whole pipeline: no exception, no internal error, a report for every input', async () => {
    const result = await fuzz({ runs: 300, decoderRuns: 1_000, seed: SEED });
    const found = result.findings.filter((f) => !KNOWN_BUGS.some((known) => known.test(`${f.message}${f.where ? ` ${f.where}` : ''}`))).map((f) => `[${f.property}] ${f.count}x ${f.message}${f.where ? ` at ${f.where}` : ''}\n  ${f.example.slice(0, 1_500)}`);
    expect(found, `seed ${result.seed}`).toEqual([]);
    expect(result.pipeline.runs).toBe(300);
  });

  it('describes deep inputs and base64 challenges compactly', () => {
    const text = describeInput({ body: deepArray(500), headers: { 'payment-required': Buffer.from('{"a":1}').toString('base64') } });
    expect(text).toBe('{"body":"<500 x [><500 x ]>","headers":{"payment-required":"base64 of {\\"a\\":1}"}}');
  });
});

describe('regressions', () => {
  // deep-json hostile seller: String() of a 100k-deep array overflowed inside show().
  it.for(['maxAmountRequired', 'description'])('a %s nested 100,000 arrays deep is judged, not an internal error', (field) => {
    expect(internalErrors(v1WithRaw(field, deepArray(100_000)))).toEqual([]);
  });

  it('an x402Version nested 100,000 arrays deep is judged, not an internal error', () => {
    const body = JSON.stringify(v1PaymentRequired()).replace('"x402Version":1', `"x402Version":${deepArray(100_000)}`);
    expect(internalErrors(artifactsFor(exchange({ body, bodyBytes: body.length, headers: { 'content-type': 'application/json' } })))).toEqual([]);
  });

  // protocol/signable.ts unsignableReason() once called JSON.stringify(req.scheme), which throws
  // for a deeply nested scheme (found by the fuzzer).
  it('a scheme nested 20,000 arrays deep is judged by challenge.accepts, not an internal error', () => {
    expect(internalErrors(v1WithRaw('scheme', deepArray(20_000)))).toEqual([]);
  });

  // engine/summarizePayment.ts once copied the seller's decoded PAYMENT-RESPONSE into
  // report.payment.settlement verbatim, so a deeply nested receipt broke the JSON and pretty reports.
  it('a PAYMENT-RESPONSE nested 20,000 deep on the paid answer still renders as JSON and pretty', async () => {
    const receipt = Buffer.from(`{"success":true,"transaction":${deepArray(20_000)}}`).toString('base64');
    const paid = payAttempt('paid', paidExchange(200, { headers: { 'payment-response': receipt } }));
    const unpaid = v1WithRaw('scheme', '"exact"').unpaid;
    const { report } = await run({ url: unpaid.request.url, gatherers: [recordedGatherer('unpaid', unpaid), challengeGatherer, recordedGatherer('payment', session({ paid }))] });
    expect(() => renderReport('json', report)).not.toThrow();
    expect(() => renderReport('pretty', report)).not.toThrow();
  });
});
