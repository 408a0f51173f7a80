/** Run the CLI in-process with captured output, as the tests of offer, preflight and sell do. */
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, options: { isTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: options.isTTY ?? false,
    color: false,
    // A clean environment: no real KUBECONFIG, HOME or OLLAMA_HOST leaks into a test.
    env: { HOME: '/nonexistent-x402-probe-home', ...env },
    waitForInterrupt: () => new Promise<void>(() => {}),
  });
  return { code, stdout, stderr };
}

/** The JSON report of a --json run. */
export function json<T = Record<string, any>>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}
