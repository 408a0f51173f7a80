import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
  type Account,
  type Chain,
  type Hex,
  type PublicClient,
  type TestClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { SandboxError } from '../errors.js';
import { MULTICALL3_ADDRESS } from './addresses.js';
import type { SandboxAccount } from './types.js';

/**
 * Local chains answer in milliseconds; viem's default 4 s polling would both slow every receipt
 * wait and leave timers that keep the process alive after the work is done.
 */
const LOCAL_POLLING_INTERVAL_MS = 50;

export type SandboxWalletClient = WalletClient<Transport, Chain, Account>;

export interface SandboxChain {
  chain: Chain;
  publicClient: PublicClient<Transport, Chain>;
  testClient: TestClient<'anvil', Transport, Chain>;
  walletFor(account: SandboxAccount): SandboxWalletClient;
  /** Waits for a transaction that anvil mined on submission and fails loudly when it reverted. */
  confirm(hash: Hex, what: string): Promise<TransactionReceipt>;
}

/**
 * Base Sepolia (id 84532, Multicall3 at its usual address) pointed at the local RPC. Written out
 * rather than taken from viem/chains: that barrel costs over a second of startup on a small machine.
 */
export function localBaseSepolia(rpcUrl: string): Chain {
  return defineChain({
    id: 84532,
    name: 'Base Sepolia (x402-probe sandbox)',
    nativeCurrency: { name: 'Sepolia Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    contracts: { multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 0 } },
    testnet: true,
  });
}

export function sandboxChain(rpcUrl: string): SandboxChain {
  const chain = localBaseSepolia(rpcUrl);
  const transport = http(rpcUrl, { retryCount: 0, timeout: 15_000 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: LOCAL_POLLING_INTERVAL_MS });
  const testClient = createTestClient({ chain, transport, mode: 'anvil', pollingInterval: LOCAL_POLLING_INTERVAL_MS });
  return {
    chain,
    publicClient,
    testClient,
    walletFor: (account) =>
      createWalletClient({ chain, transport, account: privateKeyToAccount(account.privateKey), pollingInterval: LOCAL_POLLING_INTERVAL_MS }),
    async confirm(hash, what) {
      // Automine has already mined it; only a chain started with a block time needs the wait.
      const receipt = await publicClient
        .getTransactionReceipt({ hash })
        .catch(() => publicClient.waitForTransactionReceipt({ hash, timeout: 15_000 }));
      if (receipt.status !== 'success') throw new SandboxError(`sandbox transaction reverted: ${what}`, { details: `tx ${hash}` });
      return receipt;
    },
  };
}

/**
 * Runtime code of a contract whose creation code needs no arguments: an eth_call without `to`
 * runs the constructor and returns what it would store, immutables included. anvil_setCode
 * then places that code at any address.
 */
export async function runtimeCodeOf(publicClient: PublicClient, creationCode: Hex, what: string): Promise<Hex> {
  const { data } = await publicClient.call({ data: creationCode });
  if (!data || data === '0x') throw new SandboxError(`could not build the runtime code of ${what}`);
  return data;
}

/** Place runtime code at an address and check that it is there. */
export async function placeCode(sandbox: SandboxChain, address: Hex, code: Hex, what: string): Promise<void> {
  await sandbox.testClient.setCode({ address, bytecode: code });
  const placed = await sandbox.publicClient.getCode({ address });
  if (!placed || placed.toLowerCase() !== code.toLowerCase()) throw new SandboxError(`could not place ${what} at ${address}`);
}
