import { createECDH, getCurves, randomBytes } from 'node:crypto';

/** The order of secp256k1's base point. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = N >> 1n;

/** Node's OpenSSL has secp256k1 in every official build; a build without it signs through viem instead. */
export const nativeSecp256k1 = getCurves().includes('secp256k1');

let ecdh: ReturnType<typeof createECDH> | null = null;

/** A point on secp256k1 as OpenSSL computes it: `scalar` × G, uncompressed (0x04 ‖ x ‖ y). */
function multiplyBase(scalar: Buffer): Buffer {
  // One object, reused: making one per signature was a fifth of the cost of a scan's signing thread.
  ecdh ??= createECDH('secp256k1');
  ecdh.setPrivateKey(scalar);
  return ecdh.getPublicKey();
}

const toBigInt = (bytes: Buffer): bigint => BigInt(`0x${bytes.toString('hex') || '0'}`);
const to32 = (n: bigint): string => n.toString(16).padStart(64, '0');

/** a⁻¹ mod N by the extended Euclidean algorithm (N is prime, 0 < a < N). */
function invert(a: bigint): bigint {
  let [oldR, r] = [a, N];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % N) + N) % N;
}

/** A random scalar in [1, N). */
function randomScalar(): Buffer {
  for (;;) {
    const bytes = randomBytes(32);
    const n = toBigInt(bytes);
    if (n > 0n && n < N) return bytes;
  }
}

/** A fresh key pair, both computed by OpenSSL: the private scalar and its uncompressed public point. */
export function generateKeyPair(): { privateKey: Buffer; publicKey: Buffer } {
  const privateKey = randomScalar();
  return { privateKey, publicKey: multiplyBase(privateKey) };
}

/**
 * An Ethereum signature (r ‖ s ‖ v, v 27 or 28, low s) of a 32-byte digest, as viem's `sign`
 * returns it. Why not viem's: its curve code builds a 4224-point table for the base point on the
 * first use, about 60 ms of a cold `check` that signs one forged payment, where OpenSSL needs
 * about 0.1 ms. The nonce k is random rather than RFC 6979's: both are valid ECDSA, and this key
 * signs only forged payments with nothing behind them. throwawaySigner.test.ts recovers every
 * signature with viem.
 */
export function signDigest(digest: `0x${string}`, privateKey: Buffer): `0x${string}` {
  const z = BigInt(digest) % N;
  const d = toBigInt(privateKey);
  for (;;) {
    const k = randomScalar();
    const point = multiplyBase(k);
    const x = toBigInt(point.subarray(1, 33));
    // x ≥ N would need a recovery id of 2 or 3, which v cannot carry (probability about 2⁻¹²⁸).
    if (x >= N) continue;
    const r = x;
    let s = (invert(toBigInt(k)) * (z + r * d)) % N;
    if (r === 0n || s === 0n) continue;
    let yParity = point[64]! & 1;
    if (s > HALF_N) {
      s = N - s;
      yParity ^= 1;
    }
    return `0x${to32(r)}${to32(s)}${yParity ? '1c' : '1b'}`;
  }
}
