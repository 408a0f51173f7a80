/**
 * The key signs for the chain the user named, whatever the RPC says: a hostile (or mistaken) RPC
 * answering a mainnet chain id must get no signed transaction.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import { createRegistryClient } from './readAgent.js';
import { giveFeedback } from './publishTrust.js';

// anvil's first well-known dev key.
const DEV_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? (server.closeAllConnections(), server.close(() => r())) : r())));

/** A JSON-RPC that claims Base mainnet (8453) and would take a raw transaction. */
async function mainnetRpc(methods: string[]): Promise<string> {
  const answers: Record<string, unknown> = {
    eth_chainId: '0x2105', eth_getTransactionCount: '0x0', eth_estimateGas: '0x5208', eth_gasPrice: '0x1', eth_maxPriorityFeePerGas: '0x1',
    eth_getBlockByNumber: { number: '0x1', baseFeePerGas: '0x1', hash: `0x${'00'.repeat(32)}`, timestamp: '0x1', transactions: [] },
    eth_sendRawTransaction: `0x${'ab'.repeat(32)}`, eth_getTransactionReceipt: null, eth_blockNumber: '0x1',
  };
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const calls = [JSON.parse(body)].flat() as { id: number; method: string }[];
      const out = calls.map((c) => (methods.push(c.method), { jsonrpc: '2.0', id: c.id, result: answers[c.method] ?? null }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Array.isArray(JSON.parse(body)) ? out : out[0]));
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as { port: number }).port}`;
}

describe('giveFeedback against an RPC on another chain', () => {
  it('signs nothing when the RPC is not on the chain named (Base Sepolia named, mainnet answering)', async () => {
    const methods: string[] = [];
    const rpcUrl = await mainnetRpc(methods);
    const client = await createRegistryClient(rpcUrl, 2_000);
    const sent = giveFeedback({
      client, rpcUrl, account: privateKeyToAccount(DEV_KEY), chainId: 84532, reputationRegistry: '0x8004B663056A597Dffe9eCcC1965A193B7388713', agentId: 1n,
      value: 100n, valueDecimals: 0, tag1: 't', tag2: 'pass', endpoint: 'http://127.0.0.1/x', feedbackURI: 'data:,x', feedbackHash: `0x${'00'.repeat(32)}`, timeoutMs: 1_000,
    });
    await expect(sent).rejects.toThrow(/chain 8453.*not chain 84532|84532/);
    expect(methods).not.toContain('eth_sendRawTransaction');
    await sent.catch((error: Error) => expect(String(error.message)).not.toContain(DEV_KEY.slice(2)));
  });
});
