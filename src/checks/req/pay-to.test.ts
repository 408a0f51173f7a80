import { expect } from 'vitest';
import { BASE_SEPOLIA_USDC, challengeV1, challengeV2, PAY_TO } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as payTo from './pay-to.js';

const v2 = (...accepts: Record<string, unknown>[]) => ({ challenge: challengeV2(accepts) });
const SOLANA = { network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', asset: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' };

checkTester(payTo, {
  valid: [
    { name: 'a checksummed recipient', artifacts: v2({}) },
    { name: 'a lower-case recipient', artifacts: v2({ payTo: PAY_TO.toLowerCase() }), messageId: 'ok' },
    { name: 'a v1 recipient', artifacts: { challenge: challengeV1() } },
    { name: 'a non-EVM recipient', artifacts: v2({ ...SOLANA, payTo: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin' }) },
  ],
  invalid: [
    { name: 'an empty recipient, naming the requirement', artifacts: v2({}, { payTo: '' }), status: 'fail', messageId: 'missing', message: expect.stringContaining('#1') },
    { name: 'a non-string recipient', artifacts: v2({ payTo: 42 }), status: 'fail', messageId: 'notString' },
    { name: 'a malformed address', artifacts: v2({ payTo: '0x1234' }), status: 'fail', messageId: 'notAddress' },
    {
      name: 'a wrong EIP-55 checksum',
      artifacts: v2({ payTo: '0x70997970c51812dc3A010C7d01b50e0d17dc79C8' }),
      status: 'fail',
      messageId: 'badChecksum',
      evidence: 'accepts[0].payTo = "0x70997970c51812dc3A010C7d01b50e0d17dc79C8"',
    },
    { name: 'the zero address', artifacts: v2({ payTo: '0x0000000000000000000000000000000000000000' }), status: 'fail', messageId: 'zero' },
    { name: 'the token contract', artifacts: v2({ payTo: BASE_SEPOLIA_USDC.toLowerCase() }), status: 'fail', messageId: 'isAsset' },
    { name: 'the token itself on a non-EVM chain', artifacts: v2({ ...SOLANA, payTo: SOLANA.asset }), status: 'fail', messageId: 'isAsset' },
    {
      name: 'every bad recipient, not just the first',
      artifacts: v2({ payTo: '0x1234' }, {}, { payTo: '0x0000000000000000000000000000000000000000' }),
      status: 'fail',
      messageId: 'notAddress',
      findings: [
        { status: 'fail', messageId: 'notAddress', evidence: 'accepts[0].payTo = "0x1234"' },
        { status: 'fail', messageId: 'zero', message: expect.stringContaining('Requirement #2') },
      ],
    },
  ],
  skip: [{ name: 'no requirements', artifacts: { challenge: challengeV2([]) }, messageId: 'none' }],
});
