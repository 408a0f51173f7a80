/**
 * The package as a user gets it: `npm pack`, then the tarball installed outside the checkout,
 * twice at once: `npm install -g` into a temporary prefix (everything, demo included) and
 * `npm install --omit=optional` (the core: check, scan, registry, market). npm resolves every
 * dependency from a loopback registry that serves what package-lock.json pins, tarballs from the
 * local npm cache (scripts/lockfile-registry.mjs): no request leaves 127.0.0.1.
 * Slow (two real installs, a sandbox and a demo): one file, one describe.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLockfileRegistry, type LockfileRegistry } from '../../scripts/lockfile-registry.mjs';
import { brokenSellers } from '../../fixtures/sellers/broken/index.js';
import { goodSellers } from '../../fixtures/sellers/good.js';
import { startFixtureServer, type FixtureServer } from '../../fixtures/sellers/server.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/startSandbox.js';

const execFileAsync = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'x402-probe-install-'));
const fullPrefix = join(work, 'global');
const corePrefix = join(work, 'core');
/** Where the installed CLI runs: no package.json, no node_modules, nowhere near the checkout. */
const elsewhere = join(work, 'elsewhere');

let registry: LockfileRegistry;
let seller: FixtureServer;
let sandbox: Sandbox;
let tarball: string;

function npm(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync('npm', [...args, '--registry', registry.url, '--cache', join(work, 'npm-cache'), '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_userconfig: join(work, 'npmrc') },
  });
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the installed CLI by name through PATH, from a directory outside the checkout. */
function runInstalled(binDir: string, args: string[]): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn('x402-probe', args, {
      cwd: elsewhere,
      env: { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH}`, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'cli-bundle', 'main.js'))) throw new Error('dist/ is missing: run npm run build first');
  mkdirSync(join(elsewhere, 'node_modules', 'viem'), { recursive: true });
  // A decoy the installed CLI must never load: it resolves its packages beside itself, not from the cwd.
  writeFileSync(join(elsewhere, 'node_modules', 'viem', 'package.json'), JSON.stringify({ name: 'viem', version: '0.0.0', type: 'module', main: 'index.js', exports: './index.js' }));
  writeFileSync(join(elsewhere, 'node_modules', 'viem', 'index.js'), "throw new Error('decoy viem from the working directory was loaded');\n");
  writeFileSync(join(elsewhere, 'package.json'), JSON.stringify({ name: 'x402-probe', version: '9.9.9' }));
  writeFileSync(join(work, 'npmrc'), '');
  mkdirSync(corePrefix);
  registry = await startLockfileRegistry({ lockfilePath: join(ROOT, 'package-lock.json') });
  // --ignore-scripts: dist/ is already built (pretest); the tarball is what a user installs.
  const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);
  [seller, sandbox] = await Promise.all([
    startFixtureServer(goodSellers.find((s) => s.name.startsWith('v2'))!.handler),
    startSandbox(),
    npm(['install', '-g', '--prefix', fullPrefix, tarball], work),
    npm(['install', '--omit=optional', '--prefix', corePrefix, tarball], work),
  ]);
}, 400_000);

afterAll(async () => {
  await Promise.all([seller?.close(), sandbox?.stop(), registry?.close()]);
  rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball, installed outside the checkout', () => {
  it('ships the built CLI and what the demo reads, and no sources, tests or fixtures', async () => {
    const { stdout } = await execFileAsync('tar', ['tzf', tarball]);
    const files = stdout.split('\n').filter(Boolean);
    expect(files).toContain('package/dist/cli-bundle/main.js');
    expect(files).toContain('package/contracts/artifacts/IdentityRegistry.json');
    expect(files).toContain('package/bin/x402-probe');
    expect(files.filter((f) => /^package\/(src|test|fixtures|bench|scripts)\//.test(f) || /\.test\.(ts|js)$/.test(f))).toEqual([]);
  });

  it('npm install -g puts x402-probe on PATH; check passes a good loopback seller from any directory', async () => {
    expect(readdirSync(join(fullPrefix, 'bin'))).toContain('x402-probe');
    const ran = await runInstalled(join(fullPrefix, 'bin'), ['check', seller.url, '--json']);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const report = JSON.parse(ran.stdout) as { verdict: string; version: string };
    expect(report.verdict).toBe('pass');
    expect(report.version).not.toBe('9.9.9');
  });

  it('the global install runs demo end to end: sandbox, paid requests settled on chain', async () => {
    const ran = await runInstalled(join(fullPrefix, 'bin'), ['demo', '--json']);
    expect(ran.code, ran.stderr).toBe(0);
    expect((JSON.parse(ran.stdout) as { verdict: string }).verdict).toBe('pass');
  }, 180_000);

  it('--omit=optional leaves out anvil, FiatToken, express, the Kubernetes client, @x402/extensions, prom-client and piscina', () => {
    const modules = readdirSync(join(corePrefix, 'node_modules'));
    for (const scope of ['@foundry-rs', '@offchainlabs', '@kubernetes', 'express', 'prom-client', 'piscina']) expect(modules).not.toContain(scope);
    expect(readdirSync(join(corePrefix, 'node_modules', '@x402'))).not.toContain('express');
    expect(readdirSync(join(corePrefix, 'node_modules', '@x402'))).not.toContain('extensions');
  });

  it('the core judges no Bazaar declaration it cannot validate: the check skips naming the install line', async () => {
    const bazaarSeller = await startFixtureServer(brokenSellers.find((s) => s.id === 'discovery-bazaar-malformed')!.handler);
    try {
      const core = await runInstalled(join(corePrefix, 'node_modules', '.bin'), ['check', bazaarSeller.url, '--json']);
      const full = await runInstalled(join(fullPrefix, 'bin'), ['check', bazaarSeller.url, '--json']);
      const bazaarOf = (stdout: string) => (JSON.parse(stdout) as { checks: { id: string; status: string; message: string }[] }).checks.find((c) => c.id === 'discovery.bazaar');
      expect(bazaarOf(core.stdout)).toMatchObject({ status: 'skip', message: expect.stringContaining('npm install @x402/extensions@') });
      expect(bazaarOf(full.stdout)?.status).toBe('warn');
    } finally {
      await bazaarSeller.close();
    }
  });

  it('the core runs check, scan, registry show and market', async () => {
    const bin = join(corePrefix, 'node_modules', '.bin');
    const check = await runInstalled(bin, ['check', seller.url, '--json']);
    expect(check.code, check.stderr).toBe(0);
    const list = join(work, 'targets.txt');
    writeFileSync(list, `${seller.url}\n`);
    const scan = await runInstalled(bin, ['scan', list, '--json']);
    expect(scan.code, scan.stderr).toBe(0);
    const agent = sandbox.sellers[0];
    const show = await runInstalled(bin, ['registry', 'show', `eip155:${sandbox.chainId}:${sandbox.identityRegistry}:${agent.agentId}`, '--rpc', sandbox.rpcUrl, '--allow-private', '--json']);
    expect(show.code, show.stderr).toBe(0);
    const market = await runInstalled(bin, ['market', '--rpc', sandbox.rpcUrl, '--registry', sandbox.identityRegistry, '--allow-private', '--json']);
    expect(market.code, market.stderr).toBe(0);
    expect(market.stdout).toContain(agent.url);
  }, 120_000);

  it('the core refuses demo, sandbox, offer, watch and scan --workers 2 in one line that names what to install (exit 2)', async () => {
    const bin = join(corePrefix, 'node_modules', '.bin');
    for (const [args, needs] of [
      [['demo'], '@foundry-rs/anvil@'],
      [['sandbox'], 'express@'],
      [['offer', 'my-offer', '-n', 'llm'], '@kubernetes/client-node@'],
      [['watch', 'http://127.0.0.1:9/', '--count', '1'], 'prom-client@'],
      [['scan', '-', '--workers', '2'], 'piscina@'],
    ] as const) {
      const ran = await runInstalled(bin, [...args]);
      expect(ran.code, args.join(' ')).toBe(2);
      expect(ran.stdout).toBe('');
      expect(ran.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(ran.stderr).toContain(needs);
      expect(ran.stderr).toContain('npm install');
    }
  });
});
