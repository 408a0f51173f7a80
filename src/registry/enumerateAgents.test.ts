import { encodeAbiParameters, encodeEventTopics, type PublicClient } from 'viem';
import { describe, expect, it } from 'vitest';
import { identityRegistryAbi, IDENTITY_REGISTRY_TESTNET } from './abi.js';
import { enumerateAgents, isRangeLimitError } from './enumerateAgents.js';

const OWNER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

function registeredLog(agentId: bigint, uri: string) {
  return { topics: encodeEventTopics({ abi: identityRegistryAbi, eventName: 'Registered', args: { agentId, owner: OWNER } }), data: encodeAbiParameters([{ type: 'string' }], [uri]) };
}
function uriUpdatedLog(agentId: bigint, uri: string) {
  return { topics: encodeEventTopics({ abi: identityRegistryAbi, eventName: 'URIUpdated', args: { agentId, updatedBy: OWNER } }), data: encodeAbiParameters([{ type: 'string' }], [uri]) };
}

/** A getLogs that refuses ranges wider than `maxRange` blocks, as hosted RPCs do. One agent per 10 blocks. */
function fakeClient(head: bigint, maxRange: bigint) {
  const calls: [bigint, bigint][] = [];
  const client = {
    getBlockNumber: async () => head,
    getChainId: async () => 84532,
    getLogs: async ({ fromBlock, toBlock }: { fromBlock: bigint; toBlock: bigint }) => {
      calls.push([fromBlock, toBlock]);
      if (toBlock - fromBlock + 1n > maxRange) throw Object.assign(new Error('query exceeds max block range 1000'), { code: -32602 });
      const logs = [];
      for (let b = fromBlock; b <= toBlock; b++) {
        if (b % 10n === 0n) logs.push(registeredLog(b / 10n, `https://a.example/${b / 10n}`));
        if (b % 10n === 5n) logs.push(uriUpdatedLog(b / 10n, `data:,updated-${b / 10n}`));
      }
      return logs;
    },
  };
  return { client: client as unknown as PublicClient, calls };
}

describe('enumerateAgents (logs)', () => {
  it('halves the range when the RPC refuses it and still finds every agent, with its latest URI', async () => {
    const { client, calls } = fakeClient(9_999n, 1_000n);
    const result = await enumerateAgents({ client, registry: IDENTITY_REGISTRY_TESTNET, chunkSize: 8_000n });
    expect(result.agents).toHaveLength(1_000);
    expect(result.agents[0]).toEqual({ agentId: 0n, uri: 'data:,updated-0', owner: OWNER });
    expect(result.agents.map((a) => a.agentId)).toEqual(Array.from({ length: 1_000 }, (_, i) => BigInt(i)));
    expect(result.rangeSplits).toBeGreaterThanOrEqual(3);
    expect(calls.every(([from, to], i) => i === 0 || from === calls[i - 1][1] + 1n || from === calls[i - 1][0])).toBe(true);
  });

  it('stops at the limit and rethrows errors that are not about the range', async () => {
    const { client } = fakeClient(9_999n, 100_000n);
    expect((await enumerateAgents({ client, registry: IDENTITY_REGISTRY_TESTNET, limit: 25, chunkSize: 100n })).agents).toHaveLength(25);
    const broken = { ...(client as object), getLogs: async () => Promise.reject(new Error('connection refused')) } as unknown as PublicClient;
    await expect(enumerateAgents({ client: broken, registry: IDENTITY_REGISTRY_TESTNET })).rejects.toThrow('connection refused');
  });
});

describe('isRangeLimitError', () => {
  it('knows the providers\' wordings', () => {
    for (const text of ['query returned more than 10000 results', 'block range is too wide', 'eth_getLogs is limited to a 10,000 range', 'Log response size exceeded']) {
      expect(isRangeLimitError(new Error(text)), text).toBe(true);
    }
    expect(isRangeLimitError(Object.assign(new Error('x'), { code: -32005 }))).toBe(true);
    expect(isRangeLimitError(new Error('ECONNREFUSED'))).toBe(false);
  });
});
