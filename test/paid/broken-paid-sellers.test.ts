/**
 * The paid path against real money on the sandbox chain: each broken paid seller is caught by
 * the check its catalog entry names, and the probe never moves more than the cap.
 */
import { createWalletClient, http, parseAbi } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAID_DEFECTS } from '../../fixtures/paid-sellers/catalog.js';
import { startGate, USDC } from '../../fixtures/paid-sellers/gate.js';
import { run } from '../../src/engine/run.js';
import { signerFromKey } from '../../src/gather/pay/buyerSigner.js';
import { localBaseSepolia } from '../../src/sandbox/chain.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';

let sandbox: Sandbox;
let otherTransaction: string;
let staleSettlement: string;

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  // An unrelated real transfer, for the seller whose receipt names another transaction.
  const wallet = createWalletClient({ account: privateKeyToAccount(sandbox.accounts.buyers[2].privateKey), chain: localBaseSepolia(sandbox.rpcUrl), transport: http(sandbox.rpcUrl) });
  otherTransaction = await wallet.writeContract({ address: USDC, abi: parseAbi(['function transfer(address,uint256) returns (bool)']), functionName: 'transfer', args: ['0x000000000000000000000000000000000000dEaD', 1000n] });
  // An earlier genuine settlement by the same buyer to the same payTo for the same price, for the stale receipt.
  const honest = await startGate({ version: 2, verify: 'facilitator', settle: 'before-response', receipt: 'real' }, { facilitatorUrl: sandbox.facilitatorUrl, rpcUrl: sandbox.rpcUrl, payTo: sandbox.accounts.sellers[0].address });
  try {
    const { report } = await run({ url: honest.url, rpc: sandbox.rpcUrl, pay: { signer: await signerFromKey(sandbox.accounts.buyers[0].privateKey), maxAmount: '0.01', mainnet: false } });
    expect(report.checks.find((c) => c.id === 'pay.settlement-onchain')?.status).toBe('pass');
    staleSettlement = report.payment!.transaction as string;
  } finally {
    await honest.close();
  }
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('broken paid sellers', () => {
  it('a paid probe without a chain read signs nothing and does not pass (made-up receipts cannot pass unverified)', async () => {
    const entry = PAID_DEFECTS.find((e) => e.id === 'made-up-transaction-hash')!;
    const gate = await startGate(entry.behaviour, { facilitatorUrl: sandbox.facilitatorUrl, rpcUrl: sandbox.rpcUrl, payTo: sandbox.accounts.sellers[0].address });
    try {
      const signer = await signerFromKey(sandbox.accounts.buyers[0].privateKey);
      const { report, artifacts } = await run({ url: gate.url, pay: { signer, maxAmount: '0.01', mainnet: false } });
      expect(report.verdict).toBe('fail');
      expect(report.checks.find((c) => c.id === 'pay.within-limits')?.message).toMatch(/reads no chain/);
      expect(artifacts.payment?.paid).toBeNull();
    } finally {
      await gate.close();
    }
  });

  for (const entry of PAID_DEFECTS) {
    it(`${entry.id}: ${entry.defect}`, async () => {
      const payTo = sandbox.accounts.sellers[0].address;
      const gate = await startGate(entry.behaviour, { facilitatorUrl: sandbox.facilitatorUrl, rpcUrl: sandbox.rpcUrl, payTo, otherTransaction, staleSettlement });
      try {
        const signer = await signerFromKey(sandbox.accounts.buyers[0].privateKey);
        const also = entry.alsoPath ? [new URL(entry.alsoPath, gate.url).href] : undefined;
        const { report, artifacts } = await run({ url: gate.url, body: '{"model":"tiny"}', rpc: sandbox.rpcUrl, also, pay: { signer, maxAmount: '0.01', mainnet: false, ...entry.pay } });
        await gate.settled();
        for (const { check, status, messageId } of entry.expect) {
          const result = report.checks.find((c) => c.id === check);
          expect(result?.status, `${check}: ${result?.message}`).toBe(status);
          if (messageId) expect(result?.messageId, `${check}: ${result?.message}`).toBe(messageId);
        }
        expect(report.verdict).toBe('fail');
        // Exposure: every authorization the funded key signed shares one nonce, none above the cap.
        const session = artifacts.payment!;
        const signed = [session.underpaid, session.wrongRecipient, session.expired, session.paid, ...(session.paidCopies ?? []), ...(session.crossRoute ?? [])].filter((a) => a !== null);
        const nonces = new Set(signed.map((a) => (JSON.parse(Buffer.from(a!.headerValue, 'base64').toString()).payload.authorization.nonce as string)));
        expect(nonces.size).toBe(1);
        for (const a of signed) expect(BigInt(a!.value!)).toBeLessThanOrEqual(10_000n);
        // The follow-ups: each a nonce of its own, all within --max-total (default: none beyond the paid one).
        const fresh = [artifacts.followUp?.identifierFresh, artifacts.followUp?.payFailure].filter((a) => a?.value != null);
        const budget = BigInt(Math.round(Number(entry.pay?.maxTotal ?? '0.001') * 1e6));
        expect(fresh.reduce((sum, a) => sum + BigInt(a!.value!), 1000n)).toBeLessThanOrEqual(budget);
      } finally {
        await gate.close();
      }
    });
  }
});
