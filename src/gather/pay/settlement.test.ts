import { createWalletClient, http, parseEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherWith } from '../../../test/helpers/gather.js';
import { paidExchange, payAttempt, session, settlementHeader, TX } from '../../../test/helpers/payment.js';
import { ANVIL_DEV_ACCOUNTS } from '../../sandbox/accounts.js';
import { type AnvilInstance, startAnvil } from '../../sandbox/anvil.js';
import { localBaseSepolia } from '../../sandbox/chain.js';
import { settlementGatherer } from './settlement.js';

/** A payment session whose paid request was served with a settlement header naming `transaction`. */
const paidWith = (transaction: string) => session({ paid: payAttempt('paid', paidExchange(200, { headers: settlementHeader({ transaction }) })) });

let anvil: AnvilInstance;

beforeAll(async () => {
  anvil = await startAnvil({ chainId: 84532 });
});

afterAll(async () => {
  await anvil?.stop();
});

describe('settlementGatherer (a real anvil)', () => {
  it('reads the receipt of the transaction the settlement header names', async () => {
    const [from, to] = ANVIL_DEV_ACCOUNTS;
    const wallet = createWalletClient({ account: privateKeyToAccount(from.privateKey), chain: localBaseSepolia(anvil.rpcUrl), transport: http(anvil.rpcUrl) });
    const hash = await wallet.sendTransaction({ to: to.address, value: parseEther('0.001') });
    const { artifact } = await gatherWith(settlementGatherer, { rpc: anvil.rpcUrl, given: { payment: paidWith(hash) } });
    expect(artifact).toMatchObject({ transaction: hash, found: true, status: 'success', chainId: 84532, error: null });
    expect(artifact?.blockNumber).toMatch(/^\d+$/);
    // A plain transfer of ether: no token moved, no authorization used, and none made up.
    expect(artifact?.transfers).toEqual([]);
    expect(artifact?.authorizations).toEqual([]);
  });

  it('gives up soon on a hash the chain has never seen (a made-up receipt)', async () => {
    const started = performance.now();
    const { artifact } = await gatherWith(settlementGatherer, { rpc: anvil.rpcUrl, given: { payment: paidWith(TX) } });
    expect(artifact).toMatchObject({ transaction: TX, found: false, error: 'no such transaction on this chain' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('records that nothing could be read without --rpc, so its check fails rather than skips', async () => {
    const { artifact } = await gatherWith(settlementGatherer, { given: { payment: paidWith(TX) } });
    expect(artifact).toMatchObject({ found: false, error: 'no chain read: no --rpc was given' });
  });

  it('skips a payment that names no transaction, saying which', async () => {
    const unnamed = session({ paid: payAttempt('paid', paidExchange(200, { headers: settlementHeader({ transaction: 'not-a-hash' }) })) });
    expect((await gatherWith(settlementGatherer, { given: { payment: unnamed } })).notGathered).toBe('the settlement header names no transaction hash');
    expect((await gatherWith(settlementGatherer, { given: { payment: session({ paid: null }) } })).notGathered).toBe('no paid request was made');
  });
});
