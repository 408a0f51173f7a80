import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { resolveRegistryRpc } from './resolveRpc.js';

const answering = (async () => new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0x14a34' }))) as typeof fetch;
const silent = (async () => {
  throw new TypeError('fetch failed');
}) as typeof fetch;

describe('resolveRegistryRpc', () => {
  it('uses --rpc, or the chain\'s public RPC, when it answers', async () => {
    expect(await resolveRegistryRpc({ rpc: 'http://127.0.0.1:8545', chainId: 84532, fetchImpl: answering })).toBe('http://127.0.0.1:8545');
    expect(await resolveRegistryRpc({ chainId: 84532, fetchImpl: answering })).toBe('https://sepolia.base.org');
  });

  it('asks for --rpc when the default is unreachable or unknown, naming only the origin', async () => {
    await expect(resolveRegistryRpc({ chainId: 84532, fetchImpl: silent })).rejects.toThrow(/--rpc is required/);
    await expect(resolveRegistryRpc({ chainId: 999999, fetchImpl: answering })).rejects.toBeInstanceOf(ConfigError);
    const error = await resolveRegistryRpc({ rpc: 'https://rpc.example/v2/SECRETKEY', chainId: 84532, fetchImpl: silent }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain('SECRETKEY');
  });
});
