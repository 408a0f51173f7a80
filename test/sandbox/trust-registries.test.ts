import { keccak256, toHex, type Abi } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reputationRegistryAbi, validationRegistryAbi } from '../../src/registry/trustAbi.js';
import { sandboxChain } from '../../src/sandbox/chain.js';
import { registerAgent } from '../../src/sandbox/registry.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox, SandboxAccount } from '../../src/sandbox/types.js';
import { publicClientFor } from './helpers.js';

let sandbox: Sandbox;
let agentId: bigint;

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  ({ agentId } = await registerAgent(sandboxChain(sandbox.rpcUrl), sandbox.accounts.sellers[0], () => 'data:application/json;base64,e30='));
});

afterAll(async () => {
  await sandbox?.stop();
});

const read = (address: `0x${string}`, abi: Abi, functionName: string, args: unknown[] = []) =>
  publicClientFor(sandbox).readContract({ address, abi, functionName, args } as Parameters<ReturnType<typeof publicClientFor>['readContract']>[0]);

async function write(account: SandboxAccount, address: `0x${string}`, abi: Abi, functionName: string, args: unknown[]): Promise<void> {
  const chain = sandboxChain(sandbox.rpcUrl);
  const wallet = chain.walletFor(account);
  const hash = await wallet.writeContract({ address, abi, functionName, args } as Parameters<typeof wallet.writeContract>[0]);
  await chain.confirm(hash, functionName);
}

describe('ReputationRegistry at the Base Sepolia address', () => {
  const feedback = (value: bigint, decimals: number) => [agentId, value, decimals, 'x402-probe', 'paid', 'http://127.0.0.1/x', '', `0x${'00'.repeat(32)}`];

  it('points at the Identity registry', async () => {
    expect(await read(sandbox.reputationRegistry, reputationRegistryAbi as Abi, 'getIdentityRegistry')).toBe(sandbox.identityRegistry);
  });

  it('refuses feedback from the agent owner and takes it from a client, 1-based', async () => {
    await expect(write(sandbox.accounts.sellers[0], sandbox.reputationRegistry, reputationRegistryAbi as Abi, 'giveFeedback', feedback(100n, 0))).rejects.toThrow(/Self-feedback not allowed/);
    await write(sandbox.accounts.buyers[0], sandbox.reputationRegistry, reputationRegistryAbi as Abi, 'giveFeedback', feedback(100n, 0));
    await write(sandbox.accounts.buyers[0], sandbox.reputationRegistry, reputationRegistryAbi as Abi, 'giveFeedback', feedback(500n, 1));
    expect(await read(sandbox.reputationRegistry, reputationRegistryAbi as Abi, 'getLastIndex', [agentId, sandbox.accounts.buyers[0].address])).toBe(2n);
    expect(await read(sandbox.reputationRegistry, reputationRegistryAbi as Abi, 'getClients', [agentId])).toEqual([sandbox.accounts.buyers[0].address]);
    // 100 and 50.0 average to 75; the two entries' decimals tie, so the first mode (0) wins.
    expect(await read(sandbox.reputationRegistry, reputationRegistryAbi as Abi, 'getSummary', [agentId, [sandbox.accounts.buyers[0].address], '', ''])).toEqual([2n, 75n, 0]);
    await expect(read(sandbox.reputationRegistry, reputationRegistryAbi as Abi, 'getSummary', [agentId, [], '', ''])).rejects.toThrow(/clientAddresses required/);
  });

  it('refuses feedback for an agent that does not exist', async () => {
    await expect(write(sandbox.accounts.buyers[1], sandbox.reputationRegistry, reputationRegistryAbi as Abi, 'giveFeedback', [999n, ...feedback(1n, 0).slice(1)])).rejects.toThrow();
  });
});

describe('ValidationRegistry at the planned Base Sepolia address', () => {
  const requestHash = keccak256(toHex('request 1'));
  const validator = () => sandbox.accounts.buyers[2];

  it('takes requests only from the owner, answers only from the named validator', async () => {
    const abi = validationRegistryAbi as Abi;
    await expect(write(validator(), sandbox.validationRegistry, abi, 'validationRequest', [validator().address, agentId, '', requestHash])).rejects.toThrow(/Not authorized/);
    await write(sandbox.accounts.sellers[0], sandbox.validationRegistry, abi, 'validationRequest', [validator().address, agentId, '', requestHash]);
    await expect(write(sandbox.accounts.sellers[0], sandbox.validationRegistry, abi, 'validationRequest', [validator().address, agentId, '', requestHash])).rejects.toThrow(/exists/);
    await expect(write(sandbox.accounts.sellers[0], sandbox.validationRegistry, abi, 'validationResponse', [requestHash, 90, '', requestHash, 't'])).rejects.toThrow(/not validator/);
    await expect(write(validator(), sandbox.validationRegistry, abi, 'validationResponse', [requestHash, 101, '', requestHash, 't'])).rejects.toThrow(/response > 100/);
    await write(validator(), sandbox.validationRegistry, abi, 'validationResponse', [requestHash, 90, 'data:,x', requestHash, 'x402-probe/test']);
    const [who, id, response, hash, tag, lastUpdate] = (await read(sandbox.validationRegistry, abi, 'getValidationStatus', [requestHash])) as [string, bigint, number, string, string, bigint];
    expect({ who, id, response, hash, tag }).toEqual({ who: validator().address, id: agentId, response: 90, hash: requestHash, tag: 'x402-probe/test' });
    expect(lastUpdate).toBeGreaterThan(0n);
    expect(await read(sandbox.validationRegistry, abi, 'getAgentValidations', [agentId])).toEqual([requestHash]);
    expect(await read(sandbox.validationRegistry, abi, 'getValidatorRequests', [validator().address])).toEqual([requestHash]);
    expect(await read(sandbox.validationRegistry, abi, 'getSummary', [agentId, [], ''])).toEqual([1n, 90]);
  });
});
