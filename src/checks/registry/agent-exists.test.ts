import { describe, expect, it } from 'vitest';
import { registryAgent } from '../../../test/registry/artifacts.js';
import { check, meta } from './agent-exists.js';

describe(meta.id, () => {
  it('passes when ownerOf names an owner', () => {
    const out = check({ registryAgent: registryAgent() });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('exists');
  });

  it('fails for an unminted id, a missing or obsolete registry, a wrong chain and an RPC failure', () => {
    const cases = [
      [{ owner: null, ownerError: 'ERC721NonexistentToken(7)' }, 'notRegistered'],
      [{ hasCode: false, owner: null }, 'noRegistry'],
      [{ hasCode: false, owner: null, registry: '0x8004AA63c570c570eBF15376c0dB199918BFe9Fb' }, 'obsoleteRegistry'],
      [{ rpcChainId: 31337 }, 'wrongChain'],
      [{ rpcError: 'HTTP request failed', owner: null }, 'rpcError'],
      [{ source: 'auto', agentId: null, chainId: null, registry: null, autoError: 'no registrations[] entry' }, 'autoNotFound'],
    ] as const;
    for (const [overrides, messageId] of cases) {
      const out = check({ registryAgent: registryAgent(overrides) });
      expect(out.status, messageId).toBe('fail');
      expect(out.messageId).toBe(messageId);
    }
  });
});
