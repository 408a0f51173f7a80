// Shared helpers for the benchmarks: timing child processes and summarising samples.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = fileURLToPath(new URL('../bin/x402-probe', import.meta.url));

/** Stop early with a clear message when the build is missing (bench runs against dist/). */
export function requireBuild() {
  if (!existsSync(new URL('../dist/cli-bundle/main.js', import.meta.url))) {
    console.error('bench: dist/ is missing; run `npm run build` first');
    process.exit(2);
  }
}

export function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Wall time of one synchronous child process, in ms; throws when it fails. */
export function timeProcess(command, args, options = {}) {
  const t0 = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  const ms = performance.now() - t0;
  if (r.status !== (options.expectStatus ?? 0)) {
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return ms;
}

export const fmt = (ms) => `${ms.toFixed(1)} ms`;
