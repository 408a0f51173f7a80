import { EVM_NETWORK_CHAIN_ID_MAP, NETWORKS } from '@x402/evm/v1';
import { describe, expect, it } from 'vitest';
import {
  caip2Knowledge,
  evmChainId,
  isCaip2,
  isKnownV1Name,
  isLegacyV1Name,
  isMainnet,
  LEGACY_V1_NETWORKS,
  resolveNetwork,
  sameNetwork,
  X402_EVM_V1_NETWORKS,
} from './networks.js';

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

describe('resolveNetwork', () => {
  it('resolves v1 names, CAIP-2 ids and obol aliases to one entry', () => {
    const byName = resolveNetwork('base-sepolia');
    expect(byName).toMatchObject({ caip2: 'eip155:84532', v1Name: 'base-sepolia', chainId: 84532, testnet: true });
    expect(resolveNetwork('eip155:84532')).toEqual(byName);
    expect(resolveNetwork(' base-sepolia ')).toEqual(byName);
    expect(resolveNetwork('base-mainnet')).toEqual(resolveNetwork('base'));
    expect(resolveNetwork('mainnet')?.caip2).toBe('eip155:1');
    expect(resolveNetwork('arbitrum')?.caip2).toBe('eip155:42161');
    expect(resolveNetwork('solana')?.caip2).toBe('solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp');
    expect(resolveNetwork('solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1')).toMatchObject({ v1Name: 'solana-devnet', testnet: true, chainId: null });
  });

  it('gives unknown eip155 chains a bare entry and everything else null', () => {
    expect(resolveNetwork('eip155:999999')).toMatchObject({ caip2: 'eip155:999999', chainId: 999999, v1Name: null, testnet: false });
    for (const id of ['', 'not-a-chain', 'Base-Sepolia', 'eip155:', 'eip155:0', 'eip155:01', 'eip155:abc', 'toString', '__proto__', 'constructor']) {
      expect(resolveNetwork(id), id).toBeNull();
    }
  });

  it('sameNetwork equates a v1 name with its CAIP-2 id', () => {
    expect(sameNetwork('base', 'eip155:8453')).toBe(true);
    expect(sameNetwork('base', 'base-sepolia')).toBe(false);
    expect(sameNetwork('weird', ' weird ')).toBe(true);
  });

  it('isCaip2 follows the CAIP-2 syntax', () => {
    expect(isCaip2('eip155:84532')).toBe(true);
    expect(isCaip2('solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp')).toBe(true);
    expect(isCaip2('base-sepolia')).toBe(false);
    expect(isCaip2('EIP155:1')).toBe(false);
  });
});

describe('isMainnet (the spend guard)', () => {
  it('is false only for known test networks', () => {
    for (const id of ['base-sepolia', 'eip155:84532', 'avalanche-fuji', 'polygon-amoy', 'sepolia', 'solana-devnet', 'eip155:31337']) expect(isMainnet(id), id).toBe(false);
    for (const id of ['base', 'eip155:8453', 'ethereum', 'polygon', 'solana']) expect(isMainnet(id), id).toBe(true);
  });

  it('fails closed: unknown chains and names count as mainnets', () => {
    for (const id of ['eip155:999999', 'eip155:84533', 'made-up-testnet', 'solana:devnet', 'stellar:testnet', '']) expect(isMainnet(id), id).toBe(true);
  });
});

describe("agreement with @x402/evm's v1 chain table", () => {
  it('maps every EVM_NETWORK_CHAIN_ID_MAP name to the same chain, both ways', () => {
    const entries = Object.entries(EVM_NETWORK_CHAIN_ID_MAP);
    expect(entries.length).toBeGreaterThan(10);
    for (const [name, chainId] of entries) {
      expect(resolveNetwork(name)?.chainId, name).toBe(chainId);
      expect(resolveNetwork(`eip155:${chainId}`)?.v1Name, `eip155:${chainId}`).toBe(name);
      expect(isKnownV1Name(name), name).toBe(true);
    }
  });

  it('marks the test networks among them as testnets', () => {
    for (const name of Object.keys(EVM_NETWORK_CHAIN_ID_MAP)) {
      const looksTest = /sepolia|testnet|fuji|amoy|devnet/.test(name);
      expect(resolveNetwork(name)?.testnet, name).toBe(looksTest);
    }
  });

  it('every legacy v1 name resolves', () => {
    for (const name of LEGACY_V1_NETWORKS) expect(resolveNetwork(name), name).not.toBeNull();
  });
});
