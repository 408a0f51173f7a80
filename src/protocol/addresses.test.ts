import { describe, expect, it } from 'vitest';
import { addressShape, isWellFormedAddress, sameAccount } from './addresses.js';

const LOWER = '0x036cbd53842c5426634e7929541ec2318f3dcf7e';
const CHECKSUMMED = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';

describe('protocol/addresses', () => {
  it('reads any-case 20-byte hex as an address and nothing else', () => {
    expect(isWellFormedAddress(LOWER)).toBe(true);
    expect(isWellFormedAddress(LOWER.toUpperCase().replace('0X', '0x'))).toBe(true);
    for (const bad of [`${LOWER}0`, LOWER.slice(0, 41), ` ${LOWER}`, 'walletaddress', 42, null]) expect(isWellFormedAddress(bad)).toBe(false);
  });

  it('judges the checksum of a mixed-case address', () => {
    expect(addressShape(CHECKSUMMED)).toBe('checksummed');
    expect(addressShape(LOWER)).toBe('lowercase');
    expect(addressShape('0x036CbD53842c5426634e7929541eC2318f3dCF7E')).toBe('bad-checksum');
  });

  it('compares EVM accounts without case and any other account exactly', () => {
    expect(sameAccount(LOWER, CHECKSUMMED)).toBe(true);
    expect(sameAccount('9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM', '9wzdxwbbmkg8ztbnmquxvqrayrzzdsgydlvl9zytawwm')).toBe(false);
    expect(sameAccount(` ${LOWER}`, LOWER)).toBe(false);
    expect(sameAccount(1, 1)).toBe(true);
    expect(sameAccount(LOWER, undefined)).toBe(false);
  });
});
