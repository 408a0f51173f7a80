import { decodeEventLog, hashDomain, keccak256, toEventSelector, toHex, type Abi } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxChain } from '../../src/sandbox/chain.js';
import { MULTICALL3_ADDRESS } from '../../src/sandbox/multicall.js';
import { compiledRegistryAbi } from '../../src/sandbox/registry.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox, SandboxAccount } from '../../src/sandbox/types.js';
import { fiatTokenAbi } from '../../src/sandbox/usdc.js';
import { publicClientFor } from './helpers.js';

/** Base Sepolia USDC's DOMAIN_SEPARATOR (obol-stack pins the same value for the live token). */
const BASE_SEPOLIA_USDC_DOMAIN_SEPARATOR = '0x71f17a3b2ff373b803d70a5a07c046c1a2bc8e89c09ef722fcb047abe94c9818';

let sandbox: Sandbox;
let registryAbi: Abi;

beforeAll(async () => {
  sandbox = await startSandbox();
  registryAbi = compiledRegistryAbi();
});

afterAll(async () => {
  await sandbox?.stop();
});

const read = (address: `0x${string}`, abi: Abi, functionName: string, args: unknown[] = []) =>
  publicClientFor(sandbox).readContract({ address, abi, functionName, args } as Parameters<ReturnType<typeof publicClientFor>['readContract']>[0]);

async function write(account: SandboxAccount, functionName: string, args: unknown[]): Promise<void> {
  const chain = sandboxChain(sandbox.rpcUrl);
  const wallet = chain.walletFor(account);
  const hash = await wallet.writeContract({ address: sandbox.identityRegistry, abi: registryAbi, functionName, args } as Parameters<typeof wallet.writeContract>[0]);
  await chain.confirm(hash, functionName);
}

describe('USDC at the Base Sepolia address', () => {
  it('reports Base Sepolia USDC name, version and decimals', async () => {
    const abi = fiatTokenAbi();
    expect(await read(sandbox.usdc, abi, 'name')).toBe('USDC');
    expect(await read(sandbox.usdc, abi, 'version')).toBe('2');
    expect(await read(sandbox.usdc, abi, 'decimals')).toBe(6);
  });

  it('has Base Sepolia DOMAIN_SEPARATOR, the EIP-712 hash of {USDC, 2, 84532, 0x036C…}', async () => {
    const separator = await read(sandbox.usdc, fiatTokenAbi(), 'DOMAIN_SEPARATOR');
    expect(separator).toBe(BASE_SEPOLIA_USDC_DOMAIN_SEPARATOR);
    const domain = { name: 'USDC', version: '2', chainId: 84532n, verifyingContract: sandbox.usdc };
    expect(hashDomain({ domain, types: { EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }] } })).toBe(separator);
  });

  it('answers batched reads through Multicall3', async () => {
    const client = publicClientFor(sandbox);
    expect(await client.getCode({ address: MULTICALL3_ADDRESS })).toMatch(/^0x[0-9a-f]{100,}$/);
    const results = await client.multicall({
      allowFailure: false,
      contracts: sandbox.accounts.buyers.map((b) => ({ address: sandbox.usdc, abi: fiatTokenAbi(), functionName: 'balanceOf', args: [b.address] })),
    });
    expect(results.every((balance) => typeof balance === 'bigint' && balance > 0n)).toBe(true);
  });
});

describe('ERC-8004 IdentityRegistry at the Base Sepolia address', () => {
  it('is the AgentIdentity collection, version 2.0.0', async () => {
    expect(await read(sandbox.identityRegistry, registryAbi, 'name')).toBe('AgentIdentity');
    expect(await read(sandbox.identityRegistry, registryAbi, 'symbol')).toBe('AGENT');
    expect(await read(sandbox.identityRegistry, registryAbi, 'getVersion')).toBe('2.0.0');
  });

  it('returns each seller agent’s tokenURI, owner and agent wallet', async () => {
    expect(sandbox.sellers.map((s) => s.agentId)).toEqual(['0', '1', '2']);
    sandbox.sellers.forEach((s, i) => expect(s.payTo).toBe(sandbox.accounts.sellers[i].address));
    for (const s of sandbox.sellers) {
      const id = BigInt(s.agentId);
      expect(await read(sandbox.identityRegistry, registryAbi, 'tokenURI', [id])).toBe(s.agentURI);
      expect(await read(sandbox.identityRegistry, registryAbi, 'ownerOf', [id])).toBe(s.payTo);
      expect(await read(sandbox.identityRegistry, registryAbi, 'getAgentWallet', [id])).toBe(s.payTo);
    }
  });

  it('publishes one data: URI and http URIs, each the registration file the seller serves', async () => {
    expect(sandbox.sellers.filter((s) => s.agentURI.startsWith('data:application/json;base64,'))).toHaveLength(1);
    expect(sandbox.sellers.filter((s) => s.agentURI.startsWith('http://'))).toHaveLength(2);
    for (const s of sandbox.sellers) {
      const served = await (await fetch(`${s.origin}/.well-known/agent-registration.json`)).json();
      const published = s.agentURI.startsWith('data:') ? JSON.parse(Buffer.from(s.agentURI.split(',')[1], 'base64').toString('utf8')) : await (await fetch(s.agentURI)).json();
      expect(published).toEqual(served);
      expect(served).toMatchObject({
        type: 'https://eips.ethereum.org/EIPS/eip-8004#registration-v1',
        services: [{ name: 'web', endpoint: s.url }],
        x402Support: true,
        active: true,
        registrations: [{ agentId: Number(s.agentId), agentRegistry: `eip155:84532:${sandbox.identityRegistry}` }],
      });
    }
  });

  it('logged Registered and URIUpdated for every agent (reference topic0 values)', async () => {
    const client = publicClientFor(sandbox);
    const logs = await client.getLogs({ address: sandbox.identityRegistry, fromBlock: 0n });
    const idsWith = (topic0: string) =>
      logs.filter((log) => log.topics[0] === topic0).map((log) => String((decodeEventLog({ abi: registryAbi, data: log.data, topics: log.topics }).args as unknown as { agentId: bigint }).agentId));
    const sellerIds = sandbox.sellers.map((s) => s.agentId);
    expect(idsWith(toEventSelector('Registered(uint256,string,address)'))).toEqual(expect.arrayContaining(sellerIds));
    expect(idsWith('0x3a2c7fffc2cba7582c690e3b82c453ea02a308326a98a3ad7576c606336409fb')).toEqual(expect.arrayContaining(sellerIds));
  });

  it('guards metadata: reserved agentWallet key and owner-only writes', async () => {
    const [owner, stranger] = [sandbox.accounts.sellers[2], sandbox.accounts.buyers[0]];
    await write(owner, 'setMetadata', [2n, 'x402.supported', '0x01']);
    expect(await read(sandbox.identityRegistry, registryAbi, 'getMetadata', [2n, 'x402.supported'])).toBe('0x01');
    await expect(write(owner, 'setMetadata', [2n, 'agentWallet', '0x01'])).rejects.toThrow(/reserved key/);
    await expect(write(stranger, 'setMetadata', [2n, 'x', '0x01'])).rejects.toThrow(/Not authorized/);
  });

  it('sets the agent wallet on the new wallet’s EIP-712 signature and clears it on transfer', async () => {
    const [owner, newWallet, buyer] = [sandbox.accounts.buyers[1], sandbox.accounts.buyers[2], sandbox.accounts.buyers[0]];
    await write(owner, 'register', ['https://agent.example/registration.json']);
    const agentId = BigInt(sandbox.sellers.length);
    expect(await read(sandbox.identityRegistry, registryAbi, 'getAgentWallet', [agentId])).toBe(owner.address);
    const block = await publicClientFor(sandbox).getBlock();
    const deadline = block.timestamp + 60n;
    const signature = await privateKeyToAccount(newWallet.privateKey).signTypedData({
      domain: { name: 'ERC8004IdentityRegistry', version: '1', chainId: 84532, verifyingContract: sandbox.identityRegistry },
      types: { AgentWalletSet: [{ name: 'agentId', type: 'uint256' }, { name: 'newWallet', type: 'address' }, { name: 'owner', type: 'address' }, { name: 'deadline', type: 'uint256' }] },
      primaryType: 'AgentWalletSet',
      message: { agentId, newWallet: newWallet.address, owner: owner.address, deadline },
    });
    await expect(write(owner, 'setAgentWallet', [agentId, buyer.address, deadline, signature])).rejects.toThrow(/invalid wallet sig/);
    await write(owner, 'setAgentWallet', [agentId, newWallet.address, deadline, signature]);
    expect(await read(sandbox.identityRegistry, registryAbi, 'getAgentWallet', [agentId])).toBe(newWallet.address);
    expect(await read(sandbox.identityRegistry, registryAbi, 'getMetadata', [agentId, 'agentWallet'])).toBe(newWallet.address.toLowerCase());
    await write(owner, 'transferFrom', [owner.address, buyer.address, agentId]);
    expect(await read(sandbox.identityRegistry, registryAbi, 'getAgentWallet', [agentId])).toBe('0x0000000000000000000000000000000000000000');
  });

  it('keeps AgentWalletSet typehash as in the reference', () => {
    expect(keccak256(toHex('AgentWalletSet(uint256 agentId,address newWallet,address owner,uint256 deadline)'))).toBe('0x678b53cd718d595370ab070ebf48edfdcd834beac116bf23e625fc7f4d5b7d32');
  });
});
