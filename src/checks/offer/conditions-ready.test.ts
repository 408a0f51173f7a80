import { describe, expect, it } from 'vitest';
import { condition, missingOffer, offerArtifact, readyConditions, withCondition } from '../../../test/obol/offerArtifact.js';
import { check, meta } from './conditions-ready.js';

const stalled = (type: string, status: string, reason: string | null, message = '') => check({ offer: offerArtifact({ conditions: withCondition(condition(type, status, reason, message)) }) });

describe(meta.id, () => {
  it('passes when all six are True, listing them in order', () => {
    const out = check({ offer: offerArtifact({ conditions: [...readyConditions()].reverse() }) });
    expect([out.status, out.messageId]).toEqual(['pass', 'ready']);
    expect(out.message).toMatch(/^All six conditions are True: ModelReady=True \(Available\), UpstreamHealthy=True/);
  });

  it('explains each stall by its condition and reason, with a specific fix', () => {
    const cases: Array<[string, string, string | null, string]> = [
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
    for (const [type, status, reason, messageId] of cases) {
      const out = stalled(type, status, reason, 'controller says why');
      expect([out.status, out.messageId], `${type}=${status} ${reason}`).toEqual(['fail', messageId]);
      expect(out.evidence).toContain(`${type}=${status}`);
    }
    const unhealthy = stalled('UpstreamHealthy', 'False', 'Unhealthy', 'dial tcp: connection refused');
    expect(unhealthy.message).toContain('ollama.llm:11434/health');
    expect(unhealthy.message).toContain('"dial tcp: connection refused"');
  });

  it('blames the first pending stage in order, and a missing condition', () => {
    const conditions = readyConditions().map((c) => (c.type === 'Registered' || c.type === 'Ready' ? condition(c.type, 'False', c.type === 'Ready' ? 'Reconciling' : 'AwaitingExternalRegistration') : c));
    expect(check({ offer: offerArtifact({ conditions }) }).messageId).toBe('awaitingRegistration');
    const without = readyConditions().filter((c) => c.type !== 'RoutePublished');
    const out = check({ offer: offerArtifact({ conditions: without }) });
    expect([out.status, out.messageId]).toEqual(['fail', 'missing']);
    expect(check({ offer: offerArtifact({ conditions: [] }) }).messageId).toBe('noStatus');
  });

  it('warns when the conditions describe an older generation, and skips without an offer', () => {
    const out = check({ offer: offerArtifact({ generation: 3, observedGeneration: 2 }) });
    expect([out.status, out.messageId]).toEqual(['warn', 'stale']);
    expect(check({ offer: missingOffer('not-found', 'gone') }).status).toBe('skip');
  });
});
