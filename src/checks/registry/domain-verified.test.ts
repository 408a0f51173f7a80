import { target } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { AGENT_REGISTRY, dataFile, fetched, registrationDoc, registryAgent, wellKnown } from '../../../test/registry/artifacts.js';
import type { RegistrationFetch } from '../../artifacts/index.js';
import * as domainVerified from './domain-verified.js';

const ipfsFile = (): RegistrationFetch => ({ ...fetched(registrationDoc(), { url: 'https://ipfs.io/ipfs/bafyfile' }), uri: 'ipfs://bafyfile', scheme: 'ipfs' });
const judged = (registryWellKnown: RegistrationFetch, registryFile: RegistrationFetch = ipfsFile(), url = 'https://api.example.com/weather') => ({
  target: target({ url }),
  registryAgent: registryAgent(),
  registryWellKnown,
  registryFile,
});
const vouching = { registrations: [{ agentId: 7, agentRegistry: AGENT_REGISTRY }] };
const cut = wellKnown({});
cut.exchange = { ...cut.exchange!, status: null, error: { code: 'deadline', message: 'cut by the run deadline after 1999 ms' } };

checkTester(domainVerified, {
  valid: [
    { name: 'the well-known file names this agent and registry', artifacts: judged(wellKnown(vouching), dataFile(registrationDoc())), messageId: 'verified' },
    {
      name: "exempt when the agentURI is served from the endpoint's own host",
      artifacts: judged(wellKnown('nope', { status: 404 }), fetched(registrationDoc(), { url: 'https://api.example.com/.well-known/agent-registration.json' })),
      messageId: 'sameDomain',
    },
    { name: 'plain http on loopback', artifacts: judged(wellKnown(vouching, { url: 'http://127.0.0.1:4021/.well-known/agent-registration.json' }), ipfsFile(), 'http://127.0.0.1:4021/weather') },
  ],
  invalid: (
    [
      ['a missing file', wellKnown('Not Found', { status: 404 }), 'missing'],
      ['a file not served over https', wellKnown(vouching, { url: 'http://api.example.com/.well-known/agent-registration.json' }), 'notHttps'],
      ['a file that is not JSON', wellKnown('<html>'), 'notJson'],
      ['a file without registrations', wellKnown({ name: 'x' }), 'noRegistrations'],
      ['a file naming another agent', wellKnown({ registrations: [{ agentId: 8, agentRegistry: AGENT_REGISTRY }] }), 'noMatch'],
      ['an unreachable file', { ...wellKnown({}), exchange: null, json: null, error: { code: 'http', message: 'dns: ENOTFOUND' } }, 'unreachable'],
      ['a fetch the run deadline cut', cut, 'deadline'],
    ] as const
  ).map(([name, file, messageId]) => ({ name, artifacts: judged(file), status: 'fail' as const, messageId })),
  skip: [{ name: 'no agent', artifacts: { ...judged(wellKnown(vouching)), registryAgent: registryAgent({ agentId: null }) }, messageId: 'noAgent' }],
});
