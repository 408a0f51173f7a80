/**
 * Key hygiene: the buyer's private key, given the ways a user gives it, appears in no stdout,
 * stderr, report or error of any CLI path that touches it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/context.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';

let sandbox: Sandbox;
let key: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  key = sandbox.accounts.buyers[1].privateKey;
});

afterAll(async () => {
  await sandbox?.stop();
});

function capture(env: NodeJS.ProcessEnv): { io: CliIO; out: () => string } {
  let text = '';
  const io: CliIO = {
    stdout: (t) => void (text += t),
    stderr: (t) => void (text += t),
    isTTY: false,
    color: false,
    env,
    waitForInterrupt: () => new Promise(() => {}),
  };
  return { io, out: () => text };
}

const forms = (k: string) => [k, k.slice(2), k.toUpperCase(), k.slice(2).toUpperCase()];

function expectNoKey(text: string): void {
  for (const form of forms(key)) expect(text.includes(form), 'the private key leaked').toBe(false);
}

describe('key hygiene', () => {
  it('no CLI path prints the key, in any reporter, on success, refusal or error', async () => {
    const seller = sandbox.sellers.find((s) => s.x402Version === 2)!;
    const base = ['check', seller.url, '-X', seller.method, '-d', '{"model":"qwen3:0.6b","messages":[{"role":"user","content":"hi"}]}', '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl];
    const runs: [string[], NodeJS.ProcessEnv][] = [
      [[...base, '--json'], { BUYER_KEY: key }],
      [[...base, '--reporter', 'pretty', '-v'], { BUYER_KEY: key }],
      [[...base, '--reporter', 'junit'], { BUYER_KEY: key.slice(2) }],
      [[...base, '--reporter', 'github', '--max-amount', '0.0001'], { BUYER_KEY: key }],
      [[...base, '--json', '--debug'], { BUYER_KEY: `${key}00` }],
      [[...base, '--json', '--debug'], { BUYER_KEY: key.replace(/a/g, 'g') }],
      [['check', seller.url, '--pay', '--key-env', 'BUYER_KEY', '--signer', 'http://127.0.0.1:9'], { BUYER_KEY: key }],
    ];
    let served = 0;
    for (const [argv, env] of runs) {
      const { io, out } = capture(env);
      const code = await main(argv, io);
      expectNoKey(out());
      expect([0, 1, 2]).toContain(code);
      if (out().includes('The paid request was served')) served += 1;
    }
    expect(served).toBeGreaterThan(0);
  });

  it('the real binary keeps the key out of its output too', async () => {
    if (!existsSync('dist/cli-bundle/main.js')) throw new Error('dist/ is missing: `npm test` builds it first (pretest)');
    const seller = sandbox.sellers.find((s) => s.x402Version === 1)!;
    const child = spawn(process.execPath, ['bin/x402-probe', 'check', seller.url, '-X', seller.method, '-d', JSON.stringify({ model: 'qwen3:0.6b', messages: [{ role: 'user', content: 'hi' }] }), '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--json', '--debug'], {
      env: { ...process.env, BUYER_KEY: key, NO_COLOR: '1' },
    });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expectNoKey(text);
    const report = JSON.parse(text.slice(text.indexOf('{')));
    expect(report.payment.payer).toBe(sandbox.accounts.buyers[1].address);
    expect(report.payment.paidStatus).toBe(200);
    expect([0, 1]).toContain(code);
  });
});
