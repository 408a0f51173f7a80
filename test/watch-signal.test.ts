/**
 * The real binary under real signals: `watch` against a seller that hangs, with a metrics server
 * up, stops on SIGINT and on SIGTERM with exit 0, within the grace bound, leaving nothing running
 * (the process exits on its own, so no timer, socket or server outlives the stop).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer } from '../fixtures/hostile/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let hang: Awaited<ReturnType<typeof startHostileServer>>;
let asked = 0;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'cli-bundle', 'main.js'))) throw new Error('dist/cli-bundle/main.js is missing: run `npm run build` first (`npm test` builds)');
  hang = await startHostileServer(() => void asked++);
});
afterAll(() => hang?.close());

describe.each(['SIGINT', 'SIGTERM'] as const)('watch on %s', (signal) => {
  it('exits 0 within the grace bound while a probe hangs', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'x402-probe'), 'watch', hang.url, '--interval', '1', '--timeout', '60000', '--deadline', '60000', '--metrics-port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
    try {
      const started = Date.now();
      const before = asked;
      while (!err.includes('metrics at http://127.0.0.1:') || asked === before) {
        if (Date.now() - started > 30_000) throw new Error(`watch did not start: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const signalled = Date.now();
      child.kill(signal);
      const result = await exited;
      expect(result, err).toEqual({ code: 0, signal: null });
      // 5 s of grace for the hanging probe, then it is aborted.
      expect(Date.now() - signalled).toBeLessThan(8_000);
      expect(err).toMatch(/stopped after 1 probe \(the probe in flight was aborted\)/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 45_000);
});
