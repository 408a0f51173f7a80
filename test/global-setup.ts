import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Same name as ANVIL_PID_DIR_ENV in src/sandbox/anvil.ts (not imported: setup stays free of app code). */
const ANVIL_PID_DIR_ENV = 'X402_PROBE_ANVIL_PID_DIR';

function isAnvilAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A recycled pid that now belongs to something else is not a leak.
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('anvil');
  } catch {
    return process.platform !== 'linux';
  }
}

/**
 * Runs once around the whole vitest run. Every anvil a test starts (in any worker, or in a child
 * process the test spawns) records its pid in a directory; the teardown fails the run when one of
 * them is still alive.
 */
export default function setup(): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'x402-probe-anvil-pids-'));
  process.env[ANVIL_PID_DIR_ENV] = dir;
  return async () => {
    const pids = readdirSync(dir).map(Number).filter((pid) => Number.isInteger(pid) && pid > 0);
    // A guard that has just seen its parent die needs a moment to finish the job.
    for (let i = 0; i < 50 && pids.some(isAnvilAlive); i++) await new Promise((r) => setTimeout(r, 100));
    const survivors = pids.filter(isAnvilAlive);
    for (const pid of survivors) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    rmSync(dir, { recursive: true, force: true });
    delete process.env[ANVIL_PID_DIR_ENV];
    if (survivors.length > 0) {
      // vitest 4 only logs a teardown error; the exit code is what CI sees.
      process.exitCode = 1;
      throw new Error(`anvil processes outlived the test run (pids ${survivors.join(', ')}); killed them now`);
    }
  };
}
