import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../../../test/helpers/payment.js';
import { ConfigError, SpendGuardError } from '../../errors.js';
import { transferWithAuthorizationTypedData } from '../../protocol/eip3009.js';
import { redactSecrets } from '../../util/redact.js';
import { type BuyerSigner, capSigner, signerFromEnv, signerFromKey, siwxSigner } from './buyerSigner.js';

const ANVIL_KEY_3 = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const PAYER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const NOW_MS = 1_795_608_000_000;
const NOW = NOW_MS / 1000;
const clock = { now: () => NOW_MS };

function recordingSigner(): BuyerSigner & { signed: unknown[] } {
  const signed: unknown[] = [];
  return { address: PAYER, kind: 'key-env', signed, signTypedData: async (r) => (signed.push(r), `0x${'11'.repeat(65)}`) };
}

type Typed = { to?: string; value?: bigint; chainId?: number; token?: string; from?: string; validAfter?: number | string; validBefore?: number | string; nonce?: string };
const typed = (o: Typed) => {
  const t = transferWithAuthorizationTypedData(
    { name: 'USDC', version: '2', chainId: o.chainId ?? 84532, verifyingContract: (o.token ?? '0x036CbD53842c5426634e7929541eC2318f3dCF7e') as `0x${string}` },
    { from: o.from ?? PAYER, to: o.to ?? '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: String(o.value ?? 10000n), validAfter: '0', validBefore: String(NOW + 60), nonce: o.nonce ?? `0x${'00'.repeat(32)}` },
  );
  // Hostile windows arrive as the client built them: possibly not integers at all.
  return { ...t, message: { ...t.message, ...(o.validAfter !== undefined ? { validAfter: o.validAfter } : {}), ...(o.validBefore !== undefined ? { validBefore: o.validBefore } : {}) } };
};

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
          const signer = capSigner(inner, plan(), clock);
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

  it('signs only authorizations valid for at most the bound from now, judged on the typed data itself', async () => {
    const bounded = plan({ maxValiditySeconds: 600 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -7200, max: 7200 }), fc.integer({ min: -7200, max: 7200 }), async (after, before) => {
        const inner = recordingSigner();
        const result = capSigner(inner, bounded, clock).signTypedData(typed({ validAfter: BigInt(Math.max(0, NOW + after)) as never, validBefore: BigInt(NOW + before) as never }) as never);
        const allowed = before <= 600 && NOW + before > Math.max(0, NOW + after);
        if (allowed) await expect(result).resolves.toMatch(/^0x/);
        else await expect(result).rejects.toBeInstanceOf(SpendGuardError);
        expect(inner.signed.length).toBe(allowed ? 1 : 0);
      }),
      { numRuns: 200 },
    );
    // What a hostile maxTimeoutSeconds makes the official client build: "600" concatenated onto now, 1e10, a fraction.
    for (const validBefore of [`${NOW}600`, String(NOW + 1e10), `${NOW + 600}.5`, 'soon', -1]) {
      const inner = recordingSigner();
      await expect(capSigner(inner, plan(), clock).signTypedData(typed({ validBefore }) as never)).rejects.toThrow(/refused to sign/);
      expect(inner.signed).toHaveLength(0);
    }
    await expect(capSigner(recordingSigner(), plan(), clock).signTypedData(typed({ validBefore: NOW + 3600 }) as never)).resolves.toMatch(/^0x/);
  });

  it('signs one nonce per run by default: a second price is beyond the budget', async () => {
    const inner = recordingSigner();
    const signer = capSigner(inner, plan(), clock);
    await signer.signTypedData(typed({ nonce: `0x${'01'.repeat(32)}` }) as never);
    await signer.signTypedData(typed({ nonce: `0x${'01'.repeat(32)}`, to: PAYER }) as never);
    await expect(signer.signTypedData(typed({ nonce: `0x${'02'.repeat(32)}` }) as never)).rejects.toThrow(/--max-total/);
    expect(inner.signed).toHaveLength(2);
  });

  it('keeps what the run could settle within --max-total, each authorization within --max-amount', async () => {
    // A hostile sequence of requests: values up to twice the cap, nonces reused or fresh, budgets of 0 to 5 prices.
    const request = fc.record({ value: fc.bigInt({ min: 0n, max: 20_000n }), nonce: fc.integer({ min: 1, max: 4 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), async (requests, prices) => {
        const inner = recordingSigner();
        const signer = capSigner(inner, plan({ totalCapAtomic: String(10_000n * BigInt(prices)) }), clock);
        for (const r of requests) await signer.signTypedData(typed({ value: r.value, nonce: `0x${r.nonce.toString(16).padStart(64, '0')}` }) as never).catch(() => undefined);
        const largest = new Map<string, bigint>();
        for (const t of inner.signed as { message: { value: bigint; nonce: string } }[]) {
          expect(BigInt(t.message.value)).toBeLessThanOrEqual(10_000n);
          largest.set(t.message.nonce, [largest.get(t.message.nonce) ?? 0n, BigInt(t.message.value)].reduce((a, b) => (a > b ? a : b)));
        }
        expect([...largest.values()].reduce((a, b) => a + b, 0n)).toBeLessThanOrEqual(10_000n * BigInt(prices));
      }),
      { numRuns: 300 },
    );
  });

  it('signs a message only through siwxSigner, and only the one sign-in message given', async () => {
    const key = await signerFromKey(ANVIL_KEY_3);
    expect('signMessage' in capSigner(key, plan(), clock)).toBe(false);
    const siwx = siwxSigner(key, 'example.com wants you to sign in')!;
    await expect(siwx.signMessage({ message: 'example.com wants you to sign in' })).resolves.toMatch(/^0x[0-9a-f]{130}$/);
    for (const other of ['example.com wants you to sign in ', '0xdeadbeef', '']) await expect(siwx.signMessage({ message: other })).rejects.toBeInstanceOf(SpendGuardError);
    expect(siwxSigner(recordingSigner(), 'x')).toBeNull();
  });

  it('refuses everything when the plan was refused, and other typed data always', async () => {
    const inner = recordingSigner();
    await expect(capSigner(inner, plan({ refused: 'mainnet' }), clock).signTypedData(typed({}) as never)).rejects.toThrow(/refused to sign/);
    await expect(capSigner(inner, plan(), clock).signTypedData({ ...typed({}), primaryType: 'Permit' } as never)).rejects.toThrow(/unsupported/);
    expect(inner.signed).toHaveLength(0);
  });
});

/** The key in every encoding a message could carry it in. */
const encodings = (key: string): string[] => {
  const bare = key.trim().replace(/^0x/i, '');
  const forms = [bare, bare.toLowerCase(), bare.toUpperCase()];
  if (/^[0-9a-fA-F]{64}$/.test(bare)) {
    forms.push(BigInt(`0x${bare}`).toString(), Buffer.from(bare, 'hex').toString('base64').replace(/=+$/, ''));
  }
  return forms.filter((f) => f.length >= 16);
};

describe('signerFromEnv', () => {
  it('reads a key from the named variable, surrounding whitespace allowed', async () => {
    expect((await signerFromEnv('BUYER_KEY', { BUYER_KEY: ANVIL_KEY_3 })).address).toBe(PAYER);
    expect((await signerFromEnv('BUYER_KEY', { BUYER_KEY: ` ${ANVIL_KEY_3.slice(2)}\n` })).address).toBe(PAYER);
    await expect(signerFromEnv('MISSING', {})).rejects.toThrow(/MISSING is not set/);
  });

  it('turns every unusable key into one line naming the variable, never the value in any encoding', async () => {
    const bad = [
      `0x${'f'.repeat(64)}`, // above the curve's order
      '0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141', // exactly the order
      `0x${'0'.repeat(64)}`, // zero
      `${ANVIL_KEY_3}ff`, // too long
      ANVIL_KEY_3.slice(0, 60), // too short
      ANVIL_KEY_3.replace(/a/g, 'g'), // not hex
      `0x ${ANVIL_KEY_3.slice(2)}`, // whitespace inside
    ];
    for (const key of bad) {
      const error = (await signerFromEnv('BUYER_KEY', { BUYER_KEY: key }).catch((e: unknown) => e)) as ConfigError;
      expect(error, key).toBeInstanceOf(ConfigError);
      expect(error.shortMessage).toBe('--key-env: BUYER_KEY does not hold a usable private key (32 bytes of hex, 0x optional, in the secp256k1 range)');
      const text = `${error.message}\n${error.details ?? ''}\n${String(error.stack)}`;
      for (const form of encodings(key)) expect(text.includes(form), `${key} leaked as ${form}`).toBe(false);
    }
  });

  it('registers the key so that any later text is redacted in hex, decimal and base64', async () => {
    await signerFromEnv('BUYER_KEY', { BUYER_KEY: ANVIL_KEY_3 });
    for (const form of encodings(ANVIL_KEY_3)) expect(redactSecrets(`x ${form} y`)).toBe('x [redacted] y');
  });
});
