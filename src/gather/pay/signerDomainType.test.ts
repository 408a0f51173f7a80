/**
 * viem hashes the EIP-712 domain by `types.EIP712Domain` when the request carries one, not by the
 * domain object the capped signer judged. A request whose EIP712Domain type drops chainId and
 * verifyingContract is a signature over {name} alone: valid on every chain and for every contract
 * of that name, whatever chain and verifying contract the guard approved. Such typed data is refused.
 */
import { recoverTypedDataAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { plan } from '../../../test/helpers/payment.js';
import { EXACT_PERMIT2_PROXY, PERMIT2_ADDRESS, PERMIT2_WITNESS_TYPES } from '../../protocol/permit2.js';
import { transferWithAuthorizationTypedData } from '../../protocol/eip3009.js';
import { type TypedDataRequest, capSigner, signerFromKey } from './buyerSigner.js';

/** anvil's fourth well-known development key (0x90F7…b906). */
const DEV_KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const USDC = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';
const NOW_MS = 1_795_608_000_000;
const NOW = BigInt(NOW_MS / 1000);
const exactPlan = plan({ permit2: { scheme: 'exact', permit2: PERMIT2_ADDRESS, spender: EXACT_PERMIT2_PROXY, facilitator: null } });

const permit = (EIP712Domain?: unknown): TypedDataRequest => ({
  domain: { name: 'Permit2', chainId: 84532, verifyingContract: PERMIT2_ADDRESS },
  types: { ...PERMIT2_WITNESS_TYPES.exact, ...(EIP712Domain ? { EIP712Domain } : {}) },
  primaryType: 'PermitWitnessTransferFrom',
  message: { permitted: { token: USDC, amount: 10000n }, spender: EXACT_PERMIT2_PROXY, nonce: 1n, deadline: NOW + 60n, witness: { to: PAY_TO, validAfter: 0n } },
});

const NAME_ONLY = [{ name: 'name', type: 'string' }];

describe('capSigner and the EIP712Domain type', () => {
  it('a name-only EIP712Domain type would make the buyer\'s signature valid on any chain (why it must be refused)', async () => {
    const key = await signerFromKey(DEV_KEY);
    const signature = await key.signTypedData(permit(NAME_ONLY));
    // The same signature recovers to the buyer for the permit on Base mainnet, for another verifying contract.
    const elsewhere = { ...permit(NAME_ONLY), domain: { name: 'Permit2', chainId: 8453, verifyingContract: PAY_TO } };
    expect(await recoverTypedDataAddress({ ...elsewhere, signature } as never)).toBe(key.address);
  });

  it('refuses an EIP712Domain type other than the domain\'s own, for Permit2 and EIP-3009 alike', async () => {
    const signer = capSigner(await signerFromKey(DEV_KEY), exactPlan, { now: () => NOW_MS });
    await expect(signer.signTypedData(permit(NAME_ONLY))).rejects.toThrow(/refused to sign: the EIP712Domain type/);
    const reordered = [{ name: 'chainId', type: 'uint256' }, { name: 'name', type: 'string' }, { name: 'verifyingContract', type: 'address' }];
    await expect(signer.signTypedData(permit(reordered))).rejects.toThrow(/refused to sign: the EIP712Domain type/);
    // An empty EIP712Domain hashes no domain at all; a present-but-undefined one reaches a remote signer as no type.
    await expect(signer.signTypedData(permit([]))).rejects.toThrow(/refused to sign: the EIP712Domain type/);
    const undefinedDomain = { ...permit(), types: { ...PERMIT2_WITNESS_TYPES.exact, EIP712Domain: undefined } } as unknown as TypedDataRequest;
    await expect(signer.signTypedData(undefinedDomain)).rejects.toThrow(/refused to sign: the EIP712Domain type/);
    const eip3009 = transferWithAuthorizationTypedData(
      { name: 'USDC', version: '2', chainId: 84532, verifyingContract: USDC },
      { from: '0x90F79bf6EB2c4f870365E785982E1f101E93b906', to: PAY_TO, value: '1', validAfter: '0', validBefore: String(NOW + 60n), nonce: `0x${'00'.repeat(32)}` },
    ) as unknown as TypedDataRequest;
    const eip3009Signer = capSigner(await signerFromKey(DEV_KEY), plan(), { now: () => NOW_MS });
    await expect(eip3009Signer.signTypedData({ ...eip3009, types: { ...eip3009.types, EIP712Domain: NAME_ONLY } })).rejects.toThrow(/refused to sign: the EIP712Domain type/);
  });

  it('signs when the EIP712Domain type is absent or exactly the domain\'s own', async () => {
    const signer = capSigner(await signerFromKey(DEV_KEY), exactPlan, { now: () => NOW_MS });
    expect(await signer.signTypedData(permit())).toMatch(/^0x[0-9a-f]{130}$/);
    const own = [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }];
    expect(await signer.signTypedData(permit(own))).toMatch(/^0x[0-9a-f]{130}$/);
  });
});
