import { expect } from 'vitest';
import { challengeV1, challengeV2, PAY_TO, target } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as expectPayTo from './expect-pay-to.js';

const THIEF = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const SOL = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
const expecting = (payTo: string) => target({ expect: { payTo } });
const solana = challengeV2([{ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', payTo: SOL }]);

checkTester(expectPayTo, {
  valid: [
    { name: 'every requirement pays the expected address, whatever its case', artifacts: { challenge: challengeV2([{}, {}]), target: expecting(PAY_TO.toLowerCase()) } },
    { name: 'a v1 requirement', artifacts: { challenge: challengeV1(), target: expecting(PAY_TO) }, messageId: 'ok' },
    { name: 'a non-EVM address, compared exactly', artifacts: { challenge: solana, target: expecting(SOL) } },
  ],
  invalid: [
    {
      name: 'a requirement paying someone else',
      artifacts: { challenge: challengeV2([{}, { payTo: THIEF }]), target: expecting(PAY_TO) },
      status: 'fail',
      messageId: 'other',
      message: expect.stringContaining('#1'),
      evidence: `accepts[1].payTo = "${THIEF}"`,
    },
    { name: 'a non-EVM address in another case', artifacts: { challenge: solana, target: expecting(SOL.toLowerCase()) }, status: 'fail', messageId: 'other' },
    {
      name: 'every requirement paying someone else, not just the first',
      artifacts: { challenge: challengeV2([{ payTo: THIEF }, {}, { payTo: SOL }]), target: expecting(PAY_TO) },
      status: 'fail',
      messageId: 'other',
      findings: [
        { status: 'fail', messageId: 'other', evidence: `accepts[0].payTo = "${THIEF}"` },
        { status: 'fail', messageId: 'other', data: { index: 2, value: `"${SOL}"`, expected: PAY_TO } },
      ],
    },
  ],
  skip: [
    { name: 'no --expect-pay-to', artifacts: { challenge: challengeV2(), target: target() }, messageId: 'noExpectation' },
    { name: 'no requirements', artifacts: { challenge: challengeV2([]), target: expecting(PAY_TO) }, messageId: 'none' },
  ],
});
