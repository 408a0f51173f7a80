// `x402-probe scan` of 1,000 loopback endpoints at concurrency 64 against raw undici making the
// same exchanges to the same endpoints (bench/baseline-scan.mjs). Goal: ratio (scan rate / raw
// rate) >= 0.5, and the scan's peak RSS <= 200 MB. Both sides are fresh child processes, timed
// from spawn to exit; the sellers live in a third process (bench/scan-server.mjs) on 32 loopback
// addresses, so scan's default politeness (2 per host) still allows 64 in flight.
// Also printed, not in the ratio: `scan --no-attacks` against one raw request per endpoint.
// The scan runs at --workers 1 and --workers 2 (probes on piscina threads); the last line's ratio
// is the better of the two. Run after `npm run build`. BENCH_RUNS (default 3) runs each side that many times (median).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bin, median, requireBuild } from './lib.mjs';

requireBuild();
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 1000);
const CONCURRENCY = 64;
const HOSTS = 32;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const baseline = fileURLToPath(new URL('./baseline-scan.mjs', import.meta.url));
const serverScript = fileURLToPath(new URL('./scan-server.mjs', import.meta.url));

function startServer() {
  const child = spawn(process.execPath, [serverScript, String(HOSTS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ child, ...JSON.parse(out.split('\n')[0]) });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
}

/** Peak RSS (VmHWM) of a live process in bytes, or null when it cannot be read. */
function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Run a child to completion: wall ms, stdout lines, peak RSS seen while it ran. */
function runChild(args, okCodes) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let last = '';
    let err = '';
    let rss = 0;
    const poll = setInterval(() => (rss = Math.max(rss, peakRss(child.pid) ?? 0)), 20);
    child.stdout.on('data', (d) => {
      const text = last + d;
      const parts = text.split('\n');
      last = parts.pop();
      lines += parts.length;
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      clearInterval(poll);
      const ms = performance.now() - t0;
      if (!okCodes.includes(code)) reject(new Error(`${args.join(' ')} exited ${code}: ${err.slice(0, 500)}`));
      else resolve({ ms, lines, rss, last });
    });
  });
}

const server = await startServer();
const dir = mkdtempSync(join(tmpdir(), 'x402-probe-bench-scan-'));
const list = join(dir, 'endpoints.txt');
writeFileSync(list, Array.from({ length: ENDPOINTS }, (_, i) => `http://${server.hosts[i % HOSTS]}:${server.port}/r/${i}\n`).join(''));
const scanArgs = [bin, 'scan', list, '--json', '--concurrency', String(CONCURRENCY), '--timeout', '10000'];

const results = { scan: [], scan2: [], raw: [], scanLight: [], rawLight: [], rss: [], rss2: [] };
try {
  // One warm-up of each (disk cache, the server's JIT), then interleaved runs.
  await runChild([baseline, list, String(CONCURRENCY)], [0]);
  await runChild(scanArgs, [0]);
  for (let i = 0; i < runs; i++) {
    const raw = await runChild([baseline, list, String(CONCURRENCY)], [0]);
    const scan = await runChild([...scanArgs, '--workers', '1'], [0]);
    const scan2 = await runChild([...scanArgs, '--workers', '2'], [0]);
    for (const s of [scan, scan2]) if (s.lines !== ENDPOINTS) throw new Error(`scan printed ${s.lines} reports for ${ENDPOINTS} endpoints`);
    results.raw.push(raw.ms);
    results.scan.push(scan.ms);
    results.scan2.push(scan2.ms);
    results.rss.push(scan.rss);
    results.rss2.push(scan2.rss);
    results.rawLight.push((await runChild([baseline, list, String(CONCURRENCY), '--unpaid-only'], [0])).ms);
    results.scanLight.push((await runChild([...scanArgs, '--no-attacks', '--workers', '2'], [0])).ms);
  }
} finally {
  server.child.stdin.end();
  rmSync(dir, { recursive: true, force: true });
}

const rate = (ms) => ENDPOINTS / (ms / 1000);
const rawRate = rate(median(results.raw));
const scan1Rate = rate(median(results.scan));
const scan2Rate = rate(median(results.scan2));
const scanRate = Math.max(scan1Rate, scan2Rate);
const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(`endpoints: ${ENDPOINTS} on ${HOSTS} loopback hosts, concurrency ${CONCURRENCY}, ${runs} run(s) each, median`);
console.log(`raw undici (8 exchanges/endpoint):    ${rawRate.toFixed(0)} endpoints/s (${median(results.raw).toFixed(0)} ms)`);
console.log(`x402-probe scan --workers 1:          ${scan1Rate.toFixed(0)} endpoints/s (${median(results.scan).toFixed(0)} ms, ratio ${(scan1Rate / rawRate).toFixed(2)})`);
console.log(`x402-probe scan --workers 2:          ${scan2Rate.toFixed(0)} endpoints/s (${median(results.scan2).toFixed(0)} ms, ratio ${(scan2Rate / rawRate).toFixed(2)})`);
console.log(`raw undici (1 exchange/endpoint):     ${rate(median(results.rawLight)).toFixed(0)} endpoints/s`);
console.log(`x402-probe scan --no-attacks (2 w):       ${rate(median(results.scanLight)).toFixed(0)} endpoints/s (ratio ${(median(results.rawLight) / median(results.scanLight)).toFixed(2)})`);
console.log(`scan peak RSS (VmHWM): ${mb(Math.max(...results.rss))} at 1 worker, ${mb(Math.max(...results.rss2))} at 2 (goal <= 200 MB)`);
console.log(`ratio: ${(scanRate / rawRate).toFixed(2)}`);
