import { checkTester } from '../../../test/helpers/checkTester.js';
import { AGENT_REGISTRY, fetched, registrationDoc } from '../../../test/registry/artifacts.js';
import * as addressCanonical from './address-canonical.js';

const file = (registrations: unknown) => ({ registryFile: fetched(registrationDoc({ registrations })) });

checkTester(addressCanonical, {
  valid: [
    { name: 'the Base Sepolia entry names the testnet registry', artifacts: file([{ agentId: 7, agentRegistry: AGENT_REGISTRY }]) },
    {
      name: 'a mainnet entry names the mainnet registry, address case ignored',
      artifacts: file([{ agentId: 7, agentRegistry: AGENT_REGISTRY }, { agentId: 3, agentRegistry: 'eip155:8453:0x8004a169fb4a3325136eb29fa0ceb6d2e539a432' }]),
      messageId: 'ok',
    },
  ],
  invalid: [
    {
      // obol-stack's networks.go gives Base mainnet the Base Sepolia address (reference/x402-now.md).
      name: 'obol\'s Base mainnet entry with the Base Sepolia address',
      artifacts: file([{ agentId: 7, agentRegistry: AGENT_REGISTRY }, { agentId: 7, agentRegistry: 'eip155:8453:0x8004A818BFB912233c491871b3d84c89A494BD9e' }]),
      status: 'warn',
      messageId: 'testnetOnMainnet',
      data: { index: 1, listed: '0x8004A818BFB912233c491871b3d84c89A494BD9e', chainId: 8453, canonical: '0x8004A169FB4a3325136EB29fA0ceB6D2e539a432' },
    },
    { name: 'the mainnet registry on Base Sepolia', artifacts: file([{ agentId: 7, agentRegistry: 'eip155:84532:0x8004A169FB4a3325136EB29fA0ceB6D2e539a432' }]), status: 'warn', messageId: 'mainnetOnTestnet' },
    { name: 'the obsolete v1 registry', artifacts: file([{ agentId: 7, agentRegistry: 'eip155:84532:0x8004AA63c570c570eBF15376c0dB199918BFe9Fb' }]), status: 'warn', messageId: 'obsolete' },
    { name: 'someone else\'s registry', artifacts: file([{ agentId: 7, agentRegistry: 'eip155:84532:0x000000000000000000000000000000000000dEaD' }]), status: 'warn', messageId: 'other' },
    { name: 'not eip155:<chainId>:<address>', artifacts: file([{ agentId: 7, agentRegistry: 'base-sepolia' }]), status: 'warn', messageId: 'unreadable' },
  ],
  skip: [
    { name: 'no document', artifacts: { registryFile: { ...fetched(registrationDoc()), json: null } }, messageId: 'noDocument' },
    { name: 'no registrations', artifacts: file(undefined), messageId: 'noEntries' },
  ],
});
