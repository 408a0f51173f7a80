import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { resolveChainRead, resolveRegistryRpc } from './resolveRpc.js';

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

describe('resolveChainRead', () => {
  /** A loopback port nothing listens on: the "none answers" path, without any public RPC. */
  async function closedPort(): Promise<number> {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it('asks --rpc for eth_chainId, and reads nothing without --rpc or --pay', async () => {
    expect(await resolveChainRead({ rpc: 'http://127.0.0.1:8545', pay: false, fetchImpl: answering })).toBe('http://127.0.0.1:8545');
    let asked = false;
    const spy = (async () => ((asked = true), new Response('{}'))) as typeof fetch;
    expect(await resolveChainRead({ pay: false, fetchImpl: spy })).toBeUndefined();
    expect(asked).toBe(false);
  });

  it('makes a silent --rpc a one-line configuration error naming only its origin', async () => {
    const port = await closedPort();
    const error = (await resolveChainRead({ rpc: `http://127.0.0.1:${port}/v2/SECRETKEY`, pay: true, timeoutMs: 2_000 }).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.shortMessage).toMatch(new RegExp(`^--rpc: the RPC at http://127.0.0.1:${port} did not answer eth_chainId \\(`));
    expect(error.shortMessage).not.toContain('SECRETKEY');
    expect(error.shortMessage).not.toContain('\n');
  });

  it('gives --pay the public RPC of the expected network, Base Sepolia by default, or a one-line error when none answers', async () => {
    expect(await resolveChainRead({ pay: true, fetchImpl: answering })).toBe('https://sepolia.base.org');
    const port = await closedPort();
    const defaults = { 84532: `http://127.0.0.1:${port}` };
    const error = (await resolveChainRead({ pay: true, defaults, timeoutMs: 2_000 }).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.shortMessage).toMatch(/^--pay needs a chain read to verify the settlement: the public RPC for Base Sepolia \(http:\/\/127\.0\.0\.1:\d+\) did not answer .*; pass --rpc <url>$/);
    await expect(resolveChainRead({ pay: true, expectNetwork: 'avalanche-fuji', defaults, fetchImpl: answering })).rejects.toThrow(/no public RPC is known for avalanche-fuji: pass --rpc/);
  });
});
