import { checkTester } from '../../../test/helpers/checkTester.js';
import { AGENT_REGISTRY, fetched, registrationDoc, registryAgent } from '../../../test/registry/artifacts.js';
import * as backReference from './back-reference.js';

const file = (document: unknown) => ({ registryAgent: registryAgent(), registryFile: fetched(document) });
const entry = (agentId: unknown, agentRegistry: string) => registrationDoc({ registrations: [{ agentId, agentRegistry }] });

checkTester(backReference, {
  valid: [
    { name: 'registrations[] names this agent in this registry', artifacts: file(registrationDoc()) },
    {
      name: 'among other entries, address case ignored',
      artifacts: file(registrationDoc({ registrations: [{ agentId: 3, agentRegistry: 'eip155:1:0x8004A169FB4a3325136EB29fA0ceB6D2e539a432' }, { agentId: 7, agentRegistry: AGENT_REGISTRY.toLowerCase() }] })),
      messageId: 'ok',
    },
  ],
  invalid: [
    { name: 'no registrations', artifacts: file(registrationDoc({ registrations: undefined })), status: 'fail', messageId: 'missing' },
    { name: 'empty registrations', artifacts: file(registrationDoc({ registrations: [] })), status: 'fail', messageId: 'missing' },
    { name: 'another id', artifacts: file(entry(8, AGENT_REGISTRY)), status: 'fail', messageId: 'wrongId' },
    { name: 'the obsolete registry', artifacts: file(entry(7, 'eip155:84532:0x8004AA63c570c570eBF15376c0dB199918BFe9Fb')), status: 'fail', messageId: 'wrongRegistry' },
    { name: 'another chain', artifacts: file(entry(7, 'eip155:8453:0x8004A818BFB912233c491871b3d84c89A494BD9e')), status: 'fail', messageId: 'wrongRegistry' },
    { name: 'neither', artifacts: file(entry(9, 'eip155:1:0x8004A169FB4a3325136EB29fA0ceB6D2e539a432')), status: 'fail', messageId: 'mismatch' },
    { name: 'agentId as a string', artifacts: file(entry('7', AGENT_REGISTRY)), status: 'warn', messageId: 'idString' },
  ],
  skip: [
    { name: 'no agent', artifacts: { registryAgent: registryAgent({ agentId: null, chainId: null, registry: null }), registryFile: fetched(registrationDoc()) }, messageId: 'noAgent' },
    { name: 'no document', artifacts: { registryAgent: registryAgent(), registryFile: { ...fetched(registrationDoc()), json: null } }, messageId: 'noDocument' },
  ],
});
