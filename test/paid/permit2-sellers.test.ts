/**
 * The probe pays the sandbox's official Permit2 sellers (@x402/express, exact via Permit2 and upto)
 * through the official client under its guards: every pay.* and req.* check passes, the settlement
 * is tied to this run's Permit2 nonce, and a buyer without a Permit2 allowance is stopped (exit 2)
 * unless --approve-permit2 approves exactly the cap.
 */
import { createPublicClient, createWalletClient, erc20Abi, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { run } from '../../src/engine/run.js';
import { signerFromKey } from '../../src/gather/pay/buyerSigner.js';
import { PERMIT2_ADDRESS } from '../../src/protocol/permit2.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox, SandboxAccount, SandboxPermit2Seller } from '../../src/sandbox/types.js';
import { payNotPassing } from '../helpers/payChecks.js';

let sandbox: Sandbox;
const CHAT = JSON.stringify({ model: 'qwen3:0.6b', messages: [{ role: 'user', content: 'hi' }] });

beforeAll(async () => {
  sandbox = await startSandbox();
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
});

async function probe(seller: SandboxPermit2Seller, buyer: SandboxAccount, extra: { approve?: boolean } = {}) {
  const signer = await signerFromKey(buyer.privateKey);
  return run({
    url: seller.url,
    method: seller.method,
    body: CHAT,
    rpc: sandbox.rpcUrl,
    facilitatorUrl: sandbox.facilitatorUrl,
    expect: { payTo: seller.payTo, network: seller.network },
    pay: { signer, maxAmount: '0.01', mainnet: false, ...(extra.approve ? { approvePermit2: privateKeyToAccount(buyer.privateKey) } : {}) },
  });
}

async function setPermit2Allowance(buyer: SandboxAccount, amount: bigint) {
  const transport = http(sandbox.rpcUrl);
  const wallet = createWalletClient({ account: privateKeyToAccount(buyer.privateKey), transport });
  const hash = await wallet.writeContract({ address: sandbox.usdc, abi: erc20Abi, functionName: 'approve', args: [PERMIT2_ADDRESS, amount], chain: null });
  await createPublicClient({ transport }).waitForTransactionReceipt({ hash });
}

const allowanceOf = (buyer: SandboxAccount) =>
  createPublicClient({ transport: http(sandbox.rpcUrl) }).readContract({ address: sandbox.usdc, abi: erc20Abi, functionName: 'allowance', args: [buyer.address, PERMIT2_ADDRESS] });

describe('Permit2 sellers, paid', () => {
  it('each official Permit2 seller (exact via Permit2, upto) passes with zero failures', async () => {
    expect(sandbox.permit2Sellers.map((s) => s.name).sort()).toEqual(['exact-permit2', 'upto']);
    for (const [i, seller] of sandbox.permit2Sellers.entries()) {
      const { report, artifacts } = await probe(seller, sandbox.accounts.buyers[i]);
      const failing = report.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.message}`);
      expect(failing, seller.name).toEqual([]);
      const pay = report.checks.filter((c) => c.id.startsWith('pay.'));
      expect(payNotPassing(pay), seller.name).toEqual([]);
      expect(report.checks.find((c) => c.id === 'pay.settlement-onchain')?.message, seller.name).toMatch(/Permit2 nonce/);
      expect(report.checks.find((c) => c.id === 'req.transfer-method')?.status, seller.name).toBe('pass');
      expect(artifacts.payment?.plan.permit2).toMatchObject({ scheme: seller.scheme, spender: seller.spender });
      // The attacks went in Permit2 form under the paid nonce.
      for (const kind of ['underpaid', 'wrongRecipient', 'expired'] as const) expect(artifacts.payment?.[kind]?.exchange?.status, `${seller.name} ${kind}`).toBe(402);
      if (seller.scheme === 'upto') {
        expect(report.checks.find((c) => c.id === 'req.upto-facilitator')?.messageId).toBe('ok');
        expect(artifacts.settlement?.transfers.find((t) => t.to.toLowerCase() === seller.payTo.toLowerCase())?.value).toBe(seller.settles);
      }
    }
  }, 120_000);

  it('a buyer with no Permit2 allowance is stopped before anything is signed, naming the approval; --approve-permit2 approves exactly the cap', async () => {
    const buyer = sandbox.accounts.buyers[2];
    const seller = sandbox.permit2Sellers.find((s) => s.name === 'exact-permit2')!;
    await setPermit2Allowance(buyer, 0n);
    const stopped = probe(seller, buyer);
    await expect(stopped).rejects.toBeInstanceOf(ConfigError);
    await expect(stopped).rejects.toThrow(/has approved Permit2 .* for 0 USDC .*--approve-permit2 to approve exactly the cap \(0\.01 USDC\)/);
    expect(await allowanceOf(buyer)).toBe(0n);

    const { report, artifacts } = await probe(seller, buyer, { approve: true });
    expect(artifacts.payment?.permit2Approval).toMatchObject({ allowanceBefore: '0', approved: '10000', status: 'success', transaction: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([]);
    // The report shows the approval: a check naming its transaction, and the JSON payment block.
    expect(report.checks.find((c) => c.id === 'pay.permit2-approval')).toMatchObject({ status: 'pass', message: expect.stringContaining(artifacts.payment!.permit2Approval!.transaction!) });
    expect(report.payment).toMatchObject({ permit2Approval: { approved: '10000' } });
    // Exactly the cap was approved and the payment used its share of it: never more than the cap.
    expect(await allowanceOf(buyer)).toBeLessThanOrEqual(10000n);
  }, 120_000);
});
