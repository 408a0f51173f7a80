import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/context.js';
import { liveAnvilProcesses } from '../../src/sandbox/anvil.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Poll rather than sleep a fixed time: the guard reacts within milliseconds, but the machine may be busy. */
async function survivors(pids: number[], limitMs = 10_000): Promise<number[]> {
  const until = Date.now() + limitMs;
  while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return pids.filter(alive);
}

function startChild(script: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture(script)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pids = new Promise<{ anvil: number; guard: number }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0])[0]);
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before reporting: ${stderr.slice(-500)}`)));
  });
  return { child, pids, exited };
}

describe('no sandbox process outlives its owner', () => {
  it('anvil and its guard die when the process that started the sandbox is SIGKILLed', async () => {
    const { child, pids } = startChild('child-sandbox.ts');
    const started = await pids;
    expect(alive(started.anvil)).toBe(true);
    child.kill('SIGKILL');
    expect(await survivors([started.anvil, started.guard])).toEqual([]);
  });

  it('anvil dies when its owner exits without calling stop()', async () => {
    const { pids, exited } = startChild('child-anvil.ts');
    const started = await pids;
    await exited;
    expect(await survivors([started.anvil, started.guard])).toEqual([]);
  });

  it('stop() is idempotent and closes the chain and the facilitator', async () => {
    const sandbox = await startSandbox({ sellers: false });
    expect(sandbox.sellers).toEqual([]);
    const started = liveAnvilProcesses().at(-1)!;
    await Promise.all([sandbox.stop(), sandbox.stop()]);
    await sandbox.stop();
    expect(alive(started.anvil)).toBe(false);
    expect(liveAnvilProcesses()).toEqual([]);
    for (const url of [sandbox.rpcUrl, sandbox.facilitatorUrl]) await expect(fetch(url, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  });
});

describe('x402-probe sandbox', () => {
  function fakeIO() {
    let stdout = '';
    let stderr = '';
    let interrupt!: () => void;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const io: CliIO = {
      stdout: (t) => {
        stdout += t;
        // The listing is printed once the sandbox is up; that is when a user would press Ctrl-C.
        if (stdout.trim().endsWith('}')) interrupt();
      },
      stderr: (t) => (stderr += t),
      isTTY: false,
      color: false,
      env: {},
      waitForInterrupt: () => interrupted,
    };
    return { io, out: () => stdout, err: () => stderr };
  }

  it('--json prints one document with addresses, sellers and labelled dev keys, then stops on Ctrl-C and exits 0', async () => {
    const { io, out } = fakeIO();
    const code = await main(['sandbox', '--json'], io);
    expect(code).toBe(0);
    const document = JSON.parse(out()) as {
      rpcUrl: string;
      chainId: number;
      contracts: Record<string, string>;
      facilitatorUrl: string;
      sellers: { name: string; url: string; origin: string; price: string; agentId: string }[];
      permit2Sellers: { name: string; origin: string; spender: string }[];
      accounts: { notice: string; buyers: { label: string; privateKey: string }[] };
    };
    // The sellers' log outlives the sandbox on purpose (the user reads it after); a test removes its own.
    rmSync((document as { logFile?: string }).logFile ?? '', { force: true });
    expect(document.chainId).toBe(84532);
    expect(document.contracts).toEqual({
      usdc: '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
      identityRegistry: '0x8004A818BFB912233c491871b3d84c89A494BD9e',
      reputationRegistry: '0x8004B663056A597Dffe9eCcC1965A193B7388713',
      validationRegistry: '0x8004Cb1BF31DAf7788923b405b754f57acEB4272',
      multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
      permit2: '0x000000000022D473030F116dDEE9F6B43aC78BA3',
      x402ExactPermit2Proxy: '0x402085c248EeA27D92E8b30b2C58ed07f9E20001',
      x402UptoPermit2Proxy: '0x4020A4f3b7b90ccA423B9fabCc0CE57C6C240002',
    });
    expect(document.sellers.map((s) => s.name)).toEqual(['v2-express', 'v1-express', 'obol-gate']);
    expect(document.permit2Sellers.map((s) => [s.name, s.spender])).toEqual([
      ['exact-permit2', '0x402085c248EeA27D92E8b30b2C58ed07f9E20001'],
      ['upto', '0x4020A4f3b7b90ccA423B9fabCc0CE57C6C240002'],
    ]);
    expect(document.accounts.notice).toMatch(/anvil development key — public, never use for real funds/);
    expect(document.accounts.buyers[0].label).toMatch(/anvil development key/);
    // After Ctrl-C everything is closed.
    expect(liveAnvilProcesses()).toEqual([]);
    for (const url of [document.rpcUrl, document.facilitatorUrl, ...document.sellers.map((s) => s.origin), ...document.permit2Sellers.map((s) => s.origin)]) {
      await expect(fetch(url, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
    }
  });

  it('is listed in --help', async () => {
    let help = '';
    const code = await main(['--help'], { stdout: (t) => (help += t), stderr: () => {}, isTTY: false, color: false, env: {}, waitForInterrupt: () => new Promise(() => {}) });
    expect(code).toBe(0);
    expect(help).toMatch(/sandbox/);
  });
});
