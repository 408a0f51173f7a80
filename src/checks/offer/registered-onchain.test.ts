import { checkTester } from '../../../test/helpers/checkTester.js';
import { condition, missingOffer, offerArtifact, withCondition } from '../../../test/obol/offerArtifact.js';
import * as registeredOnchain from './registered-onchain.js';

const registered = (status: string, reason: string | null, agentId: unknown = null) => ({ offer: offerArtifact({ conditions: withCondition(condition('Registered', status, reason)), agentId }) });

checkTester(registeredOnchain, {
  valid: [
    { name: 'registered with an agent id', artifacts: registered('True', 'Registered', '12'), messageId: 'onChain', data: { reason: 'Registered', agentId: '12' } },
    { name: 'already registered, id as a number', artifacts: registered('True', 'AlreadyRegistered', 3), messageId: 'onChain' },
  ],
  invalid: [
    // obol-stack reports Registered=True with reason OffChainOnly (reference/x402-now.md): listed, but not on chain.
    { name: 'OffChainOnly: listed off-chain, no agent id', artifacts: registered('True', 'OffChainOnly'), status: 'warn', messageId: 'offChainOnly' },
    { name: 'OffChainOnly even with a stray agent id', artifacts: registered('True', 'OffChainOnly', '5'), status: 'warn', messageId: 'offChainOnly' },
    { name: 'True without an agent id', artifacts: registered('True', 'Registered', ''), status: 'warn', messageId: 'noAgentId' },
  ],
  skip: [
    { name: 'no offer', artifacts: { offer: missingOffer('not-found', 'not found') }, messageId: 'noOffer' },
    { name: 'not registered yet', artifacts: registered('False', 'AwaitingExternalRegistration'), messageId: 'notRegistered' },
    { name: 'registration disabled', artifacts: registered('True', 'Disabled'), messageId: 'notAsked' },
  ],
});
