import { randomBytes } from 'node:crypto';
import { getAddress, hashTypedData, verifyTypedData } from 'viem';
import { describe, expect, it } from 'vitest';
import { TRANSFER_WITH_AUTHORIZATION_TYPES } from '../protocol/eip3009.js';
import { ANVIL_DEV_ACCOUNTS } from '../sandbox/accounts.js';
import { createThrowawaySigner, transferWithAuthorizationDigest } from './throwawaySigner.js';

const USDC = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';
const hex32 = () => `0x${randomBytes(32).toString('hex')}` as const;

function authorization(from: `0x${string}`, overrides: Record<string, unknown> = {}) {
  return {
    domain: { name: 'USDC', version: '2', chainId: 84532, verifyingContract: USDC },
    types: TRANSFER_WITH_AUTHORIZATION_TYPES,
    primaryType: 'TransferWithAuthorization',
    message: { from, to: ANVIL_DEV_ACCOUNTS[1].address, value: 10_000n, validAfter: 0n, validBefore: 1_900_000_000n, nonce: hex32(), ...overrides },
  } as const;
}

describe('transferWithAuthorizationDigest', () => {
  it("equals viem's hashTypedData across domains and values, lower-case addresses included", () => {
    const domains = [
      { name: 'USDC', version: '2', chainId: 84532, verifyingContract: USDC },
      { name: 'USD Coin', version: '2', chainId: 8453, verifyingContract: '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913' },
      // A seller names the token; a long or non-ASCII name is still hashed as viem hashes it.
      { name: `Tøken ${'x'.repeat(300)}`, version: '1', chainId: 1 },
      { name: 'Salted', salt: hex32(), verifyingContract: USDC },
    ];
    for (const domain of domains) {
      for (const value of [0n, 1n, 10_000n, (1n << 256n) - 1n]) {
        const request = { ...authorization(getAddress(`0x${randomBytes(20).toString('hex')}`), { value, to: `0x${randomBytes(20).toString('hex')}` }), domain };
        expect(transferWithAuthorizationDigest(request as never)).toBe(hashTypedData(request as never));
      }
    }
  });

  it('leaves to viem whatever viem would refuse or that is not a TransferWithAuthorization', () => {
    const from = ANVIL_DEV_ACCOUNTS[2].address;
    const refused = [
      authorization(from, { value: 1n << 256n }),
      authorization(from, { value: -1n }),
      authorization(from, { value: '10000' }),
      authorization(from, { to: '0xnot-an-address' }),
      // A mixed-case address with a wrong checksum: viem rejects it, so must this.
      authorization(from, { to: '0x70997970C51812dc3A010C7d01b50e0d17dc79c8' }),
      authorization(from, { nonce: '0x1234' }),
      { ...authorization(from), primaryType: 'Permit' },
      { ...authorization(from), types: { TransferWithAuthorization: [...TRANSFER_WITH_AUTHORIZATION_TYPES.TransferWithAuthorization].reverse() } },
      { ...authorization(from), domain: { name: 'USDC', chainId: -1 } },
    ];
    for (const request of refused) expect(transferWithAuthorizationDigest(request as never)).toBeNull();
  });
});

describe('createThrowawaySigner', () => {
  it('signs EIP-3009 authorizations that recover to its own fresh, unfunded address', async () => {
    const signer = await createThrowawaySigner();
    expect(ANVIL_DEV_ACCOUNTS.map((a) => a.address)).not.toContain(signer.address);
    expect((await createThrowawaySigner()).address).not.toBe(signer.address);
    for (let i = 0; i < 8; i++) {
      const request = authorization(signer.address);
      const signature = await signer.signTypedData(request as never);
      expect(signature).toMatch(/^0x[0-9a-f]{130}$/);
      expect(await verifyTypedData({ ...request, address: signer.address, signature })).toBe(true);
    }
  });

  it('signs other typed data through viem, and fails as viem fails on what viem refuses', async () => {
    const signer = await createThrowawaySigner();
    const other = { domain: { name: 'X', chainId: 1 }, types: { Note: [{ name: 'text', type: 'string' }] }, primaryType: 'Note', message: { text: 'hi' } } as const;
    const signature = await signer.signTypedData(other as never);
    expect(await verifyTypedData({ ...other, address: signer.address, signature })).toBe(true);
    await expect(signer.signTypedData(authorization(signer.address, { value: 1n << 256n }) as never)).rejects.toThrow(/not in safe 256-bit unsigned integer range/);
  });

  it('never puts its key in what it returns', async () => {
    const signer = await createThrowawaySigner();
    expect(Object.keys(signer).sort()).toEqual(['address', 'signTypedData']);
    expect(JSON.stringify(signer)).not.toMatch(/[0-9a-f]{64}/i);
  });
});
