import { describe, expect, it } from 'vitest';
import { challengeV1, challengeV2 } from '../../test/helpers/artifacts.js';
import { payability } from './payable.js';

const v2 = (o: Record<string, unknown>) => payability(challengeV2([o]).requirements[0]);
const v1 = (o: Record<string, unknown>) => payability(challengeV1([o]).requirements[0]);

describe('payability', () => {
  it('the probe pays exact / EIP-3009 on EVM, v2 and v1, on any eip155 chain', () => {
    expect(v2({}).payer).toBe('probe');
    expect(v2({ network: 'eip155:999999' }).payer).toBe('probe');
    expect(v2({ extra: { name: 'USDC', version: '2', assetTransferMethod: 'eip3009' } }).payer).toBe('probe');
    expect(v1({}).payer).toBe('probe');
  });

  it('the probe pays exact via Permit2 and upto (v2 only; upto needs its facilitator named)', () => {
    expect(v2({ extra: { name: 'USDC', version: '2', assetTransferMethod: 'permit2' } }).payer).toBe('probe');
    expect(v2({ extra: { assetTransferMethod: 'permit2' } }).payer).toBe('probe');
    expect(v2({ scheme: 'upto', extra: { facilitatorAddress: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' } }).payer).toBe('probe');
    expect(v2({ scheme: 'upto' })).toEqual({ payer: 'nobody', reason: expect.stringContaining('facilitatorAddress') });
    expect(v2({ asset: '0x0a09371a8b011d5110656ceBCc70603e53FD2c78', amount: '1000000000000000', extra: { name: 'Obol Network', version: '1', assetTransferMethod: 'permit2' } }).payer).toBe('probe');
  });

  it('other buyers pay what x402 defines but the probe does not implement', () => {
    expect(v2({ extra: { name: 'USDC', version: '2', assetTransferMethod: 'erc7710' } })).toEqual({ payer: 'others', reason: expect.stringContaining('"erc7710"') });
    expect(v2({ scheme: 'batch-settlement' }).payer).toBe('others');
    expect(v2({ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', payTo: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin' }).payer).toBe('others');
    expect(v2({ network: 'stellar:testnet' }).payer).toBe('others');
    expect(v1({ network: 'solana' }).payer).toBe('others');
    // OBOL has no EIP-3009: even a requirement that names no transfer method is not the probe's to sign.
    expect(v2({ asset: '0x0a09371a8b011d5110656ceBCc70603e53FD2c78', amount: '1000000000000000', extra: { name: 'Obol Network', version: '1' } })).toEqual({ payer: 'others', reason: expect.stringContaining('OBOL is paid by Permit2') });
  });

  it('nobody pays an undefined scheme, an unknown namespace, a network named for the other version, or missing terms', () => {
    for (const o of [{ scheme: 'exactly' }, { scheme: 'Exact' }, { scheme: 7 }, { network: 'cosmos:cosmoshub-4' }, { network: 'base-sepolia' }, { network: '' }, { amount: '$0.01' }, { amount: 10000 }, { asset: '' }, { payTo: undefined }, { payTo: '0x1234' }, { extra: {} }]) {
      expect(v2(o).payer, JSON.stringify(o)).toBe('nobody');
    }
    expect(v1({ network: 'eip155:84532' })).toEqual({ payer: 'nobody', reason: expect.stringContaining('"base-sepolia"') });
  });

  it('nobody pays an eip155 network that names no chain, an amount wider than 256 bits, or an EVM asset at the zero address', () => {
    // Not "other buyers": these are the kind the probe implements, and no EVM buyer can sign them.
    for (const network of ['eip155:0', 'eip155:01', 'eip155:abc', 'eip155:-1', `eip155:${'9'.repeat(20)}`]) {
      expect(v2({ network }), network).toEqual({ payer: 'nobody', reason: expect.stringContaining('chain id') });
    }
    expect(v2({ amount: (2n ** 256n).toString() })).toEqual({ payer: 'nobody', reason: expect.stringContaining('256 bits') });
    expect(v2({ amount: (2n ** 256n - 1n).toString() }).payer).toBe('probe');
    expect(v2({ asset: '0x0000000000000000000000000000000000000000' })).toEqual({ payer: 'nobody', reason: expect.stringContaining('zero address') });
    expect(v2({ scheme: 'upto', asset: '0x0000000000000000000000000000000000000000' }).payer).toBe('nobody');
    expect(v1({ network: 'atlantis' }).payer).toBe('nobody');
  });
});
