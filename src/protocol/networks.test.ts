import { NETWORKS } from '@x402/evm/v1';
import { describe, expect, it } from 'vitest';
import { caip2Knowledge, evmChainId, isKnownV1Name, isLegacyV1Name, X402_EVM_V1_NETWORKS } from './networks.js';

describe('networks', () => {
  it('lists exactly the v1 names @x402/evm maps to chains', () => {
    expect([...X402_EVM_V1_NETWORKS].sort()).toEqual([...NETWORKS].sort());
    expect(isKnownV1Name('megaeth')).toBe(true);
    expect(isKnownV1Name('arbitrum-one')).toBe(false);
    expect(isLegacyV1Name('megaeth')).toBe(false);
  });

  it('resolves EVM chain ids from names, aliases and CAIP-2 ids only', () => {
    expect(evmChainId('base-sepolia')).toBe(84532);
    expect(evmChainId('base-mainnet')).toBe(8453);
    expect(evmChainId('eip155:999999')).toBe(999999);
    expect(evmChainId('solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp')).toBeNull();
    expect(evmChainId(84532)).toBeNull();
  });

  it('tells known chains from unknown chains and namespaces', () => {
    expect(caip2Knowledge('eip155:84532')).toBe('known');
    expect(caip2Knowledge('solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1')).toBe('known');
    expect(caip2Knowledge('stellar:pubnet')).toBe('known');
    expect(caip2Knowledge('sui:mainnet')).toBe('known');
    expect(caip2Knowledge('eip155:999999')).toBe('unknown-chain');
    expect(caip2Knowledge('solana:devnet')).toBe('unknown-chain');
    expect(caip2Knowledge('cosmos:cosmoshub-4')).toBe('unknown-namespace');
    expect(caip2Knowledge('toString:x')).toBe('unknown-namespace');
  });
});
