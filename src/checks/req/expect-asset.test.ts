import { expect } from 'vitest';
import { BASE_SEPOLIA_USDC, challengeV2, target } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as expectAsset from './expect-asset.js';

const OTHER_TOKEN = '0x1111111111111111111111111111111111111111';
const expecting = (asset: string, network?: string) => target({ expect: { asset, ...(network ? { network } : {}) } });

checkTester(expectAsset, {
  valid: [
    {
      name: 'a requirement charging in the expected asset, whatever its case',
      artifacts: { challenge: challengeV2([{ asset: OTHER_TOKEN }, {}]), target: expecting(BASE_SEPOLIA_USDC.toLowerCase()) },
      messageId: 'ok',
      message: expect.stringContaining('#1'),
    },
  ],
  invalid: [
    { name: 'no requirement charging in it', artifacts: { challenge: challengeV2([{ asset: OTHER_TOKEN }]), target: expecting(BASE_SEPOLIA_USDC) }, status: 'fail', messageId: 'absent' },
    {
      name: 'no requirement on the expected network charging in it',
      artifacts: { challenge: challengeV2([{ network: 'eip155:8453' }]), target: expecting(BASE_SEPOLIA_USDC, 'eip155:84532') },
      status: 'fail',
      messageId: 'absent',
    },
  ],
  skip: [
    { name: 'no --expect-asset', artifacts: { challenge: challengeV2(), target: target() }, messageId: 'noExpectation' },
    { name: 'no requirements', artifacts: { challenge: challengeV2([]), target: expecting(BASE_SEPOLIA_USDC) }, messageId: 'none' },
  ],
});
