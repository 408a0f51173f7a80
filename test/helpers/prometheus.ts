/**
 * Debian's Prometheus for the monitoring tests: started on loopback at a free port with a
 * temporary config and storage directory, never the system service on :9090. A missing binary
 * fails the test, naming the package; stop() kills the process and removes its directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROMETHEUS = '/usr/bin/prometheus';
export const PROMTOOL = '/usr/bin/promtool';

/** Throws, naming the package, when a binary is missing: these tests fail, they never skip. */
export function requireBinary(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: the monitoring tests run Debian's Prometheus; run "apt-get install -y prometheus" (.ci/run does)`);
  return path;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunningPrometheus {
  url: string;
  /** GET /api/v1/query_range; the result matrix. */
  queryRange(query: string, startS: number, endS: number, stepS: number): Promise<Array<{ metric: Record<string, string>; values: Array<[number, string]> }>>;
  stop(): Promise<void>;
  logs(): string;
}

export async function startPrometheus(scrapeTarget: string, options: { scrapeIntervalS?: number } = {}): Promise<RunningPrometheus> {
  requireBinary(PROMETHEUS);
  const dir = await mkdtemp(join(tmpdir(), 'x402-probe-prometheus-'));
  const interval = `${options.scrapeIntervalS ?? 1}s`;
  const config = [
    'global:',
    `  scrape_interval: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'scrape_configs:',
    '  - job_name: x402-probe-watch',
    `    scrape_interval: ${interval}`,
    `    scrape_timeout: ${interval}`,
    '    static_configs:',
    `      - targets: ['${scrapeTarget}']`,
    '',
  ].join('\n');
  await writeFile(join(dir, 'prometheus.yml'), config);
  const port = await freePort();
  let logs = '';
  const child: ChildProcess = spawn(
    PROMETHEUS,
    [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d) => (logs += d));
  child.stderr?.on('data', (d) => (logs += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const until = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}): ${logs.slice(-2000)}`);
      const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      if (Date.now() > until) throw new Error(`prometheus not ready after 30 s: ${logs.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    logs: () => logs,
    stop,
    async queryRange(query, startS, endS, stepS) {
      const params = new URLSearchParams({ query, start: String(startS), end: String(endS), step: String(stepS) });
      const response = await fetch(`${url}/api/v1/query_range?${params}`);
      const body = (await response.json()) as { status: string; error?: string; data?: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> } };
      if (body.status !== 'success') throw new Error(`query_range ${query}: ${body.error}`);
      return body.data!.result;
    },
  };
}
