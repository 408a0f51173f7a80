import { expect } from 'vitest';
import { challengeOf, challengeV1, challengeV2, exchange, v1PaymentRequired, v2PaymentRequired, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester, including } from '../../../test/helpers/checkTester.js';
import * as payable from './payable.js';

/** A real Solana devnet USDC requirement, as @x402/svm's server emits it. */
const SOLANA = {
  scheme: 'exact',
  network: 'solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1',
  asset: '4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU',
  payTo: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
  extra: { feePayer: '2wKupLR9q6wXYppw8Gr2NvWxKBUqm4PPJKkQfoxHDBg4' },
};

const v2 = (...accepts: Record<string, unknown>[]) => ({ challenge: challengeV2(accepts) });
const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const deepBody = JSON.stringify(v1PaymentRequired()).replace('"scheme":"exact"', `"scheme":${deep}`);

checkTester(payable, {
  valid: [
    { name: 'a requirement the probe can pay, naming which', artifacts: v2({ scheme: 'exactly' }, {}), messageId: 'probe', message: expect.stringContaining('#1') },
    { name: 'a v1 requirement', artifacts: { challenge: challengeV1() } },
    { name: 'exact via Permit2 (issue 14)', artifacts: v2({ extra: { name: 'USDC', version: '2', assetTransferMethod: 'permit2' } }), messageId: 'probe' },
    { name: 'upto naming its facilitator (issue 14)', artifacts: v2({ scheme: 'upto', extra: { assetTransferMethod: 'permit2', facilitatorAddress: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' } }), messageId: 'probe' },
  ],
  invalid: [
    { name: 'the only scheme one no x402 implementation defines (issue 11 item 8)', artifacts: v2({ scheme: 'exactly' }), status: 'fail', messageId: 'nonePayable', evidence: expect.stringContaining('"exactly"') },
    {
      name: 'nothing payable for other reasons, listing each',
      artifacts: v2({ network: 'cosmos:cosmoshub-4' }, { network: 'base' }, { amount: '0.01' }, { payTo: '' }, { extra: {} }),
      status: 'fail',
      messageId: 'nonePayable',
      evidence: including('#0', '#1', '#2', '#3', '#4', 'cosmos', 'EIP-712'),
    },
    { name: 'a CAIP-2 network in v1', artifacts: { challenge: challengeV1([{ network: 'eip155:84532' }]) }, status: 'fail', messageId: 'nonePayable', evidence: expect.stringContaining('base-sepolia') },
    {
      name: 'a scheme nested 20,000 arrays deep, judged without an internal error',
      artifacts: { challenge: challengeOf(exchange({ body: deepBody, bodyBytes: deepBody.length, headers: { 'content-type': 'application/json' } })) },
      status: 'fail',
      messageId: 'nonePayable',
    },
  ],
  skip: [
    { name: 'a real Solana requirement, with the reason', artifacts: v2(SOLANA), messageId: 'notImplemented', message: expect.stringContaining('EVM') },
    ...[{ scheme: 'batch-settlement' }, { scheme: 'auth-capture' }, { extra: { name: 'USDC', version: '2', assetTransferMethod: 'erc7710' } }].map((other) => ({
      name: `a known kind the probe does not implement: ${JSON.stringify(other)}`,
      artifacts: v2(other),
      messageId: 'notImplemented' as const,
    })),
    { name: 'an unknown scheme beside a Solana requirement', artifacts: v2({ scheme: 'exactly' }, SOLANA), messageId: 'notImplemented' },
    { name: 'a v1 Solana requirement', artifacts: { challenge: challengeV1([{ network: 'solana-devnet', asset: SOLANA.asset, payTo: SOLANA.payTo }]) }, messageId: 'notImplemented' },
    { name: 'no challenge', artifacts: { challenge: challengeOf(exchange({ body: '' })) }, messageId: 'noRequirements' },
    { name: 'no requirements', artifacts: { challenge: challengeOf(v2Response(v2PaymentRequired([]))) }, messageId: 'noRequirements' },
  ],
});
