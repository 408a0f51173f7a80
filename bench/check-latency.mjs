// A cold `x402-probe check` of a loopback v2 seller against a bare node script that makes the
// same exchanges with no engine (bench/baseline-check.mjs). Goal: ratio <= 1.5.
// Both sides are fresh processes, so module loading counts on both. Run after `npm run build`.
import { fileURLToPath } from 'node:url';
import { bin, fmt, median, requireBuild, startV2Seller, timeChild } from './lib.mjs';

requireBuild();
const baseline = fileURLToPath(new URL('./baseline-check.mjs', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 10);

const server = await startV2Seller();
const url = `http://127.0.0.1:${server.address().port}/weather`;
const ours = [];
const base = [];
try {
  await timeChild([baseline, url], [0]);
  await timeChild([bin, 'check', url, '--json'], [0, 1]);
  for (let i = 0; i < runs; i++) {
    base.push(await timeChild([baseline, url], [0]));
    ours.push(await timeChild([bin, 'check', url, '--json'], [0, 1]));
  }
} finally {
  server.close();
}
console.log(`bare node script (3 exchanges): median ${fmt(median(base))} over ${runs} runs`);
console.log(`x402-probe check (cold):        median ${fmt(median(ours))} over ${runs} runs`);
console.log(`ratio: ${(median(ours) / median(base)).toFixed(2)}`);
