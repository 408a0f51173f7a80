// `x402-probe --help` against `node -e 0`: what the CLI costs before any work.
// Goal: ratio <= 2. Heavy modules (viem, @x402/*, the Kubernetes client) must load only
// inside the commands that need them. Run after `npm run build`.
import { bin, fmt, median, requireBuild, timeProcess } from './lib.mjs';

requireBuild();
const runs = Number(process.env.BENCH_RUNS ?? 15);
const node = [];
const help = [];
// Interleave so that machine noise hits both sides alike; one warm-up each.
timeProcess(process.execPath, ['-e', '0']);
timeProcess(process.execPath, [bin, '--help']);
for (let i = 0; i < runs; i++) {
  node.push(timeProcess(process.execPath, ['-e', '0']));
  help.push(timeProcess(process.execPath, [bin, '--help']));
}
const base = median(node);
const ours = median(help);
console.log(`node -e 0:            median ${fmt(base)} over ${runs} runs`);
console.log(`x402-probe --help:    median ${fmt(ours)} over ${runs} runs`);
console.log(`ratio: ${(ours / base).toFixed(2)}`);
