import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// The committed bytecode is what the sandbox places at the canonical addresses: it must be exactly
// what the committed sources and the pinned compilers produce (Permit2: solc 0.8.17 under its own
// foundry.toml settings, from @uniswap/v4-periphery's copy; the proxies: solc 0.8.37).
describe('committed Permit2 and x402 proxy artifacts', () => {
  it.each(['contracts/scripts/compile-permit2.mjs', 'contracts/scripts/compile-x402-proxies.mjs'])('%s --check reproduces them byte for byte', async (script) => {
    const { stdout } = await run(process.execPath, [script, '--check'], { cwd: process.cwd() });
    expect(stdout).not.toMatch(/differs/);
    expect(stdout).toMatch(/up to date/);
  }, 180_000);
});
