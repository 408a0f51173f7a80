import { expect } from 'vitest';
import { challengeV1, challengeV2, target, tokenInfo } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as expectPrice from './expect-price.js';

const UNKNOWN = '0x1111111111111111111111111111111111111111';
const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
const expecting = (price: string, network?: string) => target({ expect: network ? { price, network } : { price } });
const twoNetworks = challengeV2([{ network: 'eip155:8453', asset: BASE_USDC, amount: '20000' }, {}]);
const unknownIn18 = challengeV2([{ asset: UNKNOWN, amount: '10000000000000000' }]);

checkTester(expectPrice, {
  valid: [
    { name: 'a requirement charging exactly the expected price (v2)', artifacts: { challenge: challengeV2(), target: expecting('0.01') }, messageId: 'ok' },
    { name: 'a v1 requirement, the price written with $ and a trailing zero', artifacts: { challenge: challengeV1(), target: expecting('$0.010') } },
    { name: 'only requirements on the expected network are compared', artifacts: { challenge: twoNetworks, target: expecting('0.01', 'base-sepolia') } },
    { name: 'an unknown token priced by its --rpc decimals', artifacts: { challenge: unknownIn18, target: expecting('0.01'), tokenInfo: tokenInfo({ asset: UNKNOWN, decimals: 18 }) } },
    { name: 'an unknown token priced by --expect-asset decimals', artifacts: { challenge: unknownIn18, target: target({ expect: { price: '0.01', asset: UNKNOWN, assetDecimals: 18 } }) } },
  ],
  invalid: [
    {
      name: 'a price scaled by a power of ten (decimals confused)',
      artifacts: { challenge: challengeV2([{ amount: '10000000' }]), target: expecting('0.01') },
      status: 'fail',
      messageId: 'scaled',
      message: expect.stringContaining('1000×'),
      evidence: expect.stringContaining('accepts[0].amount = "10000000" (10 USDC on "eip155:84532")'),
    },
    {
      name: 'another price, listing every advertised one in both units beside the expected one',
      artifacts: { challenge: challengeV2([{ amount: '25000' }, { amount: '30000' }]), target: expecting('0.01') },
      status: 'fail',
      messageId: 'mismatch',
      message: 'No requirement charges the expected 0.01 (0.01 USDC = 10000 atomic); advertised: #0 25000 atomic = 0.025 USDC, #1 30000 atomic = 0.03 USDC.',
      evidence: expect.stringContaining('accepts[1].amount = "30000"'),
    },
    {
      name: 'the expected decimal advertised as the amount: says what each side is worth (issue 13)',
      artifacts: { challenge: challengeV2([{ amount: '0.01' }]), target: expecting('0.01') },
      status: 'fail',
      messageId: 'decimalAmount',
      message: 'Requirement #0 writes its amount as the decimal "0.01", but amounts are atomic units: 0.01 USDC = 10000 atomic expected; the seller\'s "0.01" is 0.00000001 USDC.',
    },
    { name: 'another price on the expected network', artifacts: { challenge: twoNetworks, target: expecting('0.01', 'base') }, status: 'fail', messageId: 'mismatch' },
    { name: 'no requirement on the expected network', artifacts: { challenge: twoNetworks, target: expecting('0.01', 'eip155:1') }, status: 'fail', messageId: 'noneOnNetwork' },
    { name: 'an expectation finer than the token', artifacts: { challenge: challengeV2(), target: expecting('0.0000001') }, status: 'fail', messageId: 'tooPrecise' },
    { name: 'an unknown token without --rpc', artifacts: { challenge: challengeV2([{ asset: UNKNOWN }]), target: expecting('0.01') }, status: 'fail', messageId: 'unknownDecimals' },
    {
      name: 'an unknown token read on another chain',
      artifacts: { challenge: unknownIn18, target: expecting('0.01'), tokenInfo: tokenInfo({ asset: UNKNOWN, decimals: 18, chainId: 11155111 }) },
      status: 'fail',
      messageId: 'unknownDecimals',
    },
    { name: 'an expectation that is not a number', artifacts: { challenge: challengeV2(), target: expecting('ten cents') }, status: 'fail', messageId: 'badExpectation' },
    {
      name: 'every scaled requirement; an expectation too fine once',
      artifacts: { challenge: challengeV2([{ amount: '10000000' }, { amount: '1000' }]), target: expecting('0.01') },
      status: 'fail',
      messageId: 'scaled',
      findings: [
        { status: 'fail', messageId: 'scaled', message: expect.stringContaining('Requirement #0') },
        { status: 'fail', messageId: 'scaled', message: expect.stringContaining('Requirement #1 charges 0.001 USDC, 1/10 of the expected') },
      ],
    },
    {
      name: 'an expectation too fine for two requirements of the same token, reported once',
      artifacts: { challenge: challengeV2([{}, {}]), target: expecting('0.0000001') },
      status: 'fail',
      messageId: 'tooPrecise',
      findings: [{ status: 'fail', messageId: 'tooPrecise' }],
    },
  ],
  skip: [
    { name: 'no --expect-price', artifacts: { challenge: challengeV2(), target: target() }, messageId: 'noExpectation' },
    { name: 'no requirements', artifacts: { challenge: challengeV2([]), target: expecting('0.01') }, messageId: 'none' },
  ],
});
