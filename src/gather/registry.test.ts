import { describe, expect, it } from 'vitest';
import { IDENTITY_REGISTRY_TESTNET } from '../registry/abi.js';
import { pickRegistration, wellKnownUrl } from './registry.js';

const entry = (agentId: unknown, chainId = 84532) => ({ agentId, agentRegistry: `eip155:${chainId}:${IDENTITY_REGISTRY_TESTNET}` });

describe('wellKnownUrl', () => {
  it('is on the probed origin, whatever the path and query', () => {
    expect(wellKnownUrl('https://api.example.com:8443/v1/chat?x=1')).toBe('https://api.example.com:8443/.well-known/agent-registration.json');
  });
});

describe('pickRegistration (--agent auto)', () => {
  it('takes the entry on the payment chain, else the first readable one', () => {
    const doc = { registrations: [entry(4, 8453), { agentId: 'x', agentRegistry: 'nope' }, entry(9)] };
    expect(pickRegistration(doc, [84532])).toEqual({ index: 2, locator: { chainId: 84532, registry: IDENTITY_REGISTRY_TESTNET, agentId: 9n } });
    expect(pickRegistration(doc, [])).toMatchObject({ index: 0, locator: { chainId: 8453, agentId: 4n } });
  });

  it('says why when nothing can be taken', () => {
    expect(pickRegistration({ name: 'x' }, [])).toEqual({ error: 'it has no registrations[]' });
    expect(pickRegistration({ registrations: [{ agentId: 1 }] }, [])).toHaveProperty('error');
    expect(pickRegistration(null, [])).toHaveProperty('error');
  });
});
