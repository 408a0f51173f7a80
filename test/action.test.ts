/**
 * The GitHub Action (action.yml): its probe step, run here as a runner runs it. The step's env
 * is evaluated from action.yml with the inputs (and their defaults), GITHUB_STEP_SUMMARY,
 * GITHUB_OUTPUT, GITHUB_ACTION_PATH and GITHUB_WORKFLOW_REF are set as a runner sets them, and
 * its `run:` goes through bash. The seller is a loopback one with defects; the buyer's key is
 * the sandbox's (anvil's well-known) and must appear nowhere. setup-node and `npm ci` are the
 * other two steps: here node is this one and the checkout is built (`npm test` builds first).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editFirst, makeSeller } from '../fixtures/sellers/good.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/sellers/server.js';
import { startSandbox } from '../src/sandbox/startSandbox.js';
import type { Sandbox } from '../src/sandbox/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORKFLOW_REF = 'acme/seller/.github/workflows/probe.yml@refs/heads/main';

interface Step { id?: string; uses?: string; run?: string; env?: Record<string, string> }
interface ActionYml { inputs: Record<string, { default?: string; required?: boolean }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const probeStep = action.runs.steps.find((s) => s.id === 'probe')!;

let sandbox: Sandbox;
let key: string;
let seller: FixtureServer;
const dirs: string[] = [];

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'dist/cli-bundle/main.js')) && existsSync(join(ROOT, 'dist/report/index.js')), 'the action runs the built CLI: run `npm run build` first (`npm test` does)').toBe(true);
  sandbox = await startSandbox({ sellers: false });
  key = sandbox.accounts.buyers[2].privateKey;
  // Decimal amount (an error), no CORS exposure and no Cache-Control (warnings); a hostile header too.
  seller = await startFixtureServer(
    makeSeller('v2', {
      challenge: editFirst((r) => {
        r.amount = '0.01';
      }),
      headers: (h) => {
        delete h['access-control-expose-headers'];
        delete h['cache-control'];
        h['x-note'] = '::add-mask::%0A::error::pwned, title=a:b';
      },
    }),
  );
}, 120_000);

afterAll(async () => {
  await seller?.close();
  await sandbox?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface StepRun { code: number | null; stdout: string; stderr: string; summary: string; outputs: Record<string, string>; outputFile: string; dir: string }

/** GITHUB_OUTPUT's `name<<DELIM` … `DELIM` blocks, read the way the runner reads them. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    expect(end, `output ${m[1]} is closed by its delimiter`).toBeGreaterThan(i);
    outputs[m[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** The probe step with `inputs` over action.yml's defaults, and `env` as the workflow's step env (async: the seller lives in this process). */
async function runProbeStep(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<StepRun> {
  const dir = mkdtempSync(join(tmpdir(), 'x402-probe-action-'));
  dirs.push(dir);
  const summaryFile = join(dir, 'step_summary.md');
  const outputFile = join(dir, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const values: Record<string, string> = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, i]) => [name, i.default ?? ''])), ...inputs };
  const stepEnv = Object.fromEntries(Object.entries(probeStep.env ?? {}).map(([name, template]) => [name, template.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, input: string) => values[input] ?? '')]));
  const child = spawn('bash', ['-e', '-c', probeStep.run!], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: dir, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, GITHUB_WORKFLOW_REF: WORKFLOW_REF, ...env, ...stepEnv },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  const run = { status: code, stdout, stderr };
  const outputText = readFileSync(outputFile, 'utf8');
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, summary: readFileSync(summaryFile, 'utf8'), outputs: readOutputs(outputText), outputFile: outputText, dir };
}

/** A key in the encodings output could carry it in: hex (any case, 0x or not), decimal, base64. */
function keyForms(k: string): string[] {
  const bare = k.replace(/^0x/i, '');
  const bytes = Buffer.from(bare, 'hex');
  return [bare, bare.toLowerCase(), bare.toUpperCase(), BigInt(`0x${bare}`).toString(), bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url')];
}

/**
 * The workflow commands a runner would act on in a step's log: each line, leading spaces trimmed,
 * that starts with `::`, except while `::stop-commands::TOKEN` holds (until a `::TOKEN::` line).
 */
function workflowCommands(log: string): string[] {
  const acted: string[] = [];
  let stopped: string | null = null;
  for (const raw of log.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (stopped !== null) {
      if (line === `::${stopped}::`) stopped = null;
      continue;
    }
    if (!line.startsWith('::')) continue;
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopped = stop[1];
    else acted.push(line);
  }
  return acted;
}

function expectNoKey(texts: string[], k: string): void {
  for (const text of texts) for (const form of keyForms(k)) expect(text.includes(form), `the key leaked (as ${form.slice(0, 6)}…)`).toBe(false);
}

describe('action.yml', () => {
  it('is a composite action whose probe step takes every input (but node-version) through env, none spliced into the shell', () => {
    expect(action.runs.using).toBe('composite');
    const templates = Object.values(probeStep.env ?? {}).join('\n');
    for (const name of Object.keys(action.inputs).filter((n) => n !== 'node-version')) expect(templates, name).toContain(`\${{ inputs.${name} }}`);
    for (const [, input] of templates.matchAll(/inputs\.([\w-]+)/g)) expect(Object.keys(action.inputs)).toContain(input);
    expect(probeStep.run).not.toMatch(/\$\{\{/);
    for (const output of ['verdict', 'failed', 'warnings', 'report-file', 'junit-file']) expect(action.outputs[output]?.value).toBe(`\${{ steps.probe.outputs.${output} }}`);
  });
});

describe('the action against a failing loopback seller', () => {
  let run: StepRun;
  beforeAll(async () => {
    run = await runProbeStep({ url: seller.url, method: 'POST', 'expect-price': '0.01', pay: 'true', rpc: sandbox.rpcUrl, timeout: '3000' }, { X402_PROBE_KEY: key });
  }, 90_000);

  it('exits 1 and sets the outputs: verdict, the failing and warning ids, the files', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.outputs.failed.split(',')).toEqual(expect.arrayContaining(['req.amount-atomic', 'pay.within-limits']));
    expect(run.outputs.warnings.split(',')).toEqual(expect.arrayContaining(['cors.expose-headers', 'cache.no-store']));
    expect(run.outputs['junit-file']).toBe(join(run.dir, 'x402-probe-junit.xml'));
    const report = JSON.parse(readFileSync(run.outputs['report-file'], 'utf8')) as { verdict: string; method: string; checks: { id: string; status: string }[] };
    expect(report.verdict).toBe('fail');
    expect(report.method).toBe('POST');
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id).join(',')).toBe(run.outputs.failed);
  });

  it('annotates each failing finding on the workflow file, and only its own lines are workflow commands', () => {
    const commands = workflowCommands(run.stdout);
    expect(commands.some((l) => l.startsWith('::error file=.github/workflows/probe.yml,title=req.amount-atomic%3A '))).toBe(true);
    expect(commands.some((l) => l.startsWith('::warning file=.github/workflows/probe.yml,title=cors.expose-headers%3A '))).toBe(true);
    for (const line of commands) expect(line).toMatch(/^::(error|warning) file=\.github\/workflows\/probe\.yml,title=[^:,]+::[^\n]*$/);
    expect(run.stdout).not.toMatch(/^::add-mask::/m);
    // The log's report is the pretty one, leading with the failures; its last line names them.
    expect(run.stdout).toMatch(/^Failed \(\d+\)$/m);
  });

  it('writes a JUnit file and a Markdown summary that leads with the failures', () => {
    const junit = readFileSync(run.outputs['junit-file'], 'utf8');
    expect(junit).toMatch(/<testcase classname="x402-probe\.req" name="req\.amount-atomic: [^"]*">\s*<failure /);
    expect(run.summary).toMatch(/^## x402-probe: ❌ FAIL for /);
    expect(run.summary.indexOf('### ❌ `req.amount-atomic`')).toBeGreaterThan(0);
    expect(run.summary.indexOf('### ❌ `req.amount-atomic`')).toBeLessThan(run.summary.indexOf('<details><summary>'));
    expect(run.summary).toContain('**Fix:**');
  });

  it('never writes the key given through the env var, in any encoding', () => {
    const files = [run.outputs['report-file'], run.outputs['junit-file']].map((f) => readFileSync(f, 'utf8'));
    expectNoKey([run.stdout, run.stderr, run.summary, run.outputFile, ...files], key);
    expect(readFileSync(run.outputs['report-file'], 'utf8')).toMatch(/"id": ?"pay\./);
  });
});

describe('the action against a seller whose strings carry workflow commands', () => {
  // Raw newlines in the 402's fields: the html reporter's requirements table (and any reporter
  // that keeps a seller's newline) would put `::add-mask::`, a forged `::error` or a
  // `::stop-commands::` that swallows the real annotations at the start of a log line.
  const INJECTED = '\n::add-mask::x402\n::error title=PWNED::forged by the seller\n::stop-commands::seller\n';
  let hostile: FixtureServer;
  beforeAll(async () => {
    hostile = await startFixtureServer(
      makeSeller('v2', {
        challenge: editFirst((r) => {
          r.scheme = `exact${INJECTED}`;
          r.network = `eip155:84532${INJECTED}`;
          r.payTo = `0xpayto${INJECTED}`;
          r.amount = `10000${INJECTED}`;
        }),
      }),
    );
  });
  afterAll(async () => {
    await hostile?.close();
  });

  it.each(['html', 'markdown', 'junit', 'pretty', 'json'])('reporter %s: the runner acts on no command the seller wrote, and on every annotation', async (reporter) => {
    const run = await runProbeStep({ url: hostile.url, reporter, attacks: 'false', timeout: '3000' });
    expect(run.code, run.stderr).toBe(1);
    const commands = workflowCommands(run.stdout);
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands) expect(line).toMatch(/^::(error|warning) file=\.github\/workflows\/probe\.yml,title=[^:,]+::[^\n]*$/);
    expect(commands.some((l) => l.startsWith('::error file=.github/workflows/probe.yml,title='))).toBe(true);
  }, 30_000);
});

describe('the action and its verdict', () => {
  it('passes a seller with only warnings (exit 0, failed empty), and fails it with strict, naming the warnings as failed', async () => {
    const warnsOnly = await startFixtureServer(makeSeller('v2', { headers: (h) => void delete h['cache-control'] }));
    try {
      const lenient = await runProbeStep({ url: warnsOnly.url, timeout: '3000' });
      expect(lenient.code, lenient.stdout).toBe(0);
      expect(lenient.outputs).toMatchObject({ verdict: 'pass', failed: '' });
      expect(lenient.outputs.warnings).toContain('cache.no-store');
      expect(lenient.stdout).toMatch(/^::warning file=\.github\/workflows\/probe\.yml,title=cache\.no-store%3A /m);
      const strict = await runProbeStep({ url: warnsOnly.url, timeout: '3000', strict: 'true', reporter: 'github' });
      expect(strict.code).toBe(1);
      expect(strict.outputs.verdict).toBe('fail');
      expect(strict.outputs.failed).toBe(strict.outputs.warnings);
      // reporter github: the log is the annotations themselves, printed once.
      expect(strict.stdout.match(/title=cache\.no-store%3A/g)).toHaveLength(1);
      expect(strict.stdout).toMatch(/^::error file=\.github\/workflows\/probe\.yml,title=cache\.no-store%3A /m);
    } finally {
      await warnsOnly.close();
    }
  }, 60_000);
});

describe('the action when it cannot probe', () => {
  it('pay without the key variable: exit 2, verdict error, one annotation, nothing probed', async () => {
    const run = await runProbeStep({ url: seller.url, pay: 'true', rpc: sandbox.rpcUrl });
    expect(run.code).toBe(2);
    expect(run.outputs.verdict).toBe('error');
    expect(run.stdout.trim()).toBe('::error title=x402-probe::pay is true but X402_PROBE_KEY is not set: give the step env X402_PROBE_KEY: ${{ secrets.<your buyer key secret> }}');
    expect(run.summary).toContain('## x402-probe: could not run');
  });

  it('a malformed key: exit 2 naming the variable, the value nowhere', async () => {
    const bad = `0x${'ab'.repeat(31)}zz`;
    const run = await runProbeStep({ url: seller.url, pay: 'true', rpc: sandbox.rpcUrl, 'key-env': 'BUYER_KEY' }, { BUYER_KEY: bad });
    expect(run.code).toBe(2);
    expect(run.outputs.verdict).toBe('error');
    expect(run.stdout).toMatch(/^::error title=x402-probe::.*BUYER_KEY/);
    for (const text of [run.stdout, run.stderr, run.summary, run.outputFile]) expect(text).not.toContain('abababababababab');
  });

  it('a bad input is a usage error (exit 2), not a verdict', async () => {
    const run = await runProbeStep({ url: seller.url, reporter: 'xml' });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^::error title=x402-probe::input reporter must be one of pretty, json, junit, github, markdown, html/);
    const strict = await runProbeStep({ url: seller.url, strict: 'yes' });
    expect(strict.code).toBe(2);
  });
});
