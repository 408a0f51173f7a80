import { expect } from 'vitest';
import { challengeV1, challengeV2, target } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as expectNetwork from './expect-network.js';

const expecting = (network: string) => target({ expect: { network } });

checkTester(expectNetwork, {
  valid: [
    { name: 'by CAIP-2 id', artifacts: { challenge: challengeV2(), target: expecting('eip155:84532') } },
    { name: 'by v1 name', artifacts: { challenge: challengeV2(), target: expecting('base-sepolia') }, messageId: 'ok' },
    {
      name: 'a v1 requirement matched by CAIP-2 id, naming the one that matched',
      artifacts: { challenge: challengeV1([{ network: 'base' }, {}]), target: expecting('eip155:84532') },
      evidence: 'accepts[1].network = "base-sepolia"',
    },
  ],
  invalid: [
    {
      name: 'no requirement on the expected network, listing those offered',
      artifacts: { challenge: challengeV2([{}, { network: 'eip155:43113' }]), target: expecting('base') },
      status: 'fail',
      messageId: 'absent',
      message: expect.stringContaining('"eip155:84532", "eip155:43113"'),
    },
  ],
  skip: [
    { name: 'no --expect-network', artifacts: { challenge: challengeV2(), target: target() }, messageId: 'noExpectation' },
    { name: 'no requirements', artifacts: { challenge: challengeV2([]), target: expecting('base') }, messageId: 'none' },
  ],
});
