import type { CliIO } from '../../src/cli/context.js';

/** A non-TTY CliIO that keeps what the CLI writes, for tests that drive `main(argv, io)`. */
export function captureIO(env: NodeJS.ProcessEnv = {}): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, color: false, env, waitForInterrupt: () => new Promise(() => {}) },
    out: () => out,
    err: () => err,
  };
}
