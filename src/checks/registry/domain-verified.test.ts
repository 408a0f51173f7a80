import { describe, expect, it } from 'vitest';
import type { RegistrationFetch } from '../../artifacts/index.js';
import { AGENT_REGISTRY, dataFile, fetched, registrationDoc, registryAgent, wellKnown } from '../../../test/registry/artifacts.js';
import { target } from '../../../test/helpers/artifacts.js';
import { check, meta } from './domain-verified.js';

const ipfsFile = (): RegistrationFetch => ({ ...fetched(registrationDoc(), { url: 'https://ipfs.io/ipfs/bafyfile' }), uri: 'ipfs://bafyfile', scheme: 'ipfs' });
const run = (registryWellKnown: RegistrationFetch, registryFile: RegistrationFetch = ipfsFile(), url = 'https://api.example.com/weather') =>
  check({ target: target({ url }), registryAgent: registryAgent(), registryWellKnown, registryFile });

describe(meta.id, () => {
  it('passes when the well-known file names this agent and registry', () => {
    const out = run(wellKnown({ registrations: [{ agentId: 7, agentRegistry: AGENT_REGISTRY }] }), dataFile(registrationDoc()));
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('verified');
  });

  it('is exempt when the agentURI is served from the endpoint\'s own host', () => {
    const out = run(wellKnown('nope', { status: 404 }), fetched(registrationDoc(), { url: 'https://api.example.com/.well-known/agent-registration.json' }));
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('sameDomain');
  });

  it('fails when the file is missing, not https, not JSON, empty or names another agent', () => {
    const cases: Array<[RegistrationFetch, string]> = [
      [wellKnown('Not Found', { status: 404 }), 'missing'],
      [wellKnown({ registrations: [{ agentId: 7, agentRegistry: AGENT_REGISTRY }] }, { url: 'http://api.example.com/.well-known/agent-registration.json' }), 'notHttps'],
      [wellKnown('<html>'), 'notJson'],
      [wellKnown({ name: 'x' }), 'noRegistrations'],
      [wellKnown({ registrations: [{ agentId: 8, agentRegistry: AGENT_REGISTRY }] }), 'noMatch'],
      [{ ...wellKnown({}), exchange: null, json: null, error: { code: 'http', message: 'dns: ENOTFOUND' } }, 'unreachable'],
    ];
    for (const [file, messageId] of cases) {
      const out = run(file);
      expect(out.status, messageId).toBe('fail');
      expect(out.messageId).toBe(messageId);
    }
  });

  it('accepts plain http on loopback', () => {
    const local = wellKnown({ registrations: [{ agentId: 7, agentRegistry: AGENT_REGISTRY }] }, { url: 'http://127.0.0.1:4021/.well-known/agent-registration.json' });
    expect(run(local, ipfsFile(), 'http://127.0.0.1:4021/weather').status).toBe('pass');
  });
});
