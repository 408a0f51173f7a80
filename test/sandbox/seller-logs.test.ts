/**
 * Issue 13 item 7: `x402-probe sandbox` keeps its sellers' own output off the terminal. A buyer
 * that sends garbage payments (as the probe's attacks do) makes the official middlewares print
 * stack traces; they must land in the log file the sandbox names, and not on stdout or stderr.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';

describe('x402-probe sandbox seller logs', () => {
  it('sends the sellers\' stack traces for malformed payments to the log file it prints', async () => {
    let stdout = '';
    let interrupt!: () => void;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const terminal: string[] = [];
    const realOut = process.stdout.write.bind(process.stdout);
    const realErr = process.stderr.write.bind(process.stderr);
    const attack = async (document: { sellers: { name: string; url: string; method: string }[] }) => {
      for (const seller of document.sellers) {
        for (const header of ['payment-signature', 'x-payment']) {
          await fetch(seller.url, { method: seller.method, headers: { [header]: 'eyJub3QiOiJhIHBheW1lbnQifQ==', 'content-type': 'application/json' }, body: seller.method === 'POST' ? '{}' : undefined, signal: AbortSignal.timeout(5000) }).then((r) => r.text()).catch(() => '');
          await fetch(seller.url, { method: seller.method, headers: { [header]: '%%%not-base64%%%' }, body: seller.method === 'POST' ? '{}' : undefined, signal: AbortSignal.timeout(5000) }).then((r) => r.text()).catch(() => '');
        }
      }
    };
    const io: CliIO = {
      stdout: (t) => {
        stdout += t;
        if (!stdout.trim().endsWith('}')) return;
        // Watch the real terminal only while a buyer attacks the running sandbox.
        process.stdout.write = ((chunk: string) => (terminal.push(String(chunk)), true)) as typeof process.stdout.write;
        process.stderr.write = ((chunk: string) => (terminal.push(String(chunk)), true)) as typeof process.stderr.write;
        attack(JSON.parse(stdout)).finally(() => {
          process.stdout.write = realOut;
          process.stderr.write = realErr;
          interrupt();
        });
      },
      stderr: () => {},
      isTTY: false,
      color: false,
      env: {},
      waitForInterrupt: () => interrupted,
    };
    const code = await main(['sandbox', '--json'], io);
    expect(code).toBe(0);
    const { logFile } = JSON.parse(stdout) as { logFile: string };
    try {
      expect(logFile).toMatch(/x402-probe-sandbox-\d+-\d+\.log$/);
      expect(existsSync(logFile)).toBe(true);
      expect(readFileSync(logFile, 'utf8')).toMatch(/Error|error/);
      expect(terminal.join('')).not.toMatch(/Error|at .*\(.*:\d+:\d+\)/);
    } finally {
      rmSync(logFile, { force: true });
    }
  }, 60_000);
});
