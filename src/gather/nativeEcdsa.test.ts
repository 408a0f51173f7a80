import { randomBytes } from 'node:crypto';
import { getAddress, keccak256, recoverAddress } from 'viem';
import { sign } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { ANVIL_DEV_ACCOUNTS } from '../sandbox/accounts.js';
import { generateKeyPair, nativeSecp256k1, signDigest } from './nativeEcdsa.js';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const addressOf = (publicKey: Buffer) => getAddress(`0x${keccak256(publicKey.subarray(1)).slice(-40)}`);
const hex32 = () => `0x${randomBytes(32).toString('hex')}` as const;

describe('nativeEcdsa', () => {
  it('runs on OpenSSL here: the fallback to viem is for builds without secp256k1', () => {
    expect(nativeSecp256k1).toBe(true);
  });

  it("signs digests that viem recovers to the key's address, with low s and v 27 or 28", async () => {
    const { privateKey, publicKey } = generateKeyPair();
    const address = addressOf(publicKey);
    const parities = new Set<string>();
    // Edge digests: zero, one, N itself and above (reduced mod N), all ones.
    const digests = [`0x${'00'.repeat(32)}`, `0x${'00'.repeat(31)}01`, `0x${N.toString(16)}`, `0x${'ff'.repeat(32)}`, ...Array.from({ length: 60 }, hex32)] as `0x${string}`[];
    for (const digest of digests) {
      const signature = signDigest(digest, privateKey);
      expect(signature).toMatch(/^0x[0-9a-f]{128}(1b|1c)$/);
      expect(BigInt(`0x${signature.slice(66, 130)}`) <= N >> 1n).toBe(true);
      parities.add(signature.slice(-2));
      expect(await recoverAddress({ hash: digest, signature })).toBe(address);
    }
    expect([...parities].sort()).toEqual(['1b', '1c']);
  });

  it("signs as viem's sign does for a given key: the same signer recovered, whatever the nonce", async () => {
    for (const { privateKey, address } of ANVIL_DEV_ACCOUNTS.slice(0, 3)) {
      const digest = hex32();
      const ours = signDigest(digest, Buffer.from(privateKey.slice(2), 'hex'));
      const viems = await sign({ hash: digest, privateKey, to: 'hex' });
      // A random nonce, so another signature than RFC 6979's, of the same signer.
      expect(ours).not.toBe(viems);
      expect(await recoverAddress({ hash: digest, signature: ours })).toBe(address);
      expect(signDigest(digest, Buffer.from(privateKey.slice(2), 'hex'))).not.toBe(ours);
    }
  });

  it('signs with keys whose leading bytes are zero (OpenSSL gets a 32-byte buffer that begins 00…)', async () => {
    const { privateKeyToAddress } = await import('viem/accounts');
    for (const d of [1n, 2n, 0xffn, 1n << 200n, (1n << 248n) - 1n, N - 1n]) {
      const privateKey = `0x${d.toString(16).padStart(64, '0')}` as const;
      for (let i = 0; i < 4; i++) {
        const digest = hex32();
        const signature = signDigest(digest, Buffer.from(privateKey.slice(2), 'hex'));
        expect(BigInt(`0x${signature.slice(66, 130)}`) <= N >> 1n).toBe(true);
        expect(await recoverAddress({ hash: digest, signature })).toBe(privateKeyToAddress(privateKey));
      }
    }
  });

  it('draws a fresh key each time, in range', () => {
    const keys = new Set(Array.from({ length: 20 }, () => generateKeyPair().privateKey.toString('hex')));
    expect(keys.size).toBe(20);
    for (const key of keys) {
      expect(key).toHaveLength(64);
      const n = BigInt(`0x${key}`);
      expect(n > 0n && n < N).toBe(true);
    }
  });
});
