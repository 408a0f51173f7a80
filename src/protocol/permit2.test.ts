import { describe, expect, it } from 'vitest';
import { challengeV2 } from '../../test/helpers/artifacts.js';
import { EXACT_PERMIT2_PROXY, PERMIT2_ADDRESS, PERMIT2_WITNESS_TYPES, UPTO_PERMIT2_PROXY, nonceBitmapPosition, permit2SchemeOf, transferMethodOf } from './permit2.js';

describe('Permit2 facts', () => {
  it('are the ones @x402/evm 2.27 signs with', async () => {
    const evm = await import('@x402/evm');
    expect(PERMIT2_ADDRESS).toBe(evm.PERMIT2_ADDRESS);
    expect(EXACT_PERMIT2_PROXY).toBe(evm.x402ExactPermit2ProxyAddress);
    expect(UPTO_PERMIT2_PROXY).toBe(evm.x402UptoPermit2ProxyAddress);
    expect(PERMIT2_WITNESS_TYPES.exact).toEqual(evm.permit2WitnessTypes);
    expect(PERMIT2_WITNESS_TYPES.upto).toEqual(evm.uptoPermit2WitnessTypes);
  });

  it('reads the transfer method as the official client does', () => {
    const r = (o: Record<string, unknown>) => challengeV2([o]).requirements[0];
    expect(transferMethodOf(r({}))).toBe('eip3009');
    expect(permit2SchemeOf(r({ extra: { assetTransferMethod: 'permit2' } }))).toBe('exact');
    expect(permit2SchemeOf(r({ scheme: 'upto', extra: {} }))).toBe('upto');
    expect(transferMethodOf(r({ scheme: 'batch-settlement' }))).toBeNull();
    expect(nonceBitmapPosition(0x1234n)).toEqual({ word: 0x12n, bit: 0x34n });
  });
});
