import { expect } from 'vitest';
import { challengeV1, challengeV2, tokenInfo } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as eip712Domain from './eip712-domain.js';

const UNKNOWN = '0x1111111111111111111111111111111111111111';
const unknownToken = { asset: UNKNOWN, extra: { name: 'Token', version: '1' } };

checkTester(eip712Domain, {
  valid: [
    { name: 'the known Base Sepolia USDC domain (v2)', artifacts: { challenge: challengeV2() } },
    { name: 'the known domain (v1)', artifacts: { challenge: challengeV1() }, messageId: 'ok' },
    { name: 'a domain the token agrees with', artifacts: { challenge: challengeV2(), tokenInfo: tokenInfo() }, messageId: 'ok' },
    { name: 'an unknown asset it cannot compare, saying so', artifacts: { challenge: challengeV2([unknownToken]) }, messageId: 'unverified' },
    {
      name: 'an unknown asset whose token agrees',
      artifacts: { challenge: challengeV2([unknownToken]), tokenInfo: tokenInfo({ asset: UNKNOWN, name: 'Token', version: '1' }) },
      messageId: 'ok',
    },
  ],
  invalid: [
    {
      name: '"USD Coin" on Base Sepolia, whose token signs as "USDC" (obol-stack, x402#3102)',
      artifacts: { challenge: challengeV2([{ extra: { name: 'USD Coin', version: '2' } }]) },
      status: 'fail',
      messageId: 'knownMismatch',
      evidence: expect.stringContaining('accepts[0].extra.name = "USD Coin"'),
    },
    { name: 'another version than the known one', artifacts: { challenge: challengeV2([{ extra: { name: 'USDC', version: '1' } }]) }, status: 'fail', messageId: 'knownMismatch' },
    {
      name: 'a missing domain, naming the requirement',
      artifacts: { challenge: challengeV2([{}, { extra: {} }]) },
      status: 'fail',
      messageId: 'missing',
      message: expect.stringContaining('#1'),
    },
    { name: 'no extra at all', artifacts: { challenge: challengeV2([{ extra: undefined }]) }, status: 'fail', messageId: 'missing' },
    { name: 'a non-string version', artifacts: { challenge: challengeV2([{ extra: { name: 'USDC', version: 2 } }]) }, status: 'fail', messageId: 'notString' },
    { name: 'a domain the token contradicts, though the table agrees', artifacts: { challenge: challengeV2(), tokenInfo: tokenInfo({ name: 'USD Coin' }) }, status: 'fail', messageId: 'tokenMismatch' },
    {
      name: 'an unknown asset whose token has another version',
      artifacts: { challenge: challengeV2([unknownToken]), tokenInfo: tokenInfo({ asset: UNKNOWN, name: 'Token', version: '2' }) },
      status: 'fail',
      messageId: 'tokenMismatch',
    },
    { name: 'an --rpc read for another chain', artifacts: { challenge: challengeV2(), tokenInfo: tokenInfo({ chainId: 8453 }) }, status: 'warn', messageId: 'rpcOtherChain' },
    { name: 'an --rpc read that failed', artifacts: { challenge: challengeV2(), tokenInfo: tokenInfo({ error: 'fetch failed', chainId: null }) }, status: 'warn', messageId: 'rpcError' },
    {
      name: 'an unknown asset with no code on chain',
      artifacts: { challenge: challengeV2([unknownToken]), tokenInfo: tokenInfo({ asset: UNKNOWN, hasCode: false, name: null, version: null, decimals: null }) },
      status: 'warn',
      messageId: 'rpcNoCode',
      evidence: `eth_getCode(${UNKNOWN}) = 0x`,
    },
    {
      name: 'an unknown asset whose name() reverts',
      artifacts: { challenge: challengeV2([unknownToken]), tokenInfo: tokenInfo({ asset: UNKNOWN, name: null, version: null }) },
      status: 'warn',
      messageId: 'rpcNoName',
    },
    {
      name: 'every bad domain, not just the first',
      artifacts: { challenge: challengeV2([{ extra: { name: 'USD Coin', version: '2' } }, {}, { extra: {} }]) },
      status: 'fail',
      messageId: 'knownMismatch',
      findings: [
        { status: 'fail', messageId: 'knownMismatch', message: expect.stringContaining('Requirement #0') },
        { status: 'fail', messageId: 'missing', message: expect.stringContaining('Requirement #2') },
      ],
    },
  ],
  skip: [
    { name: 'a non-exact requirement', artifacts: { challenge: challengeV2([{ scheme: 'upto', extra: {} }]) }, messageId: 'noExactEvm' },
    { name: 'a Permit2 requirement', artifacts: { challenge: challengeV2([{ extra: { assetTransferMethod: 'permit2' } }]) }, messageId: 'noExactEvm' },
    {
      name: 'a non-EVM requirement',
      artifacts: { challenge: challengeV2([{ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', extra: { feePayer: 'x' } }]) },
      messageId: 'noExactEvm',
    },
    { name: 'no requirements', artifacts: { challenge: challengeV2([]) }, messageId: 'none' },
  ],
});
