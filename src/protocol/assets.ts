import { X402_DEFAULT_ASSETS as DEFAULT_ASSETS } from './x402DefaultAssets.js';
import { resolveNetwork } from './networks.js';

/** A token a buyer can recognise: its address on one network and its EIP-712 domain. */
export interface KnownAsset {
  /** CAIP-2 network id. */
  network: string;
  /** Checksummed address. */
  address: string;
  symbol: string;
  decimals: number;
  /** EIP-712 domain name the token signs with (e.g. "USDC" on Base Sepolia, "USD Coin" on Base). */
  eip712Name: string;
  eip712Version: string;
  /** Where the entry comes from. */
  source: '@x402/evm' | 'obol-stack';
  /** How a buyer authorises the transfer: EIP-3009 (USDC) or Permit2 (OBOL, which has no EIP-3009). */
  transferMethod: 'eip3009' | 'permit2';
}

/**
 * Tokens obol-stack sells in that @x402/evm's DEFAULT_ASSETS does not list: USDC on two more
 * testnets, and OBOL (18 decimals, EIP-712 "Obol Network" version "1", paid by Permit2) where
 * obol ships it (obol-stack `internal/x402/tokens.go`, reference/x402-now.md).
 */
const EXTRA: readonly KnownAsset[] = [
  { network: 'eip155:43113', address: '0x5425890298aed601595a70AB815c96711a31Bc65', symbol: 'USDC', decimals: 6, eip712Name: 'USD Coin', eip712Version: '2', source: 'obol-stack', transferMethod: 'eip3009' },
  { network: 'eip155:80002', address: '0x41E94Eb019C0762f9Bfcf9Fb1E58725BfB0e7582', symbol: 'USDC', decimals: 6, eip712Name: 'USD Coin', eip712Version: '2', source: 'obol-stack', transferMethod: 'eip3009' },
  { network: 'eip155:84532', address: '0x0a09371a8b011d5110656ceBCc70603e53FD2c78', symbol: 'OBOL', decimals: 18, eip712Name: 'Obol Network', eip712Version: '1', source: 'obol-stack', transferMethod: 'permit2' },
  { network: 'eip155:1', address: '0x0B010000b7624eb9B3DfBC279673C76E9D29D5F7', symbol: 'OBOL', decimals: 18, eip712Name: 'Obol Network', eip712Version: '1', source: 'obol-stack', transferMethod: 'permit2' },
];

type DefaultAssetEntry = { asset: string; name: string; version: string; decimals: number; symbol: string; assetTransferMethod?: string };

let table: KnownAsset[] | null = null;

function knownAssets(): KnownAsset[] {
  if (table) return table;
  const rows: KnownAsset[] = [];
  for (const [network, entries] of Object.entries(DEFAULT_ASSETS as Record<string, DefaultAssetEntry[]>)) {
    for (const e of entries) {
      rows.push({ network, address: e.asset, symbol: e.symbol, decimals: e.decimals, eip712Name: e.name, eip712Version: e.version, source: '@x402/evm', transferMethod: e.assetTransferMethod === 'permit2' ? 'permit2' : 'eip3009' });
    }
  }
  for (const extra of EXTRA) {
    if (!rows.some((r) => r.network === extra.network && r.address.toLowerCase() === extra.address.toLowerCase())) rows.push(extra);
  }
  table = rows;
  return rows;
}

/** The known asset at `address` on `network` (v1 name or CAIP-2), or null. */
export function findKnownAsset(network: string, address: string): KnownAsset | null {
  const caip2 = resolveNetwork(network)?.caip2 ?? network;
  const lower = address.toLowerCase();
  return knownAssets().find((a) => a.network === caip2 && a.address.toLowerCase() === lower) ?? null;
}

/** Every known asset on a network. */
export function knownAssetsOn(network: string): KnownAsset[] {
  const caip2 = resolveNetwork(network)?.caip2 ?? network;
  return knownAssets().filter((a) => a.network === caip2);
}

/** Networks on which this address is a known asset (to explain an asset sent on the wrong network). */
export function networksOfAsset(address: string): string[] {
  const lower = address.toLowerCase();
  return knownAssets().filter((a) => a.address.toLowerCase() === lower).map((a) => a.network);
}
