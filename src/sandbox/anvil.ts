import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SandboxError } from '../errors.js';
import { GUARD_SOURCE } from './anvilGuard.js';

export interface AnvilInstance {
  rpcUrl: string;
  port: number;
  /** pid of the anvil process itself (the guard between is not counted). */
  pid: number;
  /** Resolves once anvil and its guard are gone. Idempotent. */
  stop(): Promise<void>;
  /** Becomes true when anvil ended without stop() being called. */
  readonly crashed: boolean;
}

export interface StartAnvilParameters {
  chainId?: number;
  /** Extra anvil flags, e.g. ['--block-time', '1']. */
  args?: string[];
  /** How long anvil may take to print "Listening on" (default 15 s). */
  timeoutMs?: number;
}

/**
 * When set, each anvil started here leaves `<dir>/<pid>` behind (never removed), so that a test
 * run's global teardown can assert that none of them is still alive.
 */
const ANVIL_PID_DIR_ENV = 'X402_PROBE_ANVIL_PID_DIR';

/** The @foundry-rs/anvil wrapper's own platform mapping; its .bin entry is a Node wrapper that can orphan the binary. */
function platformPackage(): { pkg: string; exe: string } {
  const os = process.platform === 'win32' ? 'win32' : process.platform;
  const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'arm64' ? 'arm64' : process.arch;
  return { pkg: `@foundry-rs/anvil-${os}-${arch}`, exe: os === 'win32' ? 'anvil.exe' : 'anvil' };
}

/** Absolute path of the platform anvil binary from node_modules. */
function findAnvilBinary(): string {
  const { pkg, exe } = platformPackage();
  const require = createRequire(import.meta.url);
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(require.resolve(`${pkg}/package.json`)), 'bin', exe));
  } catch {
    // not resolvable through exports; fall back to walking up from the wrapper package
  }
  try {
    const wrapper = dirname(require.resolve('@foundry-rs/anvil/package.json'));
    candidates.push(join(wrapper, '..', pkg.split('/')[1], 'bin', exe), join(wrapper, 'node_modules', pkg, 'bin', exe));
  } catch {
    // wrapper absent too; reported below
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new SandboxError(`anvil binary not found for ${process.platform}/${process.arch}`, {
      hints: [`install the optional dependency ${pkg} (npm ci installs it on this platform)`],
      details: `looked in: ${candidates.join(', ') || '(nothing resolvable)'}`,
    });
  }
  return found;
}

interface GuardMessage {
  event: 'listening' | 'exit';
  pid?: number;
  port?: number;
  code?: number | null;
  signal?: string | null;
  output?: string;
}

const live = new Map<number, number>();
let exitHookInstalled = false;

/** One hook for all anvils of this process: an orderly exit that skipped stop() still kills them. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [anvil, guard] of live) {
      for (const pid of [anvil, guard]) {
        try {
          if (pid) process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  });
}

/** Anvil processes (and their guards) started by this process and not yet stopped. */
export function liveAnvilProcesses(): { anvil: number; guard: number }[] {
  return [...live].map(([anvil, guard]) => ({ anvil, guard }));
}

function recordPid(pid: number): void {
  const dir = process.env[ANVIL_PID_DIR_ENV];
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, String(pid)), `${process.pid}\n`);
  } catch {
    // the leak check is a test aid; never fail a sandbox for it
  }
}

/** Start anvil on a free loopback port, owned by a guard that kills it if this process dies. */
export async function startAnvil(parameters: StartAnvilParameters = {}): Promise<AnvilInstance> {
  const bin = findAnvilBinary();
  const args = ['--host', '127.0.0.1', '--port', '0', '--chain-id', String(parameters.chainId ?? 84532), ...(parameters.args ?? [])];
  const guard: ChildProcess = spawn(process.execPath, ['-e', GUARD_SOURCE], {
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, X402_PROBE_ANVIL_GUARD: JSON.stringify({ bin, args }) },
    windowsHide: true,
  });
  let anvilPid = 0;
  let stopping = false;
  let crashed = false;
  const guardGone = new Promise<void>((resolve) => {
    guard.once('exit', () => resolve());
    guard.once('error', () => resolve());
  });
  // Writing to (or ending) the pipe of a guard that already died raises EPIPE on the stream.
  guard.stdin?.on('error', () => {});
  const killNow = () => {
    if (anvilPid) {
      try {
        process.kill(anvilPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    try {
      guard.kill('SIGKILL');
    } catch {
      // already gone
    }
  };
  installExitHook();

  const ready = new Promise<{ pid: number; port: number }>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new SandboxError('anvil did not start listening in time')), parameters.timeoutMs ?? 15_000);
    guard.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let message: GuardMessage;
        try {
          message = JSON.parse(line) as GuardMessage;
        } catch {
          continue;
        }
        if (message.event === 'listening' && message.pid && message.port) {
          clearTimeout(timer);
          resolve({ pid: message.pid, port: message.port });
        } else if (message.event === 'exit') {
          clearTimeout(timer);
          if (!stopping) crashed = true;
          reject(
            new SandboxError('anvil exited before it was ready', {
              details: `exit code ${message.code ?? 'none'}, signal ${message.signal ?? 'none'}; output: ${(message.output ?? '').trim()}`,
            }),
          );
        }
      }
    });
    guard.once('error', (error) => {
      clearTimeout(timer);
      reject(new SandboxError('cannot start the anvil guard process', { cause: error, details: error.message }));
    });
    guard.once('exit', () => {
      clearTimeout(timer);
      if (!stopping) crashed = true;
      reject(new SandboxError('anvil exited before it was ready'));
    });
  });

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      stopping = true;
      // Closing stdin is the guard's cue; SIGKILL follows if it does not finish promptly.
      guard.stdin?.end();
      const late = setTimeout(killNow, 3000);
      await guardGone;
      clearTimeout(late);
      if (anvilPid) await waitForExit(anvilPid);
      live.delete(anvilPid);
    })());

  try {
    const { pid, port } = await ready;
    anvilPid = pid;
    live.set(pid, guard.pid ?? 0);
    recordPid(pid);
    const rpcUrl = `http://127.0.0.1:${port}`;
    await waitForRpc(rpcUrl);
    return {
      rpcUrl,
      port,
      pid,
      stop,
      get crashed() {
        return crashed;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number): Promise<void> {
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** "Listening on" comes before the RPC server answers; poll eth_chainId briefly. */
async function waitForRpc(rpcUrl: string): Promise<void> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] });
  let lastError: unknown;
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const response = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(1000) });
      if (response.ok) {
        await response.arrayBuffer();
        return;
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new SandboxError('anvil does not answer JSON-RPC', { cause: lastError });
}
