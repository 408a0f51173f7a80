import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { IDENTITY_REGISTRY_MAINNET, IDENTITY_REGISTRY_TESTNET } from './abi.js';
import { formatAgentRef, parseAgentRef, parseAgentRegistry, registrationAgentId } from './agentRef.js';

describe('parseAgentRef', () => {
  it('reads the full eip155 form and checksums the registry', () => {
    const ref = parseAgentRef(`eip155:84532:${IDENTITY_REGISTRY_TESTNET.toLowerCase()}:22`);
    expect(ref).toEqual({ kind: 'agent', defaulted: false, chainId: 84532, registry: IDENTITY_REGISTRY_TESTNET, agentId: 22n });
    expect(formatAgentRef(ref as never)).toBe(`eip155:84532:${IDENTITY_REGISTRY_TESTNET}:22`);
  });

  it('gives a bare id the Base Sepolia registry, and agent0\'s chain:id form the chain\'s canonical one', () => {
    expect(parseAgentRef('7')).toMatchObject({ chainId: 84532, registry: IDENTITY_REGISTRY_TESTNET, agentId: 7n, defaulted: true });
    expect(parseAgentRef('8453:5')).toMatchObject({ chainId: 8453, registry: IDENTITY_REGISTRY_MAINNET, agentId: 5n });
    expect(parseAgentRef('11155111:5')).toMatchObject({ registry: IDENTITY_REGISTRY_TESTNET });
    expect(parseAgentRef('3', { chainId: 1 })).toMatchObject({ chainId: 1, registry: IDENTITY_REGISTRY_MAINNET });
  });

  it('reads auto in any case', () => {
    expect(parseAgentRef('AUTO')).toEqual({ kind: 'auto' });
  });

  it('refuses anything else with a usage error', () => {
    for (const bad of ['', 'agent-7', 'eip155:84532:0x1234:7', 'eip155:84532:0x8004A818BFB912233c491871b3d84c89A494BD9:7', 'eip155:84532:0x8004A818BFB912233c491871b3d84c89A494BD9e:x:7', '0x8004A818BFB912233c491871b3d84c89A494BD9e', `${'9'.repeat(79)}`]) {
      expect(() => parseAgentRef(bad), bad).toThrow(UsageError);
    }
  });
});

describe('registration entries', () => {
  it('read agentRegistry and agentId as files write them', () => {
    expect(parseAgentRegistry(`eip155:84532:${IDENTITY_REGISTRY_TESTNET}`)).toEqual({ chainId: 84532, registry: IDENTITY_REGISTRY_TESTNET });
    expect(parseAgentRegistry('84532:0x8004A818BFB912233c491871b3d84c89A494BD9e')).toBeNull();
    expect(parseAgentRegistry('eip155:84532:0x8004A818BFB912233c491871b3d84c89A494BD9')).toBeNull();
    expect(parseAgentRegistry(`eip155:84532:${IDENTITY_REGISTRY_TESTNET.toLowerCase()}`)).toEqual({ chainId: 84532, registry: IDENTITY_REGISTRY_TESTNET.toLowerCase() });
    expect(registrationAgentId(22)).toBe(22n);
    expect(registrationAgentId('22')).toBe(22n);
    expect(registrationAgentId(-1)).toBeNull();
    expect(registrationAgentId(2.5)).toBeNull();
  });
});
