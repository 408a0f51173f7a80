// On-disk size of an install of the packed tarball, default and --omit=optional (the core), against
// the anchor: the official buyer SDK with viem, undici, commander and zod, installed the same way in
// the same run. Sizes are `du -sk` of each node_modules. Goal: ratio (core / anchor) <= 1.2.
// Every install resolves from a loopback registry serving the lockfile's pins from the npm cache
// (scripts/lockfile-registry.mjs), so nothing leaves the machine. Run after `npm run build`.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startLockfileRegistry } from '../scripts/lockfile-registry.mjs';
import { requireBuild, root } from './lib.mjs';

requireBuild();
const run = promisify(execFile);
const ANCHOR = ['@x402/fetch', '@x402/evm', 'viem', 'undici', 'commander', 'zod'];
const pins = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies;
const work = mkdtempSync(join(tmpdir(), 'x402-probe-footprint-'));
const registry = await startLockfileRegistry({ lockfilePath: join(root, 'package-lock.json') });

// Async throughout: the registry answers from this process while npm runs.
const npm = (args, cwd) =>
  run('npm', [...args, '--registry', registry.url, '--cache', join(work, 'cache'), '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, maxBuffer: 64 << 20 });

function megabytes(dir) {
  const kib = Number(execFileSync('du', ['-sk', join(dir, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
  return kib / 1024;
}

try {
  const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
  const tarball = join(work, JSON.parse(packed.stdout)[0].filename);
  const prefixes = { full: join(work, 'full'), core: join(work, 'core'), anchor: join(work, 'anchor') };
  for (const dir of Object.values(prefixes)) mkdirSync(dir);
  await Promise.all([
    npm(['install', '--prefix', prefixes.full, tarball], work),
    npm(['install', '--omit=optional', '--prefix', prefixes.core, tarball], work),
    npm(['install', '--prefix', prefixes.anchor, ...ANCHOR.map((name) => `${name}@${pins[name]}`)], work),
  ]);
  const size = Object.fromEntries(Object.entries(prefixes).map(([name, dir]) => [name, megabytes(dir)]));
  console.log(`default install (everything, demo included): ${size.full.toFixed(1)} MB`);
  console.log(`--omit=optional (core: check, scan, registry, market): ${size.core.toFixed(1)} MB`);
  console.log(`anchor (${ANCHOR.join(' ')}): ${size.anchor.toFixed(1)} MB`);
  console.log(`ratio: ${(size.core / size.anchor).toFixed(2)}`);
} finally {
  await registry.close();
  rmSync(work, { recursive: true, force: true });
}
