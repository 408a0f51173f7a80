import { expect } from 'vitest';
import { checkTester, including } from '../../../test/helpers/checkTester.js';
import { condition, missingOffer, offerArtifact, readyConditions, withCondition } from '../../../test/obol/offerArtifact.js';
import * as conditionsReady from './conditions-ready.js';

const stalled = (type: string, status: string, reason: string | null, message = 'controller says why') => ({ offer: offerArtifact({ conditions: withCondition(condition(type, status, reason, message)) }) });

/** Each stall by condition and reason, with the messageId that gives its specific fix. */
const STALLS: Array<[string, string, string | null, keyof typeof conditionsReady.meta.messages]> = [
  ['ModelReady', 'False', 'PullFailed', 'modelPullFailed'],
  ['ModelReady', 'False', 'NoModel', 'modelMissing'],
  ['ModelReady', 'Unknown', null, 'notTrue'],
  ['UpstreamHealthy', 'False', 'Unhealthy', 'upstreamUnhealthy'],
  ['UpstreamHealthy', 'False', 'MissingService', 'upstreamMissingService'],
  ['PaymentGateReady', 'False', 'ApplyFailed', 'paymentGate'],
  ['PaymentGateReady', 'False', 'Paused', 'paused'],
  ['RoutePublished', 'False', 'ApplyFailed', 'routePublished'],
  ['Registered', 'False', 'AwaitingExternalRegistration', 'awaitingRegistration'],
  ['Registered', 'False', 'Registering', 'registrationPending'],
  ['Ready', 'False', 'Drained', 'drained'],
  ['Ready', 'False', 'Reconciling', 'readyFalse'],
];

const laterStagesPending = readyConditions().map((c) =>
  c.type === 'Registered' || c.type === 'Ready' ? condition(c.type, 'False', c.type === 'Ready' ? 'Reconciling' : 'AwaitingExternalRegistration') : c,
);

checkTester(conditionsReady, {
  valid: [
    {
      name: 'all six True, listed in order',
      artifacts: { offer: offerArtifact({ conditions: [...readyConditions()].reverse() }) },
      messageId: 'ready',
      message: expect.stringMatching(/^All six conditions are True: ModelReady=True \(Available\), UpstreamHealthy=True/),
    },
  ],
  invalid: [
    ...STALLS.map(([type, status, reason, messageId]) => ({
      name: `${type}=${status} ${reason ?? '(no reason)'}`,
      artifacts: stalled(type, status, reason),
      status: 'fail' as const,
      messageId,
      evidence: expect.stringContaining(`${type}=${status}`),
    })),
    {
      name: 'an unhealthy upstream, naming its health URL and the controller message',
      artifacts: stalled('UpstreamHealthy', 'False', 'Unhealthy', 'dial tcp: connection refused'),
      status: 'fail',
      messageId: 'upstreamUnhealthy',
      message: including('ollama.llm:11434/health', '"dial tcp: connection refused"'),
    },
    { name: 'the first pending stage in order is blamed', artifacts: { offer: offerArtifact({ conditions: laterStagesPending }) }, status: 'fail', messageId: 'awaitingRegistration' },
    { name: 'a missing condition', artifacts: { offer: offerArtifact({ conditions: readyConditions().filter((c) => c.type !== 'RoutePublished') }) }, status: 'fail', messageId: 'missing' },
    { name: 'no conditions at all', artifacts: { offer: offerArtifact({ conditions: [] }) }, status: 'fail', messageId: 'noStatus' },
    { name: 'conditions of an older generation', artifacts: { offer: offerArtifact({ generation: 3, observedGeneration: 2 }) }, status: 'warn', messageId: 'stale' },
  ],
  skip: [{ name: 'no offer', artifacts: { offer: missingOffer('not-found', 'gone') }, messageId: 'noOffer' }],
});
