import { getAddress, isAddress } from 'viem/utils';

/** The zero address (viem's zeroAddress), written out: importing it alone pulled a chunk of viem's clients into every cold start. */
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000' as const;

export type AddressShape = 'checksummed' | 'lowercase' | 'uppercase' | 'bad-checksum' | 'not-an-address';

/**
 * A 0x-prefixed 20-byte hex string in any case. The checksum is not judged here (`addressShape`
 * does that), so a seller's lowercase or mis-checksummed address is still read as an address.
 */
export function isWellFormedAddress(value: unknown): value is `0x${string}` {
  return typeof value === 'string' && isAddress(value, { strict: false });
}

/** Classify an EVM address string: a mixed-case value must carry a valid EIP-55 checksum. */
export function addressShape(value: unknown): AddressShape {
  if (!isWellFormedAddress(value)) return 'not-an-address';
  const body = value.slice(2);
  if (body === body.toLowerCase()) return 'lowercase';
  if (body === body.toUpperCase()) return 'uppercase';
  return isAddress(value, { strict: true }) ? 'checksummed' : 'bad-checksum';
}

/** The EIP-55 form of a well-formed address. */
export function checksum(address: string): string {
  return getAddress(address);
}

export function sameAddress(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/**
 * Two recipients (or assets) are the same: EVM addresses compare without case (a checksum is only
 * a spelling); any other chain's (Solana's base58) compare exactly.
 */
export function sameAccount(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return a === b;
  return isWellFormedAddress(a) && isWellFormedAddress(b) ? a.toLowerCase() === b.toLowerCase() : a === b;
}
