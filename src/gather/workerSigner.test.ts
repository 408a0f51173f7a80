import { randomBytes } from 'node:crypto';
import { verifyTypedData } from 'viem';
import { describe, expect, it } from 'vitest';
import { TRANSFER_WITH_AUTHORIZATION_TYPES } from '../protocol/eip3009.js';
import { ANVIL_DEV_ACCOUNTS } from '../sandbox/accounts.js';
import { createWorkerSigner } from './workerSigner.js';

describe('createWorkerSigner', () => {
  it('signs EIP-3009 authorizations on its thread that recover to its fresh, unfunded address; a refused one rejects', async () => {
    const signer = await createWorkerSigner();
    try {
      expect(ANVIL_DEV_ACCOUNTS.map((a) => a.address)).not.toContain(signer.address);
      const requests = Array.from({ length: 6 }, (_, i) => ({
        domain: { name: i % 2 ? 'USD Coin' : 'USDC', version: '2', chainId: 84532, verifyingContract: '0x036CbD53842c5426634e7929541eC2318f3dCF7e' },
        types: TRANSFER_WITH_AUTHORIZATION_TYPES,
        primaryType: 'TransferWithAuthorization',
        message: { from: signer.address, to: ANVIL_DEV_ACCOUNTS[1].address, value: BigInt(i + 1), validAfter: 0n, validBefore: 1_900_000_000n, nonce: `0x${randomBytes(32).toString('hex')}` },
      }) as const);
      const signatures = await Promise.all(requests.map((r) => signer.signTypedData(r as never)));
      for (const [i, signature] of signatures.entries()) expect(await verifyTypedData({ ...requests[i], address: signer.address, signature })).toBe(true);
      await expect(signer.signTypedData({ ...requests[0], message: { ...requests[0].message, value: 1n << 256n } } as never)).rejects.toThrow(/256-bit/);
    } finally {
      await signer.close();
    }
  });
});
