import { getAddress, isAddress } from 'viem';

export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

export type AddressShape = 'checksummed' | 'lowercase' | 'uppercase' | 'bad-checksum' | 'not-an-address';

/** Classify an EVM address string: a mixed-case value must carry a valid EIP-55 checksum. */
export function addressShape(value: unknown): AddressShape {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value)) return 'not-an-address';
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
