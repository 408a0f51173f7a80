import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { resolvePay } from './buyerSetup.js';
import type { CliIO } from './context.js';
import type { ProbeCommandOptions } from './options.js';

const ANVIL_KEY_3 = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const io = { env: { BUYER_KEY: ANVIL_KEY_3 } } as unknown as CliIO;
const options = (o: Partial<ProbeCommandOptions>) => ({ method: 'GET', timeout: 1000, maxAmount: '0.01', attacks: true, ...o }) as ProbeCommandOptions;

describe('resolvePay and --approve-permit2', () => {
  it('approves only with --pay and --key-env: the approval is a transaction, which a remote signer does not sign', async () => {
    await expect(resolvePay(options({ approvePermit2: true }), io)).rejects.toThrow(new UsageError('--approve-permit2 only applies with --pay'));
    await expect(resolvePay(options({ pay: true, approvePermit2: true, signer: 'http://127.0.0.1:9' }), io)).rejects.toBeInstanceOf(UsageError);
  });

  it('hands the engine the buyer\'s own key to approve with, and nothing without the flag', async () => {
    const approving = await resolvePay(options({ pay: true, keyEnv: 'BUYER_KEY', approvePermit2: true }), io);
    expect(approving?.approvePermit2?.address).toBe(approving?.signer.address);
    expect((await resolvePay(options({ pay: true, keyEnv: 'BUYER_KEY' }), io))?.approvePermit2).toBeUndefined();
  });
});
