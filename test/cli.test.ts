/**
 * The CLI contract, in-process through main(argv, io): exit codes 0/1/2, one line on stderr for
 * bad input and no stack trace, a parseable JSON report. One spawn checks the real bin.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/context.js';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/report/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    color: false,
    env: {},
    waitForInterrupt: () => new Promise(() => {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A command's --help with the 80-column wrapping undone. */
async function help(...argv: string[]): Promise<string> {
  return (await cli(...argv, '--help')).stdout.replace(/\s+/g, ' ');
}

function expectUsageError(run: Run, mention: RegExp): void {
  expect(run.code, `stderr: ${run.stderr}`).toBe(2);
  const lines = run.stderr.split('\n').filter((line) => line.length > 0);
  expect(lines, `stderr must be one line: ${JSON.stringify(run.stderr)}`).toHaveLength(1);
  expect(lines[0].startsWith('x402-probe:')).toBe(true);
  expect(lines[0]).toMatch(mention);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/Error:|\.ts:\d+|\.js:\d+/);
  expect(run.stdout).toBe('');
}

describe('x402-probe CLI (in-process)', () => {
  it('--help exits 0 and lists the check command', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('check');
    expect(run.stderr).toBe('');
  });

  it('check --help exits 0 and lists the check options', async () => {
    const run = await cli('check', '--help');
    expect(run.code).toBe(0);
    for (const option of ['--timeout', '--expect-price', '--expect-pay-to', '--expect-network', '--no-attacks', '--strict', '--json', '--reporter']) expect(run.stdout).toContain(option);
  });

  it('offer --help names status.agentId as the --agent default; check --help does not', async () => {
    const offer = await help('offer');
    expect(offer).toMatch(/--agent <ref> ((?!--).)*\(default: status\.agentId\)/);
    expect(offer).toContain('--no-agent');
    expect(await help('sell', 'inference')).toMatch(/--agent <ref> ((?!--).)*\(default: status\.agentId\)/);
    expect(await help('check')).not.toContain('status.agentId');
  });

  it('-v lists the passing and skipped checks; without it they are one count; --quiet prints only the verdict line', async () => {
    // 200 instead of 402: http.reachable passes and most checks skip for want of a challenge.
    const server = createHttpServer((_req, res) => res.end('free'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    try {
      const plain = await cli('check', url, '--timeout', '3000', '--no-attacks');
      const verbose = await cli('check', url, '--timeout', '3000', '--no-attacks', '-v');
      const quiet = await cli('check', url, '--timeout', '3000', '--no-attacks', '--quiet');
      const skipped = /^ {4}- /m;
      expect(plain.stdout).not.toMatch(/✓ http\.reachable/);
      expect(plain.stdout).not.toMatch(skipped);
      expect(plain.stdout).toMatch(/^✓ \d+ checks? passed, \d+ skipped \(-v lists them, and why each skipped\)$/m);
      expect(verbose.stdout).toMatch(/^ {4}✓ http\.reachable/m);
      expect(verbose.stdout).toMatch(skipped);
      const last = plain.stdout.trimEnd().split('\n').at(-1)!;
      expect(last).toMatch(/^FAIL {2}\d+ failed, \d+ warnings, \d+ passed, \d+ skipped {2}http\.status-402, challenge\.found$/);
      expect(quiet.stdout).toBe(`${last}\n`);
      expect(quiet.code).toBe(plain.code);
      expect(await help('check')).toContain('-v, --verbose pretty report: also list each passing check (by area) and each skipped check with why it skipped; without -v they are one count');
      expect(await help('check')).toContain('-q, --quiet');
      const conflict = await cli('check', url, '--quiet', '--json');
      expect(conflict.code).toBe(2);
      expect(conflict.stderr).toMatch(/--quiet shortens the pretty report; it does not apply to --reporter json/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('--version exits 0 and prints the version', async () => {
    const run = await cli('--version');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown option', ['check', 'https://example.com', '--bogus'], /unknown option '--bogus'/],
    ['an unknown command', ['bogus-command'], /unknown command/],
    ['a missing url', ['check'], /missing required argument 'url'/],
    ['a bad URL', ['check', 'not a url'], /not an absolute URL/],
    ['a non-http URL', ['check', 'ftp://example.com/x'], /unsupported URL scheme/],
    ['a bad --timeout', ['check', 'https://example.com', '--timeout', 'abc'], /--timeout must be a positive integer/],
    ['a zero --timeout', ['check', 'https://example.com', '--timeout', '0'], /--timeout/],
    ['a bad --expect-pay-to', ['check', 'https://example.com', '--expect-pay-to', '0x1234'], /--expect-pay-to must be/],
    ['a bad --expect-price', ['check', 'https://example.com', '--expect-price', 'ten'], /--expect-price must be/],
    ['a bad --header', ['check', 'https://example.com', '--header', 'no-colon-here'], /--header must look like/],
    ['an unknown --reporter', ['check', 'https://example.com', '--reporter', 'xml'], /--reporter must be one of/],
    ['an unknown --expect-network', ['check', 'https://example.com', '--expect-network', 'not-a-chain'], /--expect-network: unknown network/],
    ['an unknown --expect-network on scan', ['scan', '-', '--expect-network', 'not-a-chain'], /^x402-probe: --expect-network: unknown network "not-a-chain" \(use a CAIP-2 id/],
    ['an unknown --network on preflight', ['preflight', '--network', 'not-a-chain', '--address', `0x${'11'.repeat(20)}`], /^x402-probe: --network: unknown network "not-a-chain" \(use a CAIP-2 id/],
    ['an --agent whose registry is one hex digit short', ['check', 'https://example.com', '--agent', `eip155:84532:0x${'1'.repeat(39)}:7`], /--agent: cannot read/],
    ['a --expect-asset address with a stray colon', ['check', 'https://example.com', '--expect-asset', `0x${'11'.repeat(20)}:6:6`], /--expect-asset must be/],
    ['an option missing its value', ['check', 'https://example.com', '--timeout'], /argument missing/],
    ['a --timeout Node cannot keep', ['check', 'https://example.com', '--timeout', '99999999999999999999'], /--timeout must be at most/],
    ['a method that is not a token', ['check', 'https://example.com', '-X', 'BAD METHOD'], /-X\/--method must be an HTTP method/],
    ['a header value with a line break', ['check', 'https://example.com', '-H', 'X-A: b\r\nX-Injected: 1'], /line break/],
    ['an empty --expect-network', ['check', 'https://example.com', '--expect-network', ''], /--expect-network must not be empty/],
    ['--pay without a key', ['check', 'https://example.com', '--pay'], /--pay needs a funded key/],
    ['--key-env without --pay', ['check', 'https://example.com', '--key-env', 'K'], /only apply with --pay/],
    ['--pay with an unset key variable', ['check', 'https://example.com', '--pay', '--key-env', 'X402_PROBE_UNSET_VARIABLE'], /is not set/],
    ['a bad --expect-asset', ['check', 'https://example.com', '--expect-asset', '0x1234:6'], /--expect-asset must be a token address/],
    ['--expect-asset decimals beyond uint8', ['check', 'https://example.com', '--expect-asset', `0x${'11'.repeat(20)}:256`], /--expect-asset must be/],
    ['a zero --max-validity', ['check', 'https://example.com', '--max-validity', '0'], /--max-validity must be a positive integer/],
    ['--also without --pay', ['check', 'https://example.com', '--also', 'https://example.com/other'], /--also and --replay-concurrency only apply with --pay/],
    ['--replay-concurrency without --pay', ['check', 'https://example.com', '--replay-concurrency', '3'], /only apply with --pay/],
    ['a --replay-concurrency over the pool', ['check', 'https://example.com', '--pay', '--replay-concurrency', '9'], /--replay-concurrency must be an integer from 1 to 8/],
    ['a --also that is not a URL', ['check', 'https://example.com', '--pay', '--also', 'not a url'], /not an absolute URL/],
  ];

  it.each(bad)('%s exits 2 with one line on stderr and no stack trace', async (_name, argv, mention) => {
    expectUsageError(await cli(...argv), mention);
  });

  it('an unreachable target is a failed check (exit 1) with a JSON report on stdout', async () => {
    const port = await closedPort();
    const run = await cli('check', `http://127.0.0.1:${port}/paid`, '--json', '--timeout', '3000');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.tool).toBe('x402-probe');
    expect(report.target).toBe(`http://127.0.0.1:${port}/paid`);
    expect(report.verdict).toBe('fail');
    expect(report.checks.some((c) => c.status === 'fail')).toBe(true);
    const reachable = report.checks.find((c) => c.id === 'http.reachable');
    if (reachable) expect(reachable.status).toBe('fail');
  });

  it('--reporter junit and github print their formats for the same unreachable target', async () => {
    const port = await closedPort();
    const junit = await cli('check', `http://127.0.0.1:${port}/`, '--reporter', 'junit', '--timeout', '3000');
    expect(junit.code).toBe(1);
    expect(junit.stdout.startsWith('<?xml')).toBe(true);
    const github = await cli('check', `http://127.0.0.1:${port}/`, '--reporter', 'github', '--timeout', '3000');
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error /m);
  });

  it('the pretty report with color off has no ANSI escapes', async () => {
    const port = await closedPort();
    const run = await cli('check', `http://127.0.0.1:${port}/`, '--timeout', '3000');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL');
    expect(run.stdout).not.toContain('\u001b');
  });
});

describe('bin/x402-probe (spawned)', () => {
  const built = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));
  const title = built ? 'node bin/x402-probe --help exits 0' : 'node bin/x402-probe --help: SKIPPED, dist/cli-bundle/main.js is missing (run `npm run build`; `npm test` builds first)';
  it.skipIf(!built)(title, () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'x402-probe'), '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Usage: x402-probe');
  });

  // `x402-probe --help | head -1`: the reader closes the pipe after one line.
  it.skipIf(!built)('a reader that closes stdout early ends the CLI quietly (no EPIPE stack trace)', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'x402-probe'), '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|node:events|at /);
    expect(code).toBe(0);
  });
});
