import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeV2 } from '../../test/helpers/artifacts.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { startSandbox } from '../sandbox/startSandbox.js';
import type { Sandbox } from '../sandbox/types.js';
import { USDC_ADDRESS } from '../sandbox/addresses.js';
import { tokenInfoGatherer } from './tokenInfo.js';

const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('tokenInfoGatherer (the sandbox chain: FiatTokenV2_2 at the Base Sepolia USDC address)', () => {
  it("reads the token's own EIP-712 name and version and its decimals", async () => {
    const { artifact } = await gatherWith(tokenInfoGatherer, { rpc: sandbox.rpcUrl, given: { challenge: challengeV2() } });
    expect(artifact).toEqual({ asset: USDC_ADDRESS, chainId: 84532, requirementIndex: 0, name: 'USDC', version: '2', decimals: 6, hasCode: true, error: null });
  });

  it('reads the requirement on the chain the RPC reads, whichever comes first', async () => {
    const challenge = challengeV2([{ network: 'eip155:8453', asset: BASE_USDC, extra: { name: 'USD Coin', version: '2' } }, {}]);
    const { artifact } = await gatherWith(tokenInfoGatherer, { rpc: sandbox.rpcUrl, given: { challenge } });
    expect(artifact).toMatchObject({ requirementIndex: 1, chainId: 84532, name: 'USDC' });
  });

  it('records an asset with no code on the chain as such, not a token', async () => {
    const nothing = '0x000000000000000000000000000000000000dEaD';
    const { artifact } = await gatherWith(tokenInfoGatherer, { rpc: sandbox.rpcUrl, given: { challenge: challengeV2([{ asset: nothing }]) } });
    expect(artifact).toMatchObject({ asset: nothing, hasCode: false, name: null, version: null, decimals: null, error: null });
  });

  it('records an RPC that does not answer JSON-RPC as an error, never throws', async () => {
    const notRpc = createServer((_req, res) => void res.writeHead(500).end('no'));
    await new Promise<void>((resolve) => notRpc.listen(0, '127.0.0.1', resolve));
    try {
      const rpc = `http://127.0.0.1:${(notRpc.address() as AddressInfo).port}/`;
      const { artifact, notGathered } = await gatherWith(tokenInfoGatherer, { rpc, given: { challenge: challengeV2() } });
      expect(notGathered).toBeUndefined();
      expect(artifact).toMatchObject({ chainId: null, hasCode: false });
      expect(artifact?.error).toBeTruthy();
    } finally {
      await new Promise<void>((resolve) => notRpc.close(() => resolve()));
    }
  });

  it('is not gathered without --rpc, nor for a challenge with nothing signable', async () => {
    expect((await gatherWith(tokenInfoGatherer, { given: { challenge: challengeV2() } })).notGathered).toBe('no --rpc given');
    const unsignable = challengeV2([{ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp' }]);
    expect((await gatherWith(tokenInfoGatherer, { rpc: sandbox.rpcUrl, given: { challenge: unsignable } })).notGathered).toBe('no EVM requirement to read a token for');
  });
});
