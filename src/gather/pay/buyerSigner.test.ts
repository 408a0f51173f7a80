import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../../../test/helpers/payment.js';
import { SpendGuardError } from '../../errors.js';
import { transferWithAuthorizationTypedData } from '../../protocol/eip3009.js';
import { type BuyerSigner, capSigner, signerFromEnv } from './buyerSigner.js';

const ANVIL_KEY_3 = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const PAYER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';

function recordingSigner(): BuyerSigner & { signed: unknown[] } {
  const signed: unknown[] = [];
  return { address: PAYER, kind: 'key-env', signed, signTypedData: async (r) => (signed.push(r), `0x${'11'.repeat(65)}`) };
}

const typed = (o: { to?: string; value?: bigint; chainId?: number; token?: string; from?: string }) =>
  transferWithAuthorizationTypedData(
    { name: 'USDC', version: '2', chainId: o.chainId ?? 84532, verifyingContract: (o.token ?? '0x036CbD53842c5426634e7929541eC2318f3dCF7e') as `0x${string}` },
    { from: o.from ?? PAYER, to: o.to ?? '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: String(o.value ?? 10000n), validAfter: '0', validBefore: '9999999999', nonce: `0x${'00'.repeat(32)}` },
  );

describe('capSigner', () => {
  it('signs only within the cap, for the planned token, chain and recipient (or the buyer itself)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: 0n, max: 10n ** 8n }),
        fc.constantFrom('0x70997970C51812dc3A010C7d01b50e0d17dc79C8', PAYER, '0x000000000000000000000000000000000000dEaD'),
        fc.constantFrom(84532, 8453),
        fc.constantFrom('0x036CbD53842c5426634e7929541eC2318f3dCF7e', '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'),
        async (value, to, chainId, token) => {
          const inner = recordingSigner();
          const signer = capSigner(inner, plan());
          const allowed = value <= 10000n && to !== '0x000000000000000000000000000000000000dEaD' && chainId === 84532 && token.startsWith('0x036C');
          const result = signer.signTypedData(typed({ value, to, chainId, token }) as never);
          if (allowed) await expect(result).resolves.toMatch(/^0x/);
          else await expect(result).rejects.toBeInstanceOf(SpendGuardError);
          expect(inner.signed.length).toBe(allowed ? 1 : 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses everything when the plan was refused, and other typed data always', async () => {
    const inner = recordingSigner();
    await expect(capSigner(inner, plan({ refused: 'mainnet' })).signTypedData(typed({}) as never)).rejects.toThrow(/refused to sign/);
    await expect(capSigner(inner, plan()).signTypedData({ ...typed({}), primaryType: 'Permit' } as never)).rejects.toThrow(/unsupported/);
    expect(inner.signed).toHaveLength(0);
  });
});

describe('signerFromEnv', () => {
  it('reads a key from the named variable and never puts it in an error', async () => {
    const signer = await signerFromEnv('BUYER_KEY', { BUYER_KEY: ANVIL_KEY_3 });
    expect(signer.address).toBe(PAYER);
    await expect(signerFromEnv('MISSING', {})).rejects.toThrow(/MISSING is not set/);
    const err = await signerFromEnv('BAD', { BAD: `${ANVIL_KEY_3}ff` }).catch((e: Error) => e);
    expect(String((err as Error).message)).not.toContain(ANVIL_KEY_3.slice(2));
  });
});
