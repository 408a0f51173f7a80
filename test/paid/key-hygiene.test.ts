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

/** A key in every encoding output could carry it in: hex (any case, 0x or not), decimal, base64. */
function forms(k: string): string[] {
  const bare = k.trim().replace(/^0x/i, '');
  const out = [bare, bare.toLowerCase(), bare.toUpperCase()];
  if (/^[0-9a-fA-F]{64}$/.test(bare)) {
    const bytes = Buffer.from(bare, 'hex');
    out.push(BigInt(`0x${bare}`).toString(), bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url'), Buffer.from(bare.toLowerCase()).toString('base64').replace(/=+$/, ''));
  }
  return out.filter((f) => f.length >= 16);
}

function expectNoKey(text: string, k = key): void {
  for (const form of forms(k)) expect(text.includes(form), `the private key leaked (as ${form.slice(0, 6)}…)`).toBe(false);
}

/** Keys the signing library rejects or that are not keys at all; each must give one line naming the variable. */
const UNUSABLE_KEYS = [
  `0x${'f'.repeat(64)}`, // outside the curve's range: the library used to print it in decimal
  `0x${'0'.repeat(64)}`, // zero
  'fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141', // exactly the curve's order
  '7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007ag', // not hex
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007', // too short
  '0x 7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6', // whitespace inside
];
const UNUSABLE = /^x402-probe: --key-env: BUYER_KEY does not hold a usable private key \(32 bytes of hex, 0x optional, in the secp256k1 range\)$/;

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

  it('an unusable key is one line naming the variable, never the value in any encoding, also with --debug', async () => {
    const seller = sandbox.sellers.find((s) => s.x402Version === 2)!;
    for (const bad of UNUSABLE_KEYS) {
      for (const debug of [[], ['--debug']]) {
        const { io, out } = capture({ BUYER_KEY: bad });
        const code = await main(['check', seller.url, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--json', ...debug], io);
        expect(code, bad).toBe(2);
        expect(out().trimEnd(), bad).toMatch(UNUSABLE);
        expectNoKey(out(), bad);
      }
    }
    // Surrounding whitespace (a pasted key, a trailing newline) is not part of the key: it pays.
    const { io, out } = capture({ BUYER_KEY: `  ${key}\n` });
    const code = await main(['check', seller.url, '-X', seller.method, '-d', '{"model":"qwen3:0.6b","messages":[{"role":"user","content":"hi"}]}', '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--json', '--debug'], io);
    expectNoKey(out());
    expect([0, 1]).toContain(code);
    expect(JSON.parse(out().slice(out().indexOf('{'))).payment.paidStatus).toBe(200);
  });

  it('the real binary keeps an out-of-range key out of its output with --debug', async () => {
    if (!existsSync('dist/cli-bundle/main.js')) throw new Error('dist/ is missing: `npm test` builds it first (pretest)');
    const bad = UNUSABLE_KEYS[0];
    const child = spawn(process.execPath, ['bin/x402-probe', 'check', sandbox.sellers[0].url, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--debug'], {
      env: { ...process.env, BUYER_KEY: bad, NO_COLOR: '1' },
    });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(text.trimEnd()).toMatch(UNUSABLE);
    expectNoKey(text, bad);
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
