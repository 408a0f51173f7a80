import { getAddress, getTypesForEIP712Domain, hashDomain, hashTypedData, isAddress, keccak256, validateTypedData } from 'viem';
import { generateKeyPair, nativeSecp256k1, signDigest } from './nativeEcdsa.js';
import { TRANSFER_WITH_AUTHORIZATION_TYPES } from '../protocol/eip3009.js';
import type { TypedDataSigner } from './signPayment.js';

type TypedDataRequest = Parameters<TypedDataSigner['signTypedData']>[0];

const FIELDS = TRANSFER_WITH_AUTHORIZATION_TYPES.TransferWithAuthorization;
const TYPE_HASH = Buffer.from(keccak256(Buffer.from(`TransferWithAuthorization(${FIELDS.map((f) => `${f.type} ${f.name}`).join(',')})`), 'bytes'));
const UINT256_LIMIT = 1n << 256n;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
/** Domain separators by domain: a scan meets a handful of tokens, so this stays small; the cap bounds a hostile list. */
const domainSeparators = new Map<string, Buffer>();
const MAX_DOMAINS = 256;

function sameFields(fields: unknown): boolean {
  return Array.isArray(fields) && fields.length === FIELDS.length && FIELDS.every((f, i) => fields[i]?.name === f.name && fields[i]?.type === f.type);
}

function domainSeparator(domain: Record<string, unknown>): Buffer {
  const key = JSON.stringify(domain, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  let separator = domainSeparators.get(key);
  if (!separator) {
    const types = { EIP712Domain: getTypesForEIP712Domain({ domain }) };
    // viem's own checks of the domain (chainId range, verifyingContract), once per domain.
    validateTypedData({ domain, types, primaryType: 'EIP712Domain' } as never);
    separator = Buffer.from(hashDomain({ domain, types } as never).slice(2), 'hex');
    if (domainSeparators.size >= MAX_DOMAINS) domainSeparators.clear();
    domainSeparators.set(key, separator);
  }
  return separator;
}

function putUint(out: Buffer, offset: number, value: unknown): boolean {
  if (typeof value !== 'bigint' && typeof value !== 'number') return false;
  if (typeof value === 'number' && !Number.isSafeInteger(value)) return false;
  const n = BigInt(value);
  if (n < 0n || n >= UINT256_LIMIT) return false;
  out.write(n.toString(16).padStart(64, '0'), offset, 'hex');
  return true;
}

function putAddress(out: Buffer, offset: number, value: unknown): boolean {
  if (typeof value !== 'string' || !isAddress(value)) return false;
  out.write(value.slice(2), offset + 12, 'hex');
  return true;
}

/**
 * The EIP-712 digest of an EIP-3009 TransferWithAuthorization, the typed data every exact-EVM
 * forged payment signs, computed without viem's generic encoder (most of a signature's cost
 * after the curve itself). Anything else, or any value viem would reject, is `null`: the caller
 * signs it the general way, and gets viem's own error.
 */
export function transferWithAuthorizationDigest(request: TypedDataRequest): `0x${string}` | null {
  const { domain, types, primaryType, message } = request;
  if (primaryType !== 'TransferWithAuthorization' || Object.keys(types).length !== 1 || !sameFields(types.TransferWithAuthorization)) return null;
  if (typeof message.nonce !== 'string' || !BYTES32.test(message.nonce)) return null;
  const struct = Buffer.alloc(32 * 7);
  TYPE_HASH.copy(struct, 0);
  const encoded =
    putAddress(struct, 32, message.from) &&
    putAddress(struct, 64, message.to) &&
    putUint(struct, 96, message.value) &&
    putUint(struct, 128, message.validAfter) &&
    putUint(struct, 160, message.validBefore);
  if (!encoded) return null;
  struct.write(message.nonce.slice(2), 192, 'hex');
  let separator: Buffer;
  try {
    separator = domainSeparator(domain);
  } catch {
    return null;
  }
  const digestInput = Buffer.concat([Buffer.from([0x19, 0x01]), separator, Buffer.from(keccak256(struct, 'bytes'))]);
  return keccak256(digestInput);
}

/**
 * A fresh key that holds nothing, for forged payments. The digest is `transferWithAuthorizationDigest`'s
 * for a TransferWithAuthorization, viem's `hashTypedData` (which validates as viem's accounts do)
 * for anything else; OpenSSL makes the key and the signature (nativeEcdsa.ts). The key lives in
 * this closure only; it is never returned or printed.
 */
export async function createThrowawaySigner(): Promise<TypedDataSigner> {
  if (!nativeSecp256k1) return viemThrowawaySigner();
  const { privateKey, publicKey } = generateKeyPair();
  const address = getAddress(`0x${keccak256(publicKey.subarray(1)).slice(-40)}`);
  return {
    address,
    async signTypedData(request) {
      return signDigest(transferWithAuthorizationDigest(request) ?? hashTypedData(request as never), privateKey);
    },
  };
}

/** The same signer on viem's own curve code, for a Node whose OpenSSL lacks secp256k1. */
export async function viemThrowawaySigner(): Promise<TypedDataSigner> {
  const { generatePrivateKey, privateKeyToAccount } = await import('../util/lazyViem.js');
  const account = privateKeyToAccount(generatePrivateKey());
  return { address: account.address, signTypedData: (request) => account.signTypedData(request as never) };
}
