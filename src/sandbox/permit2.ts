import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainSeparator, encodeDeployData, erc20Abi, maxUint256, type Abi, type Hex } from 'viem';
import { SandboxError } from '../errors.js';
import { packageRoot } from '../util/packageRoot.js';
import { PERMIT2_ADDRESS, USDC_ADDRESS, X402_EXACT_PERMIT2_PROXY_ADDRESS, X402_UPTO_PERMIT2_PROXY_ADDRESS } from './addresses.js';
import { placeCode, runtimeCodeOf, type SandboxChain } from './chain.js';
import type { SandboxAccount } from './types.js';

export { PERMIT2_ADDRESS, X402_EXACT_PERMIT2_PROXY_ADDRESS, X402_UPTO_PERMIT2_PROXY_ADDRESS } from './addresses.js';

export type Permit2ContractName = 'Permit2' | 'x402ExactPermit2Proxy' | 'x402UptoPermit2Proxy';

export interface Permit2Artifact {
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
  /** Permit2 only: byte offsets of its immutables in the runtime code. */
  immutableReferences?: Record<string, { start: number; length: number }[]>;
}

const cache = new Map<Permit2ContractName, Permit2Artifact>();

/** The committed artifact (contracts/scripts/compile-permit2.mjs, compile-x402-proxies.mjs). */
export function permit2Artifact(name: Permit2ContractName): Permit2Artifact {
  const known = cache.get(name);
  if (known) return known;
  const path = join(packageRoot(), 'contracts', 'artifacts', `${name}.json`);
  try {
    const artifact = JSON.parse(readFileSync(path, 'utf8')) as Permit2Artifact;
    cache.set(name, artifact);
    return artifact;
  } catch (error) {
    const script = name === 'Permit2' ? 'compile-permit2.mjs' : 'compile-x402-proxies.mjs';
    throw new SandboxError(`${name} artifact missing`, { cause: error, details: path, hints: [`run node contracts/scripts/${script}`] });
  }
}

const separatorAbi = [{ type: 'function', name: 'DOMAIN_SEPARATOR', inputs: [], outputs: [{ type: 'bytes32' }], stateMutability: 'view' }] as const;

/** Permit2's EIP-712 domain as buyers sign it: no version, the canonical address. */
export function permit2DomainSeparator(chainId: number): Hex {
  return domainSeparator({ domain: { name: 'Permit2', chainId, verifyingContract: PERMIT2_ADDRESS } });
}

/**
 * Permit2 caches its domain separator in an immutable built from address(this) at construction,
 * and its creation code runs (in an eth_call) at some address other than the canonical one. The
 * cached value is read back from the placed code and every immutable slot holding it is rewritten
 * with the canonical address's separator, so DOMAIN_SEPARATOR() and every signature check name
 * 0x000000000022D473030F116dDEE9F6B43aC78BA3, as on Base Sepolia.
 */
export async function placePermit2(sandbox: SandboxChain): Promise<void> {
  const { bytecode, immutableReferences } = permit2Artifact('Permit2');
  const built = await runtimeCodeOf(sandbox.publicClient, bytecode, 'Permit2');
  await placeCode(sandbox, PERMIT2_ADDRESS, built, 'Permit2');
  const cached = await sandbox.publicClient.readContract({ address: PERMIT2_ADDRESS, abi: separatorAbi, functionName: 'DOMAIN_SEPARATOR' });
  const wanted = permit2DomainSeparator(sandbox.chain.id);
  let code = built.slice(2);
  let patched = 0;
  for (const slots of Object.values(immutableReferences ?? {})) {
    for (const { start, length } of slots) {
      if (length !== 32) continue;
      if (`0x${code.slice(start * 2, (start + length) * 2)}` !== cached.toLowerCase()) continue;
      code = code.slice(0, start * 2) + wanted.slice(2) + code.slice((start + length) * 2);
      patched++;
    }
  }
  if (patched === 0) throw new SandboxError('Permit2: the cached domain separator is in none of its immutable slots');
  await placeCode(sandbox, PERMIT2_ADDRESS, `0x${code}`, 'Permit2');
  const placed = await sandbox.publicClient.readContract({ address: PERMIT2_ADDRESS, abi: separatorAbi, functionName: 'DOMAIN_SEPARATOR' });
  if (placed !== wanted) throw new SandboxError('Permit2 domain separator does not name its canonical address', { details: `${placed} != ${wanted}` });
}

/** Both proxies keep Permit2's address in an immutable, filled in by running their creation code. */
export async function placeX402Permit2Proxies(sandbox: SandboxChain): Promise<void> {
  const place = async (name: 'x402ExactPermit2Proxy' | 'x402UptoPermit2Proxy', address: Hex) => {
    const { abi, bytecode } = permit2Artifact(name);
    const creation = encodeDeployData({ abi, bytecode, args: [PERMIT2_ADDRESS] });
    await placeCode(sandbox, address, await runtimeCodeOf(sandbox.publicClient, creation, name), name);
  };
  await Promise.all([place('x402ExactPermit2Proxy', X402_EXACT_PERMIT2_PROXY_ADDRESS), place('x402UptoPermit2Proxy', X402_UPTO_PERMIT2_PROXY_ADDRESS)]);
}

/**
 * The sandbox's own buyer accounts approve Permit2 for USDC without limit, the one-time step a
 * Permit2 buyer takes (the probe itself never approves on its own). Sandbox dev keys only.
 */
export async function approvePermit2ForBuyers(sandbox: SandboxChain, buyers: readonly SandboxAccount[]): Promise<void> {
  await Promise.all(
    buyers.map(async (buyer) => {
      const hash = await sandbox.walletFor(buyer).writeContract({ address: USDC_ADDRESS, abi: erc20Abi, functionName: 'approve', args: [PERMIT2_ADDRESS, maxUint256] });
      await sandbox.confirm(hash, `${buyer.label.split(' (')[0]}: approve Permit2`);
    }),
  );
}
