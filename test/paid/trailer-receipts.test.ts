/**
 * Receipts in trailers, as obol's proxy sends them after a streamed (SSE) answer, against real money
 * on the sandbox chain: an honest trailer receipt passes, and a hostile streamed seller (a receipt
 * for another transaction, a stream that never ends, trailers past the header cap) fails a check
 * instead of hanging or crashing the probe.
 */
import { createWalletClient, http, parseAbi } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GateBehaviour, startGate, USDC } from '../../fixtures/paid-sellers/gate.js';
import { run } from '../../src/engine/run.js';
import { signerFromKey } from '../../src/gather/pay/buyerSigner.js';
import { localBaseSepolia } from '../../src/sandbox/chain.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { payNotPassing } from '../helpers/payChecks.js';

let sandbox: Sandbox;
let otherTransaction: string;

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  const wallet = createWalletClient({ account: privateKeyToAccount(sandbox.accounts.buyers[2].privateKey), chain: localBaseSepolia(sandbox.rpcUrl), transport: http(sandbox.rpcUrl) });
  otherTransaction = await wallet.writeContract({ address: USDC, abi: parseAbi(['function transfer(address,uint256) returns (bool)']), functionName: 'transfer', args: ['0x000000000000000000000000000000000000dEaD', 1000n] });
});

afterAll(async () => {
  await sandbox?.stop();
});

async function probe(behaviour: GateBehaviour, timeoutMs = 10_000) {
  const gate = await startGate(behaviour, { facilitatorUrl: sandbox.facilitatorUrl, rpcUrl: sandbox.rpcUrl, payTo: sandbox.accounts.sellers[0].address, otherTransaction });
  try {
    const signer = await signerFromKey(sandbox.accounts.buyers[0].privateKey);
    // Another path of the same gate, where the used payment must be refused too.
    const { report } = await run({ url: gate.url, rpc: sandbox.rpcUrl, timeoutMs, also: [new URL('/other', gate.url).href], pay: { signer, maxAmount: '0.01', mainnet: false } });
    const result = (id: string) => report.checks.find((c) => c.id === id);
    return { report, result };
  } finally {
    await gate.close();
  }
}

describe('settlement receipts in HTTP trailers', () => {
  it('an honest streamed answer with its receipt as a trailer passes every pay.* check', async () => {
    const { report, result } = await probe({ version: 2, verify: 'facilitator', settle: 'before-response', receipt: 'real', delivery: 'trailers' });
    const notPassing = payNotPassing(report.checks);
    expect(notPassing).toEqual([]);
    expect(result('pay.settlement-header')?.message).toContain('PAYMENT-RESPONSE (trailer)');
    expect(report.payment?.transaction).toMatch(/^0x[0-9a-f]{64}$/);
    expect(report.payment?.receiptIn).toBe('trailer');
  });

  it('a trailer receipt naming another transaction fails pay.settlement-onchain', async () => {
    const { report, result } = await probe({ version: 2, verify: 'facilitator', settle: 'never', receipt: 'other-transaction', delivery: 'trailers' });
    expect(result('pay.settlement-header')?.status).toBe('pass');
    expect(result('pay.settlement-onchain')?.messageId).toBe('noAuthorization');
    expect(report.verdict).toBe('fail');
  });

  it('a paid stream that never ends fails pay.settlement-header within the run deadline, not a hang', async () => {
    const started = performance.now();
    const { report, result } = await probe({ version: 2, verify: 'facilitator', settle: 'before-response', receipt: 'real', delivery: 'endless-stream' }, 1_500);
    expect(performance.now() - started).toBeLessThan(3 * 1_500 + 2_000);
    expect(result('pay.paid-served')?.status).toBe('pass');
    expect(result('pay.settlement-header')?.messageId).toBe('streamUnfinished');
    expect(report.verdict).toBe('fail');
  });

  it('trailers past the header cap are dropped with the connection: pay.settlement-header fails, nothing crashes', async () => {
    const { report, result } = await probe({ version: 2, verify: 'facilitator', settle: 'before-response', receipt: 'real', delivery: 'huge-trailers' });
    expect(result('pay.settlement-header')?.messageId).toBe('streamUnfinished');
    expect(result('pay.settlement-header')?.message).toContain('headers-too-large');
    expect(report.verdict).toBe('fail');
  });
});
