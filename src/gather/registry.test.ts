import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../fixtures/sellers/server.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { registryAgent } from '../../test/registry/artifacts.js';
import { IDENTITY_REGISTRY_TESTNET, WELL_KNOWN_REGISTRATION_PATH } from '../registry/abi.js';
import { pickRegistration, registryAgentGatherer, registryFileGatherer, registryWellKnownGatherer, wellKnownUrl } from './registry.js';

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

describe('the registry gatherers', () => {
  let requests: string[] = [];
  let wellKnown: unknown = { registrations: [] };
  let seller: FixtureServer;

  beforeAll(async () => {
    seller = await startFixtureServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url !== WELL_KNOWN_REGISTRATION_PATH) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(wellKnown));
    });
  });
  afterAll(async () => {
    await seller?.close();
  });
  beforeEach(() => {
    requests = [];
  });

  // Only registrations on a chain with no public RPC: nothing here may leave loopback.
  const LOCAL_REGISTRY = `eip155:31337:${IDENTITY_REGISTRY_TESTNET}`;

  it('registryWellKnown fetches the probed origin\'s well-known file, only with --agent', async () => {
    wellKnown = { registrations: [{ agentId: 3, agentRegistry: LOCAL_REGISTRY }] };
    const { artifact } = await gatherWith(registryWellKnownGatherer, { url: `${seller.origin}/api/weather?x=1`, agent: 'auto' });
    expect(requests).toEqual([WELL_KNOWN_REGISTRATION_PATH]);
    expect(artifact?.json).toEqual({ ok: true, value: wellKnown });
    expect((await gatherWith(registryWellKnownGatherer, { url: seller.url })).notGathered).toBe('no --agent given');
  });

  it('registryAgent `auto` takes the well-known entry and says why it cannot when there is none', async () => {
    wellKnown = { registrations: [{ agentId: 3, agentRegistry: LOCAL_REGISTRY }] };
    const auto = await gatherWith(registryAgentGatherer, { url: seller.url, agent: 'auto', before: [registryWellKnownGatherer] });
    expect(auto.artifact).toMatchObject({ source: 'auto', autoEntry: 0, chainId: 31337, agentId: '3', rpcError: 'no RPC is known for chain 31337; pass --rpc' });
    wellKnown = { name: 'no registrations here' };
    expect((await gatherWith(registryAgentGatherer, { url: seller.url, agent: 'auto', before: [registryWellKnownGatherer] })).artifact?.autoError).toBe('it has no registrations[]');
    // Without its optional dependency `auto` still records why, rather than skipping.
    expect((await gatherWith(registryAgentGatherer, { url: seller.url, agent: 'auto' })).artifact?.autoError).toBe('the well-known file gave no response');
  });

  it('registryFile reads the agentURI (a data: URI needs no request) and skips an agent without one', async () => {
    const document = { type: 'registration', name: 'A' };
    const uri = `data:application/json;base64,${Buffer.from(JSON.stringify(document)).toString('base64')}`;
    const { artifact } = await gatherWith(registryFileGatherer, { agent: '1', given: { registryAgent: registryAgent({ tokenURI: uri }) } });
    expect(artifact).toMatchObject({ scheme: 'data', exchange: null, json: { ok: true, value: document } });
    expect((await gatherWith(registryFileGatherer, { agent: '1', given: { registryAgent: registryAgent({ tokenURI: null }) } })).notGathered).toBe('the registry gave no agentURI');
    const unreadable = { meta: { artifact: 'registryAgent' as const, dependencies: [] }, gather: () => Promise.reject(new Error('registry down')) };
    expect((await gatherWith(registryFileGatherer, { agent: '1', before: [unreadable] })).notGathered).toBe('needs "registryAgent", which was not gathered: gatherer failed: registry down');
  });

  it('registryFile never follows an agentURI into a private network: it is data, and nothing is sent', async () => {
    const { artifact } = await gatherWith(registryFileGatherer, { agent: '1', given: { registryAgent: registryAgent({ tokenURI: `${seller.origin}/agent.json` }) } });
    expect(artifact?.error?.code).toBe('forbidden-address');
    expect(requests).toEqual([]);
  });
});
