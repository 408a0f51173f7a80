/**
 * `scan --shard i/n` and `scan merge` through the CLI entry: real loopback sellers and a sandbox
 * registry; the shards of a scan together are the scan, and their merge is its summary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenSellers } from '../fixtures/sellers/broken/index.js';
import { makeSeller } from '../fixtures/sellers/good.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/sellers/server.js';
import { registerPopulation, type Population } from '../fixtures/registry/population.js';
import { POPULATION } from '../fixtures/registry/specs.js';
import type { CliIO } from '../src/cli/context.js';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/report/types.js';
import { startSandbox, type Sandbox } from '../src/sandbox/startSandbox.js';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, color: false, env: {}, waitForInterrupt: () => new Promise(() => {}) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'x402-probe-shard-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const targetsOf = (ndjson: string) => ndjson.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Report).target).sort();

async function cli(argv: string[]) {
  const f = fakeIo();
  const code = await main(argv, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

/** `scan --json` of the whole list, then of each of `count` shards. */
async function shardRuns(args: string[], count: number) {
  const whole = await cli([...args, '--json']);
  const shards = [];
  for (let index = 0; index < count; index++) shards.push(await cli([...args, '--json', '--shard', `${index}/${count}`]));
  return { whole, shards };
}

let good: FixtureServer;
let ungated: FixtureServer;
afterAll(async () => {
  await Promise.all([good?.close(), ungated?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('scan --shard over a list', () => {
  beforeAll(async () => {
    good = await startFixtureServer(makeSeller('v2'));
    ungated = await startFixtureServer(brokenSellers.find((s) => s.id === 'status-200-ungated')!.handler);
  });

  it('probes each URL in exactly one of n shards, and `scan merge` of the shards is the whole scan\'s summary', async () => {
    const urls = [...Array.from({ length: 9 }, (_, i) => `${good.url}r/${i}`), `${ungated.url}a`, `${ungated.url}b`];
    const list = write('list.txt', `${urls.join('\n')}\n`);
    const args = ['scan', list, '--no-attacks', '--timeout', '3000'];
    const { whole, shards } = await shardRuns(args, 3);
    expect(targetsOf(whole.stdout)).toEqual([...urls].sort());
    expect(shards.flatMap((s) => targetsOf(s.stdout)).sort()).toEqual(targetsOf(whole.stdout));
    expect(shards.filter((s) => targetsOf(s.stdout).length > 0).length, 'eleven URLs over three shards').toBeGreaterThan(1);

    const files = shards.map((s, i) => write(`shard-${i}.ndjson`, s.stdout));
    const merged = await cli(['scan', 'merge', ...files, '--json']);
    const wholeMerged = await cli(['scan', 'merge', write('whole.ndjson', whole.stdout), '--json']);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(1);
    const summary = JSON.parse(merged.stdout);
    expect(summary).toMatchObject({ files: 3, targets: 11, passed: 9, failed: 2, errors: 0, rejected: { count: 0 }, duplicates: { count: 0 } });
    expect({ ...summary, files: 1 }).toEqual(JSON.parse(wholeMerged.stdout));

    const pretty = await cli(['scan', 'merge', ...files]);
    expect(pretty.stdout).toMatch(/^http\.status-402\s+9\s+2\s+0\s+0$/m);
    expect(pretty.stdout).toContain('11 target(s): 9 passed, 2 failed');
  });

  it('says in pretty mode how much of the list its shard took', async () => {
    const list = write('two.txt', `${good.url}x\n${good.url}y\n`);
    const { stdout } = await cli(['scan', list, '--no-attacks', '--timeout', '3000', '--shard', '0/1']);
    expect(stdout).toContain('Shard 0/1: 2 of 2 target(s)');
  });

  it.each(['0/0', '3/2', '2/2', '-1/2', 'a/b', '1', '1/2/3', ' 1/2', '01/2', '1/1000001', '1/\u001b[2J'])('rejects --shard %j with one usage line, exit 2', async (shard) => {
    const { code, stderr, stdout } = await cli(['scan', write('one.txt', `${good.url}\n`), '--shard', shard]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^x402-probe: --shard must be <index>\/<count> .*\n$/);
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr).not.toContain('\u001b');
  });

  it('merges a hostile shard file without crashing: garbage and duplicates are named on stderr, exit 1', async () => {
    const list = write('dup.txt', `${good.url}d\n`);
    const honest = (await cli(['scan', list, '--no-attacks', '--timeout', '3000', '--json'])).stdout;
    // JSON escapes the ESC, so the line parses and the target holds a raw one: it must not reach the terminal.
    const escaped = JSON.stringify({ tool: 'x402-probe', target: 'http://\u001b[31m/', verdict: 'pass', checks: [] });
    const hostile = write('hostile.ndjson', [honest.trim(), '\u001b]0;pwned\u0007{"tool":', '[', escaped, escaped, 'z'.repeat(3 * 1024 * 1024)].join('\n'));
    const result = await cli(['scan', 'merge', write('honest.ndjson', honest), hostile]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2 target(s): 2 passed, 0 failed');
    expect(result.stderr).toContain(`Rejected 3 line(s) that are not scan reports:\n  ${hostile}:2: not JSON\n  ${hostile}:3: not JSON\n  ${hostile}:6: line too long`);
    expect(result.stderr).toContain(`GET ${good.url}d: ${join(dir, 'honest.ndjson')}:1 and ${hostile}:1`);
    expect(result.stderr).toContain('GET http://\\u001b[31m/:');
    expect(result.stderr + result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('names a file it cannot read, exit 2', async () => {
    const missing = await cli(['scan', 'merge', join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^x402-probe: cannot read scan output ".*nope\.ndjson" \(ENOENT\)\n$/);
    const directory = await cli(['scan', 'merge', dir]);
    expect(directory.code).toBe(2);
  });
});

describe('scan --from-registry --shard', () => {
  let sandbox: Sandbox;
  let population: Population;
  const KEYS = ['good-data', 'good-data-plain', 'good-http', 'good-http-api', 'good-trailing-slash', 'dead-endpoint', 'x402-false', 'inactive'];

  beforeAll(async () => {
    sandbox = await startSandbox({ sellers: false });
    population = await registerPopulation(sandbox.rpcUrl, sandbox.accounts, POPULATION.filter((s) => KEYS.includes(s.key)));
  }, 120_000);

  afterAll(async () => {
    await population?.close();
    await sandbox?.stop();
  });

  it('gives each registry endpoint to exactly one shard, whichever n, and reads only its own agents\' files', async () => {
    const args = ['scan', '--from-registry', '--rpc', sandbox.rpcUrl, '--ipfs-gateway', population.ipfsGateway, '--allow-private', '--no-attacks', '--timeout', '3000'];
    const whole = await cli([...args, '--json']);
    expect(targetsOf(whole.stdout).length).toBeGreaterThanOrEqual(3);
    for (const count of [2, 3]) {
      const shards = [];
      for (let index = 0; index < count; index++) shards.push(await cli([...args, '--json', '--shard', `${index}/${count}`]));
      expect(shards.flatMap((s) => targetsOf(s.stdout)).sort(), `${count} shards`).toEqual(targetsOf(whole.stdout));
      const merged = await cli(['scan', 'merge', ...shards.map((s, i) => write(`reg-${count}-${i}.ndjson`, s.stdout)), '--json']);
      expect(JSON.parse(merged.stdout)).toMatchObject({ targets: targetsOf(whole.stdout).length, duplicates: { count: 0 }, rejected: { count: 0 } });
    }
    const pretty = await cli([...args, '--shard', '0/2']);
    expect(pretty.stdout).toMatch(/Registry eip155:84532:0x[0-9a-fA-F]{40}: \d+ agent\(s\) \(shard 0\/2: \d+ of them\), \d+ x402 endpoint\(s\) to scan/);
  });
});
