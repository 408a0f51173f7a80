import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hex } from 'viem';
import { SandboxError } from '../errors.js';
import { MULTICALL3_ADDRESS } from './addresses.js';
import { placeCode, runtimeCodeOf, type SandboxChain } from './chain.js';

export { MULTICALL3_ADDRESS } from './addresses.js';

/**
 * viem carries Multicall3's creation code (for deployless multicall) but does not export it from
 * a public entry point; read it from the installed viem's constants module.
 */
async function multicall3CreationCode(): Promise<Hex> {
  try {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('viem/package.json'));
    const constants = (await import(pathToFileURL(join(root, '_esm', 'constants', 'contracts.js')).href)) as { multicall3Bytecode?: Hex };
    if (constants.multicall3Bytecode) return constants.multicall3Bytecode;
  } catch (error) {
    throw new SandboxError('cannot read Multicall3 bytecode from viem', { cause: error });
  }
  throw new SandboxError('cannot read Multicall3 bytecode from viem');
}

/**
 * The @x402/evm facilitator batches its diagnostic reads through Multicall3; without it a
 * replayed payment is still refused, but only as a generic simulation failure.
 */
export async function placeMulticall3(sandbox: SandboxChain): Promise<void> {
  const code = await runtimeCodeOf(sandbox.publicClient, await multicall3CreationCode(), 'Multicall3');
  await placeCode(sandbox, MULTICALL3_ADDRESS, code, 'Multicall3');
}
