import { expect } from 'vitest';
import { BASE_SEPOLIA_USDC, challengeV1, challengeV2, tokenInfo } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as asset from './asset.js';

const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
const UNKNOWN = '0x1111111111111111111111111111111111111111';

checkTester(asset, {
  valid: [
    { name: 'a known asset (v2)', artifacts: { challenge: challengeV2() } },
    { name: 'a known asset in lower case', artifacts: { challenge: challengeV2([{ asset: BASE_SEPOLIA_USDC.toLowerCase() }]) }, messageId: 'ok' },
    { name: 'a known asset (v1)', artifacts: { challenge: challengeV1() } },
    { name: 'OBOL on Base Sepolia, an asset obol-stack ships', artifacts: { challenge: challengeV2([{ asset: '0x0a09371a8b011d5110656ceBCc70603e53FD2c78', amount: '1000000000000000', extra: { name: 'Obol Network', version: '1', assetTransferMethod: 'permit2' } }]) }, messageId: 'ok', message: expect.stringContaining('OBOL') },
    { name: 'a known asset the token read agrees with', artifacts: { challenge: challengeV2(), tokenInfo: tokenInfo() } },
    { name: 'ignores a token read from another chain', artifacts: { challenge: challengeV2(), tokenInfo: tokenInfo({ chainId: 8453, decimals: 18 }) } },
    { name: 'ignores a token read that failed', artifacts: { challenge: challengeV2(), tokenInfo: tokenInfo({ error: 'timeout', hasCode: false, chainId: null }) } },
  ],
  invalid: [
    {
      name: 'a non-address',
      artifacts: { challenge: challengeV2([{}, { asset: 'USDC' }]) },
      status: 'fail',
      messageId: 'notAddress',
      evidence: 'accepts[1].asset = "USDC" on "eip155:84532"',
    },
    {
      name: 'a wrong EIP-55 checksum',
      artifacts: { challenge: challengeV2([{ asset: '0x036cbD53842c5426634e7929541eC2318f3dCF7e' }]) },
      status: 'fail',
      messageId: 'badChecksum',
      message: expect.stringContaining(BASE_SEPOLIA_USDC),
    },
    {
      name: 'an asset known on another network (Base USDC advertised on Base Sepolia)',
      artifacts: { challenge: challengeV2([{ asset: BASE_USDC }]) },
      status: 'fail',
      messageId: 'wrongNetwork',
      message: expect.stringContaining('USDC on Base, not on Base Sepolia'),
    },
    { name: 'an unknown asset', artifacts: { challenge: challengeV2([{ asset: UNKNOWN }]) }, status: 'warn', messageId: 'unknown' },
    {
      name: 'with --rpc, an asset without code',
      artifacts: { challenge: challengeV2([{ asset: UNKNOWN }]), tokenInfo: tokenInfo({ asset: UNKNOWN, hasCode: false, name: null, version: null, decimals: null }) },
      status: 'fail',
      messageId: 'noCode',
    },
    { name: 'with --rpc, a token with other decimals', artifacts: { challenge: challengeV2(), tokenInfo: tokenInfo({ decimals: 18 }) }, status: 'fail', messageId: 'decimalsMismatch' },
    {
      name: 'every bad asset, not just the first',
      artifacts: { challenge: challengeV2([{ asset: UNKNOWN }, {}, { asset: 'USDC' }, { asset: BASE_USDC }]) },
      status: 'fail',
      messageId: 'notAddress',
      findings: [
        { status: 'warn', messageId: 'unknown', evidence: `accepts[0].asset = "${UNKNOWN}" on "eip155:84532"` },
        { status: 'fail', messageId: 'notAddress', evidence: 'accepts[2].asset = "USDC" on "eip155:84532"' },
        { status: 'fail', messageId: 'wrongNetwork', message: expect.stringContaining('Requirement #3') },
      ],
    },
  ],
  skip: [
    {
      name: 'non-EVM entries only',
      artifacts: { challenge: challengeV2([{ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', asset: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' }]) },
      messageId: 'noEvm',
    },
    { name: 'no requirements', artifacts: { challenge: challengeV2([]) }, messageId: 'none' },
  ],
});
