/**
 * --approve-permit2 against a hostile Permit2 seller, on the sandbox's real FiatToken USDC: a
 * buyer without the allowance stops with exit 2 and one line naming the approval; with the flag
 * it approves canonical Permit2 for exactly the cap, the report shows the transaction, the key
 * shows nowhere; a requirement the plan refuses (a mainnet) approves nothing.
 */
import http from 'node:http';
import { erc20Abi } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/context.js';
import { run } from '../../src/engine/run.js';
import { ConfigError } from '../../src/errors.js';
import { signerFromKey } from '../../src/gather/pay/buyerSigner.js';
import { PERMIT2_ADDRESS } from '../../src/protocol/permit2.js';
import { sandboxChain } from '../../src/sandbox/chain.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox, SandboxAccount } from '../../src/sandbox/types.js';

const PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

let sandbox: Sandbox;
let buyer: SandboxAccount;
let accepts: Record<string, unknown>[] = [];
let server: http.Server;
let url = '';

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  buyer = sandbox.accounts.buyers[1];
  // The seller answers 402 to everything, paid or not: only what the buyer does on chain matters here.
  server = http.createServer((req, res) => {
    const pr = { x402Version: 2, error: 'Payment required', resource: { url: `http://${req.headers.host}${req.url}`, description: 'd', mimeType: 'application/json' }, accepts };
    res.writeHead(402, { 'payment-required': Buffer.from(JSON.stringify(pr)).toString('base64'), 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/paid`;
});

afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()));
  await sandbox?.stop();
});

const permit2Requirement = (o: Record<string, unknown> = {}) => ({
  scheme: 'exact', network: 'eip155:84532', amount: '1000', asset: sandbox.usdc, payTo: PAY_TO, maxTimeoutSeconds: 60,
  extra: { name: 'USDC', version: '2', assetTransferMethod: 'permit2' }, ...o,
});

const allowance = () =>
  sandboxChain(sandbox.rpcUrl).publicClient.readContract({ address: sandbox.usdc, abi: erc20Abi, functionName: 'allowance', args: [buyer.address, PERMIT2_ADDRESS] });

async function resetAllowance(): Promise<void> {
  const chain = sandboxChain(sandbox.rpcUrl);
  await chain.confirm(await chain.walletFor(buyer).writeContract({ address: sandbox.usdc, abi: erc20Abi, functionName: 'approve', args: [PERMIT2_ADDRESS, 0n] } as never), 'reset');
}

async function probe(approve: boolean, maxAmount = '0.005') {
  const signer = await signerFromKey(buyer.privateKey);
  return run({
    url, rpc: sandbox.rpcUrl, timeoutMs: 5_000, attacks: false,
    pay: { signer, maxAmount, mainnet: false, ...(approve ? { approvePermit2: privateKeyToAccount(buyer.privateKey) } : {}) },
  });
}

describe('--approve-permit2', () => {
  it('without the flag: a ConfigError of one line naming the approval, and nothing approved', async () => {
    await resetAllowance();
    accepts = [permit2Requirement()];
    const error = await probe(false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(PERMIT2_ADDRESS);
    expect(message).toMatch(/--approve-permit2/);
    expect(await allowance()).toBe(0n);
  });

  it('with the flag: canonical Permit2 approved for exactly the cap, and the report shows the transaction', async () => {
    await resetAllowance();
    accepts = [permit2Requirement()];
    const { report } = await probe(true);
    expect(await allowance()).toBe(5000n);
    const approval = (report.payment as { permit2Approval?: Record<string, unknown> } | undefined)?.permit2Approval;
    expect(approval).toMatchObject({ spender: PERMIT2_ADDRESS, approved: '5000', status: 'success', transaction: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    const tx = await sandboxChain(sandbox.rpcUrl).publicClient.getTransaction({ hash: approval!.transaction as `0x${string}` });
    expect(tx.to?.toLowerCase()).toBe(sandbox.usdc.toLowerCase());
    expect(tx.from.toLowerCase()).toBe(buyer.address.toLowerCase());
  });

  it('approves nothing for a requirement the plan refuses (a mainnet without --mainnet, a price over the cap)', async () => {
    await resetAllowance();
    for (const hostile of [permit2Requirement({ network: 'eip155:8453' }), permit2Requirement({ amount: '5001' })]) {
      accepts = [hostile];
      const { report } = await probe(true);
      expect((report.payment as { plan: { refused: unknown } }).plan.refused).toEqual(expect.any(String));
      expect(await allowance()).toBe(0n);
    }
  });

  it('a hostile token cannot make the approval burn the buyer\'s gas: the approve transaction is capped', async () => {
    // Every call burns ~2.6M gas in a loop, then answers uint 6 (decimals 6, allowance 6, approve "true").
    const burner = '0x00000000000000000000000000000000000000b2' as const;
    const loop = '0x620186a05b600190038060045750600660005260206000f3' as const;
    await sandboxChain(sandbox.rpcUrl).testClient.setCode({ address: burner, bytecode: loop });
    accepts = [permit2Requirement({ asset: burner })];
    const hash = await probe(true).then(
      ({ report }) => (report.payment as { permit2Approval?: { transaction?: string } }).permit2Approval?.transaction,
      (error: Error) => /0x[0-9a-f]{64}/.exec(error.message)?.[0],
    );
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
    const receipt = await sandboxChain(sandbox.rpcUrl).publicClient.getTransactionReceipt({ hash: hash as `0x${string}` });
    expect(receipt.to).toBe(burner);
    expect(receipt.gasUsed).toBeLessThanOrEqual(100_000n);
  });

  it('the CLI: exit 2 and one line without the flag; with it the JSON shows the approval; the key appears in neither', async () => {
    await resetAllowance();
    accepts = [permit2Requirement()];
    const cli = async (argv: string[]) => {
      let out = '';
      let err = '';
      const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, color: false, env: { BUYER_KEY: buyer.privateKey }, waitForInterrupt: () => new Promise(() => {}) };
      const code = await main(['check', url, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--no-attacks', '--max-amount', '0.005', '--json', ...argv], io);
      const all = (out + err).toLowerCase();
      for (const form of [buyer.privateKey.slice(2).toLowerCase(), Buffer.from(buyer.privateKey.slice(2), 'hex').toString('base64').toLowerCase()]) expect(all).not.toContain(form);
      return { code, out, err };
    };
    const refused = await cli([]);
    expect(refused.code).toBe(2);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/--approve-permit2/);
    const approved = await cli(['--approve-permit2']);
    const report = JSON.parse(approved.out.slice(approved.out.indexOf('{'))) as { payment: { permit2Approval?: { approved: string; transaction: string } } };
    expect(report.payment.permit2Approval).toMatchObject({ approved: '5000', transaction: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    expect(await allowance()).toBe(5000n);
  });
});
