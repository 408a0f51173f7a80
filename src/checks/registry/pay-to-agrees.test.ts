import { challengeOf, PAY_TO, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { OWNER, registryAgent } from '../../../test/registry/artifacts.js';
import * as payToAgrees from './pay-to-agrees.js';

const OTHER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const ZERO = '0x0000000000000000000000000000000000000000';
const challenge = (...payTos: unknown[]) => challengeOf(v2Response(v2PaymentRequired(payTos.map((payTo) => v2Requirement({ payTo })))));

checkTester(payToAgrees, {
  valid: [
    { name: 'payTo is the agent wallet', artifacts: { challenge: challenge(PAY_TO), registryAgent: registryAgent() }, messageId: 'wallet' },
    { name: 'payTo is the owner (case ignored)', artifacts: { challenge: challenge(OWNER.toLowerCase()), registryAgent: registryAgent() }, messageId: 'owner' },
  ],
  invalid: [
    { name: 'payTo is neither (a warning, by severity)', artifacts: { challenge: challenge(OTHER), registryAgent: registryAgent() }, status: 'fail', messageId: 'mismatch', reported: 'warn' },
    { name: 'an unset (zero) wallet is no match', artifacts: { challenge: challenge(ZERO), registryAgent: registryAgent({ agentWallet: ZERO }) }, status: 'fail', messageId: 'mismatch' },
    {
      name: 'every requirement paying neither, not just the first',
      artifacts: { challenge: challenge(OTHER, PAY_TO, ZERO), registryAgent: registryAgent() },
      status: 'fail',
      messageId: 'mismatch',
      findings: [
        { status: 'fail', messageId: 'mismatch', data: { index: 0, payTo: OTHER, wallet: PAY_TO, owner: OWNER } },
        { status: 'fail', messageId: 'mismatch', data: { index: 2, payTo: ZERO, wallet: PAY_TO, owner: OWNER } },
      ],
    },
  ],
  skip: [
    { name: 'no owner', artifacts: { challenge: challenge(PAY_TO), registryAgent: registryAgent({ owner: null }) }, messageId: 'noAgent' },
    { name: 'no string payTo', artifacts: { challenge: challenge(42), registryAgent: registryAgent() }, messageId: 'noRequirements' },
  ],
});
