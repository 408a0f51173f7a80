import fc from 'fast-check';
import { isAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { isWellFormedAddress } from './addresses.js';
import { isAddressSyntax } from './addressSyntax.js';

const USDC = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';

describe('isAddressSyntax (the CLI parsers, without viem)', () => {
  it('agrees with viem isAddress(strict: false) and isWellFormedAddress on hand-picked edges', () => {
    const cases = [
      USDC, USDC.toLowerCase(), `0x${USDC.slice(2).toUpperCase()}`,
      // A broken checksum is still an address here; req.pay-to and req.asset judge the checksum.
      USDC.replace('C', 'c'),
      '0X036cbd53842c5426634e7929541ec2318f3dcf7e', USDC.slice(0, -1), `${USDC}0`, USDC.slice(2),
      ` ${USDC}`, `${USDC}\n`, `${USDC.slice(0, -1)}g`, '0x', '', `0x${'٣'.repeat(40)}`,
    ];
    for (const value of cases) {
      expect([value, isAddressSyntax(value)]).toEqual([value, isAddress(value, { strict: false })]);
      expect([value, isWellFormedAddress(value)]).toEqual([value, isAddress(value, { strict: false })]);
    }
  });

  it('agrees with viem on generated near-addresses', () => {
    const nearAddress = fc.oneof(fc.stringMatching(/^(0x|0X)?[0-9a-fA-FgG]{38,42}\s?$/), fc.string({ maxLength: 44 }));
    fc.assert(fc.property(nearAddress, (value) => isAddressSyntax(value) === isAddress(value, { strict: false })), { numRuns: 2000, seed: 12 });
  });

  it('isWellFormedAddress takes unknown values and refuses non-strings', () => {
    for (const value of [undefined, null, 42, { address: USDC }, [USDC]]) expect(isWellFormedAddress(value)).toBe(false);
  });
});
