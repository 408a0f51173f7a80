import { describe, expect, it } from 'vitest';
import { AGENT_REGISTRY, fetched, registrationDoc, registryAgent } from '../../../test/registry/artifacts.js';
import { check, meta } from './back-reference.js';

const run = (document: unknown) => check({ registryAgent: registryAgent(), registryFile: fetched(document) });

describe(meta.id, () => {
  it('passes when registrations[] names this agent in this registry (address case ignored)', () => {
    expect(run(registrationDoc()).status).toBe('pass');
    const lower = run(registrationDoc({ registrations: [{ agentId: 3, agentRegistry: 'eip155:1:0x8004A169FB4a3325136EB29fA0ceB6D2e539a432' }, { agentId: 7, agentRegistry: AGENT_REGISTRY.toLowerCase() }] }));
    expect(lower.status).toBe('pass');
    expect(lower.messageId).toBe('ok');
  });

  it('fails with no registrations, another id, another registry, or neither', () => {
    const cases: Array<[unknown, string]> = [
      [registrationDoc({ registrations: undefined }), 'missing'],
      [registrationDoc({ registrations: [] }), 'missing'],
      [registrationDoc({ registrations: [{ agentId: 8, agentRegistry: AGENT_REGISTRY }] }), 'wrongId'],
      [registrationDoc({ registrations: [{ agentId: 7, agentRegistry: 'eip155:84532:0x8004AA63c570c570eBF15376c0dB199918BFe9Fb' }] }), 'wrongRegistry'],
      [registrationDoc({ registrations: [{ agentId: 7, agentRegistry: 'eip155:8453:0x8004A818BFB912233c491871b3d84c89A494BD9e' }] }), 'wrongRegistry'],
      [registrationDoc({ registrations: [{ agentId: 9, agentRegistry: 'eip155:1:0x8004A169FB4a3325136EB29fA0ceB6D2e539a432' }] }), 'mismatch'],
    ];
    for (const [doc, messageId] of cases) {
      const out = run(doc);
      expect(out.status, messageId).toBe('fail');
      expect(out.messageId).toBe(messageId);
    }
  });

  it('warns when agentId is a string, and skips without an agent', () => {
    expect(run(registrationDoc({ registrations: [{ agentId: '7', agentRegistry: AGENT_REGISTRY }] })).messageId).toBe('idString');
    expect(check({ registryAgent: registryAgent({ agentId: null, chainId: null, registry: null }), registryFile: fetched(registrationDoc()) }).status).toBe('skip');
  });
});
