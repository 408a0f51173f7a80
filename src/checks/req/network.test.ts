import { expect } from 'vitest';
import { challengeV1, challengeV2 } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as network from './network.js';

const v2 = (...accepts: Record<string, unknown>[]) => ({ challenge: challengeV2(accepts) });
const v1 = (...accepts: Record<string, unknown>[]) => ({ challenge: challengeV1(accepts) });

checkTester(network, {
  valid: [
    { name: 'a CAIP-2 id in v2', artifacts: v2({}) },
    { name: 'a Solana CAIP-2 id in v2', artifacts: v2({ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp' }) },
    { name: 'a legacy name in v1', artifacts: v1({}), messageId: 'ok' },
    {
      name: 'a v1 name in v2 beside its CAIP-2 twin (obol-stack legacy copies): a note, since the official client still pays the CAIP-2 entry',
      artifacts: v2({}, { network: 'base-sepolia' }),
      messageId: 'legacyTwin',
      message: expect.stringContaining('still parses the challenge'),
      evidence: expect.stringContaining('accepts[1].network = "base-sepolia"'),
    },
  ],
  invalid: [
    { name: 'a v1 name in v2 without a twin', artifacts: v2({ network: 'base' }), status: 'fail', messageId: 'v1NameInV2', message: expect.stringContaining('eip155:8453') },
    { name: 'a non-CAIP-2 id in v2', artifacts: v2({ network: 'not a network' }), status: 'fail', messageId: 'notCaip2' },
    { name: 'an unknown chain in v2', artifacts: v2({ network: 'eip155:999999' }), status: 'warn', messageId: 'unknownChain' },
    { name: 'an unknown namespace in v2', artifacts: v2({ network: 'cosmos:cosmoshub-4' }), status: 'warn', messageId: 'unknownNamespace' },
    { name: 'a v1 name only @x402/evm knows (x402#2729)', artifacts: v1({ network: 'megaeth' }), status: 'warn', messageId: 'evmOnlyV1Name' },
    { name: 'a CAIP-2 id in v1', artifacts: v1({ network: 'eip155:84532' }), status: 'fail', messageId: 'caip2InV1' },
    { name: 'an alias in v1', artifacts: v1({ network: 'base-mainnet' }), status: 'fail', messageId: 'alias' },
    { name: 'a name legacy clients do not know', artifacts: v1({ network: 'arbitrum-one' }), status: 'fail', messageId: 'unknownV1' },
    { name: 'an unknown name in v1', artifacts: v1({ network: 'atlantis' }), status: 'fail', messageId: 'unknownV1' },
    { name: 'no network', artifacts: v2({ network: undefined }), status: 'fail', messageId: 'missing' },
    { name: 'a non-string network', artifacts: v2({}, { network: 84532 }), status: 'fail', messageId: 'notString', evidence: 'accepts[1].network = 84532' },
    {
      name: 'every badly named network, not just the first',
      artifacts: v2({ network: 'eip155:999999' }, {}, { network: 'base' }, { network: 84532 }),
      status: 'fail',
      messageId: 'v1NameInV2',
      findings: [
        { status: 'warn', messageId: 'unknownChain', evidence: 'accepts[0].network = "eip155:999999"' },
        { status: 'fail', messageId: 'v1NameInV2', evidence: 'accepts[2].network = "base"' },
        { status: 'fail', messageId: 'notString', evidence: 'accepts[3].network = 84532' },
      ],
    },
  ],
  skip: [{ name: 'no requirements', artifacts: { challenge: challengeV2([]) }, messageId: 'none' }],
});
