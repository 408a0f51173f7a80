import { checkTester } from '../../../test/helpers/checkTester.js';
import { registryAgent } from '../../../test/registry/artifacts.js';
import * as agentExists from './agent-exists.js';

checkTester(agentExists, {
  valid: [{ name: 'ownerOf names an owner', artifacts: { registryAgent: registryAgent() }, messageId: 'exists' }],
  invalid: (
    [
      ['an unminted id', { owner: null, ownerError: 'ERC721NonexistentToken(7)' }, 'notRegistered'],
      ['no registry at the address', { hasCode: false, owner: null }, 'noRegistry'],
      ['the obsolete registry', { hasCode: false, owner: null, registry: '0x8004AA63c570c570eBF15376c0dB199918BFe9Fb' }, 'obsoleteRegistry'],
      ['an RPC on another chain', { rpcChainId: 31337 }, 'wrongChain'],
      ['an RPC failure', { rpcError: 'HTTP request failed', owner: null }, 'rpcError'],
      ['no agent found from the endpoint', { source: 'auto', agentId: null, chainId: null, registry: null, autoError: 'no registrations[] entry' }, 'autoNotFound'],
    ] as const
  ).map(([name, overrides, messageId]) => ({ name, artifacts: { registryAgent: registryAgent(overrides) }, status: 'fail' as const, messageId })),
});
