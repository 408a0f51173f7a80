// `check --pay` against a sandbox seller vs the official @x402/fetch client paying the same
// seller once (bench/baseline-paid.mjs). Goal: ratio <= 1.2. The probe does much more than pay
// (unpaid request, forged and malformed payments, three attack payments, the paid request, a
// replay, balance reads and the receipt), so the per-gatherer breakdown is printed too.
// Both sides are cold child processes. Run after `npm run build`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bin, fmt, median, requireBuild } from './lib.mjs';

requireBuild();
const { startSandbox } = await import('../dist/sandbox/startSandbox.js');
const baseline = fileURLToPath(new URL('./baseline-paid.mjs', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const body = JSON.stringify({ model: 'qwen3:0.6b', messages: [{ role: 'user', content: 'hi' }] });

function timeChild(args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve({ ms: performance.now() - t0, out }) : reject(new Error(`${args.join(' ')} exited ${code}: ${err.slice(0, 500)}`))));
  });
}

const sandbox = await startSandbox();
const quiet = { error: console.error, warn: console.warn };
// The sandbox's official middlewares log the probe's deliberately malformed payments.
console.error = console.warn = () => {};
const ratios = [];
try {
  // The EIP-3009 sellers, then exact via Permit2 and upto (issue 14); each paid by the same buyer on both sides.
  for (const seller of [...sandbox.sellers, ...(sandbox.permit2Sellers ?? [])]) {
    const env = { BUYER_KEY: sandbox.accounts.buyers[0].privateKey };
    const probeArgs = [bin, 'check', seller.url, '-X', 'POST', '-d', body, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--json'];
    await timeChild([baseline, seller.url, body], env);
    await timeChild(probeArgs, env);
    const base = [];
    const ours = [];
    const breakdown = {};
    for (let i = 0; i < runs; i++) {
      base.push((await timeChild([baseline, seller.url, body], env)).ms);
      const r = await timeChild(probeArgs, env);
      ours.push(r.ms);
      const report = JSON.parse(r.out);
      if (report.verdict !== 'pass') throw new Error(`${seller.name}: probe verdict ${report.verdict}`);
      for (const [k, v] of Object.entries(report.timings ?? {})) (breakdown[k] ??= []).push(v);
    }
    const parts = Object.entries(breakdown).map(([k, v]) => `${k} ${median(v)} ms`).join(', ');
    console.log(`${seller.name}: @x402/fetch pays once ${fmt(median(base))}; check --pay ${fmt(median(ours))} (ratio ${(median(ours) / median(base)).toFixed(2)})`);
    console.log(`  probe gatherers (median): ${parts}`);
    ratios.push(median(ours) / median(base));
  }
} finally {
  Object.assign(console, quiet);
  await sandbox.stop();
}
// One figure for all the sellers: the geometric mean of their ratios.
console.log(`ratio: ${Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length).toFixed(2)}`);
