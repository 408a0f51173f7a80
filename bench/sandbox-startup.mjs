#!/usr/bin/env node
// Cold start of a ready sandbox, as a user meets it: spawn `x402-probe sandbox --json` (anvil, USDC,
// IdentityRegistry, Multicall3, facilitator, three registered sellers) and time until its JSON
// document is on stdout; then Ctrl-C (SIGINT) it and check that it exits 0. Goal: median <= 5 s on
// a 2-core machine, so the last line is `ratio: <median seconds / 5>` (<= 1 is on target).
//
// Runs against dist/: run `npm run build` first.   Runs: BENCH_RUNS (default 5).
import { spawn } from 'node:child_process';
import { bin, median, requireBuild, root } from './lib.mjs';

requireBuild();
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);
const GOAL_SECONDS = 5;

function once() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, [bin, 'sandbox', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = null;
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (ready !== null) return;
      try {
        const document = JSON.parse(out);
        ready = { ms: performance.now() - started, sellers: document.sellers.length };
        proc.kill('SIGINT');
      } catch {
        // the document is not complete yet
      }
    });
    proc.stderr.on('data', (chunk) => (err += chunk));
    proc.on('exit', (code) => {
      if (ready && code === 0) resolve({ ...ready, stopMs: performance.now() - started - ready.ms });
      else reject(new Error(`x402-probe sandbox failed (exit ${code}): ${err.slice(-400)}`));
    });
  });
}

const seconds = [];
for (let i = 1; i <= runs; i++) {
  const r = await once();
  seconds.push(r.ms / 1000);
  console.log(`run ${i}: ready in ${(r.ms / 1000).toFixed(2)} s (${r.sellers} sellers), stopped cleanly ${(r.stopMs / 1000).toFixed(2)} s after Ctrl-C`);
}
const m = median(seconds);
console.log(`median cold start: ${m.toFixed(2)} s over ${runs} runs (goal ${GOAL_SECONDS} s)`);
console.log(`ratio: ${(m / GOAL_SECONDS).toFixed(3)}`);
