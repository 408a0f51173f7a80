/**
 * The shipped alert rules (deploy/prometheus/x402-probe-rules.yml) pass Debian's promtool: valid
 * rules, and their unit tests (x402-probe-rules.test.yml) fire and stay silent as written. A
 * missing promtool fails this test, naming the package.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROMTOOL, requireBinary } from './helpers/prometheus.js';

const DIR = join(fileURLToPath(new URL('..', import.meta.url)), 'deploy', 'prometheus');
const run = promisify(execFile);

async function promtool(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(requireBinary(PROMTOOL), args, { cwd: DIR, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string; message: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('the Prometheus alert rules', () => {
  it('fails, naming the Debian package, when a binary is missing (never skips)', () => {
    expect(() => requireBinary('/nonexistent/promtool')).toThrow(/apt-get install -y prometheus/);
  });

  it('pass promtool check rules, with the four alerts the issue names', async () => {
    const result = await promtool('check', 'rules', 'x402-probe-rules.yml');
    expect(result.output).toContain('SUCCESS: 5 rules found');
    expect(result.code, result.output).toBe(0);
  });

  it('pass their unit tests under promtool test rules', async () => {
    const result = await promtool('test', 'rules', 'x402-probe-rules.test.yml');
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('SUCCESS');
  });

  it('fails a rule test that expects the wrong alert (the runner really judges)', async () => {
    const { mkdtemp, readFile, writeFile, copyFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'x402-probe-rules-'));
    try {
      await copyFile(join(DIR, 'x402-probe-rules.yml'), join(dir, 'x402-probe-rules.yml'));
      const tests = (await readFile(join(DIR, 'x402-probe-rules.test.yml'), 'utf8')).replace('exp_labels: { severity: critical, job: x402-probe, target: "https://seller.example/api" }', 'exp_labels: { severity: info, job: x402-probe, target: "https://seller.example/api" }');
      await writeFile(join(dir, 'broken.test.yml'), tests);
      const { code } = await run(requireBinary(PROMTOOL), ['test', 'rules', 'broken.test.yml'], { cwd: dir }).then(() => ({ code: 0 }), (e: { code: number }) => ({ code: e.code }));
      expect(code).not.toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
