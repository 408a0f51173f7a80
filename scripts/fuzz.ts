/**
 * Fuzz the decoders and the whole check pipeline with fast-check.
 *
 *   npm run fuzz                                  100,000 probes + 100,000 responses
 *   npm run fuzz -- --runs 5000 --seed 42         fewer, reproducibly
 *   npm run fuzz -- --seed 42 --shrink            stop at the first violation and shrink it
 *
 * Exit 1, listing each kind of violation with its smallest input, when a decoder throws or
 * breaks an invariant, a check throws (internalError), or an input yields no report.
 * `npm test` runs a small sample of the same properties (test/fuzz.test.ts).
 */
import { parseArgs } from 'node:util';
import { fuzz } from './fuzz/properties.js';

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!/^[0-9]+$/.test(value)) {
    console.error(`fuzz: ${name} must be a whole number, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return Number(value);
}

const { values } = parseArgs({ options: { runs: { type: 'string' }, 'decoder-runs': { type: 'string' }, seed: { type: 'string' }, shrink: { type: 'boolean' } } });
const runs = count(values.runs ?? process.env.FUZZ_RUNS, 100_000, '--runs');
const decoderRuns = count(values['decoder-runs'], runs, '--decoder-runs');
const seed = values.seed === undefined ? undefined : count(values.seed, 0, '--seed');

const rate = (n: number, ms: number) => `${Math.round((n / Math.max(ms, 1)) * 1000).toLocaleString('en-US')}/s`;
const t0 = performance.now();
try {
  const r = await fuzz({ runs, decoderRuns, seed, mode: values.shrink ? 'shrink' : 'collect' });
  console.log(`seed ${r.seed}`);
  console.log(`decoders: ${r.decoders.runs.toLocaleString('en-US')} generated responses in ${(r.decoders.ms / 1000).toFixed(1)} s (${rate(r.decoders.runs, r.decoders.ms)})`);
  console.log(`pipeline: ${r.pipeline.runs.toLocaleString('en-US')} generated challenges through the engine, every check and every reporter in ${(r.pipeline.ms / 1000).toFixed(1)} s (${rate(r.pipeline.runs, r.pipeline.ms)})`);
  const total = `total: ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  if (r.findings.length === 0) console.log(`${total}, no exception, no internal error, a report for every input`);
  else {
    console.log(`${total}, ${r.findings.length} kind(s) of violation (rerun with --seed ${r.seed} --shrink for a minimal input):`);
    for (const f of r.findings) console.log(`\n[${f.property}] ${f.count} case(s): ${f.message}${f.where ? `\n  at ${f.where}` : ''}\n  smallest input: ${f.example.length > 4000 ? `${f.example.slice(0, 4000)}…` : f.example}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
