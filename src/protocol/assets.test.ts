import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { findKnownAsset, knownAssetsOn, networksOfAsset } from './assets.js';

const BASE_SEPOLIA_USDC = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';
const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';

describe('known assets', () => {
  it('Base Sepolia USDC signs as "USDC" version "2"', () => {
    expect(findKnownAsset('eip155:84532', BASE_SEPOLIA_USDC)).toMatchObject({ network: 'eip155:84532', symbol: 'USDC', decimals: 6, eip712Name: 'USDC', eip712Version: '2' });
  });

  it('Base USDC signs as "USD Coin" version "2"', () => {
    expect(findKnownAsset('eip155:8453', BASE_USDC)).toMatchObject({ symbol: 'USDC', decimals: 6, eip712Name: 'USD Coin', eip712Version: '2' });
  });

  it('finds an asset by v1 name or alias and any address case', () => {
    expect(findKnownAsset('base-sepolia', BASE_SEPOLIA_USDC.toLowerCase())?.address).toBe(BASE_SEPOLIA_USDC);
    expect(findKnownAsset('base-mainnet', BASE_USDC.toUpperCase().replace('0X', '0x'))?.eip712Name).toBe('USD Coin');
  });

  it('does not find an asset on the wrong network, and says where it lives', () => {
    expect(findKnownAsset('eip155:8453', BASE_SEPOLIA_USDC)).toBeNull();
    expect(findKnownAsset('eip155:999999', BASE_SEPOLIA_USDC)).toBeNull();
    expect(findKnownAsset('not-a-network', BASE_SEPOLIA_USDC)).toBeNull();
    expect(networksOfAsset(BASE_SEPOLIA_USDC)).toEqual(['eip155:84532']);
    expect(networksOfAsset('0x0000000000000000000000000000000000000001')).toEqual([]);
  });

  it('lists the assets on a network, with obol-stack additions', () => {
    expect(knownAssetsOn('base-sepolia').map((a) => a.address)).toContain(BASE_SEPOLIA_USDC);
    expect(knownAssetsOn('eip155:43113').some((a) => a.symbol === 'USDC')).toBe(true);
    expect(knownAssetsOn('eip155:999999')).toEqual([]);
  });

  it('has checksummed addresses and sane decimals throughout', () => {
    for (const network of ['eip155:84532', 'eip155:8453', 'eip155:43113', 'eip155:80002']) {
      for (const asset of knownAssetsOn(network)) {
        expect(asset.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
        expect(getAddress(asset.address)).toBe(asset.address);
        expect(asset.decimals).toBeGreaterThanOrEqual(0);
        expect(asset.eip712Name.length).toBeGreaterThan(0);
      }
    }
  });

  it('knows OBOL where obol-stack ships it: 18 decimals, "Obol Network" version "1", paid by Permit2', () => {
    for (const [network, address] of [['eip155:84532', '0x0a09371a8b011d5110656cebcc70603e53fd2c78'], ['eip155:1', '0x0B010000b7624eb9B3DfBC279673C76E9D29D5F7']]) {
      expect(findKnownAsset(network, address)).toMatchObject({ symbol: 'OBOL', decimals: 18, eip712Name: 'Obol Network', eip712Version: '1', transferMethod: 'permit2', source: 'obol-stack' });
    }
    expect(findKnownAsset('eip155:8453', '0x0a09371a8b011d5110656ceBCc70603e53FD2c78')).toBeNull();
    expect(findKnownAsset('base-sepolia', '0x036CbD53842c5426634e7929541eC2318f3dCF7e')?.transferMethod).toBe('eip3009');
  });
});
