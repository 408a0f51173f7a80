/** `check --pay --feedback` on the sandbox chain: Reputation feedback tied to a real settlement. */
import { decodeEventLog, type Abi } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { reputationRegistryAbi } from '../../src/registry/trustAbi.js';
import { hashOf } from '../../src/registry/validationDocument.js';
import { sandboxChain } from '../../src/sandbox/chain.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { captureIO } from '../helpers/cli.js';
import { expectNoKeyIn } from './keyForms.js';

let sandbox: Sandbox;
const printed: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox?.stop();
});

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const { io, out, err } = captureIO(env);
  const code = await main(argv, io);
  printed.push(out(), err());
  return { code, out: out(), err: err() };
}

const BODY = '{"model":"qwen3:0.6b","messages":[{"role":"user","content":"hi"}]}';

describe('check --pay --feedback', () => {
  it('leaves feedback from the payer whose proofOfPayment is the settlement transaction, and registry show counts it', async () => {
    const seller = sandbox.sellers.find((s) => s.name === 'v2-express')!;
    const buyer = sandbox.accounts.buyers[0];
    const { code, out, err } = await cli(
      ['check', seller.url, '-X', seller.method, '-d', BODY, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--agent', `84532:${seller.agentId}`, '--feedback', '--json'],
      { BUYER_KEY: buyer.privateKey },
    );
    expect(code, err).toBe(0);
    const report = JSON.parse(out);
    expect(report.feedback).toMatchObject({ sent: true, value: 100, valueDecimals: 0, agentId: seller.agentId, endpoint: seller.url, reason: null });
    const settlementTx = report.payment.transaction as string;
    expect(settlementTx).toMatch(/^0x[0-9a-f]{64}$/);
    expect(report.feedback.proofOfPayment).toMatchObject({ fromAddress: buyer.address, chainId: 84532, txHash: settlementTx });

    // The feedback event on chain: from the payer, for the agent, its file's hash and its proof.
    const chain = sandboxChain(sandbox.rpcUrl);
    const receipt = await chain.publicClient.getTransactionReceipt({ hash: report.feedback.transaction.hash });
    const log = receipt.logs.find((l) => l.address.toLowerCase() === sandbox.reputationRegistry.toLowerCase())!;
    const event = decodeEventLog({ abi: reputationRegistryAbi as Abi, data: log.data, topics: log.topics }) as unknown as { eventName: string; args: Record<string, unknown> };
    expect(event.eventName).toBe('NewFeedback');
    expect(event.args).toMatchObject({ agentId: BigInt(seller.agentId), clientAddress: buyer.address, value: 100n, valueDecimals: 0, endpoint: seller.url });
    const file = Buffer.from(String(event.args.feedbackURI).split(',')[1], 'base64').toString('utf8');
    expect(hashOf(file)).toBe(event.args.feedbackHash);
    expect(JSON.parse(file).proofOfPayment.txHash).toBe(settlementTx);
    const settlement = await chain.publicClient.getTransactionReceipt({ hash: settlementTx as `0x${string}` });
    expect(settlement.status).toBe('success');

    const shown = await cli(['registry', 'show', `84532:${seller.agentId}`, '--rpc', sandbox.rpcUrl, '--json']);
    const trust = JSON.parse(shown.out).trust;
    expect(trust.reputation).toMatchObject({ count: '1', average: '100', clients: 1 });
    expect(trust.reputation.recent[0]).toMatchObject({ client: buyer.address, value: '100' });
  });

  it('is refused as a usage error without --pay, --key-env or --agent', async () => {
    const seller = sandbox.sellers[0];
    expect((await cli(['check', seller.url, '--feedback'])).err).toMatch(/--feedback only applies with --pay/);
    expect((await cli(['check', seller.url, '--feedback', '--pay', '--signer', 'http://127.0.0.1:9'])).err).toMatch(/--feedback needs --key-env/);
    const noAgent = await cli(['check', seller.url, '--feedback', '--pay', '--key-env', 'K'], { K: sandbox.accounts.buyers[1].privateKey });
    expect(noAgent.code).toBe(2);
    expect(noAgent.err).toMatch(/--feedback needs --agent/);
  });

  it('leaves none, and says why, when nothing settled (a payment over --max-amount is never made)', async () => {
    const seller = sandbox.sellers.find((s) => s.name === 'v2-express')!;
    const { out } = await cli(
      ['check', seller.url, '-X', seller.method, '-d', BODY, '--pay', '--max-amount', '0.000001', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--agent', `84532:${seller.agentId}`, '--feedback', '--json'],
      { BUYER_KEY: sandbox.accounts.buyers[1].privateKey },
    );
    const report = JSON.parse(out);
    expect(report.feedback).toMatchObject({ sent: false, transaction: null });
    expect(report.feedback.reason).toMatch(/no settlement was confirmed on chain/);
  });

  it('leaves none for an agent that does not list the paid endpoint (a seller naming someone else\'s agent to rate)', async () => {
    // Paying one seller while naming another seller's agent: the feedback would land on an agent
    // this payment says nothing about (with --agent auto the seller's own well-known file names it).
    const seller = sandbox.sellers.find((s) => s.name === 'v2-express')!;
    const other = sandbox.sellers.find((s) => s.agentId !== seller.agentId && !s.url.startsWith(seller.url))!;
    const { out } = await cli(
      ['check', seller.url, '-X', seller.method, '-d', BODY, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--agent', `84532:${other.agentId}`, '--feedback', '--json'],
      { BUYER_KEY: sandbox.accounts.buyers[2].privateKey },
    );
    const report = JSON.parse(out);
    expect(report.payment.transaction).toMatch(/^0x[0-9a-f]{64}$/);
    expect(report.feedback).toMatchObject({ sent: false, transaction: null, agentId: other.agentId });
    expect(report.feedback.reason).toMatch(/does not list the paid endpoint/);
  });

  it('publishes the endpoint without the userinfo of the URL the user typed (credentials stay off chain)', async () => {
    const seller = sandbox.sellers.find((s) => s.name === 'v2-express')!;
    const typed = new URL(seller.url);
    typed.username = 'apiuser';
    typed.password = 's3cretpass';
    const { out, err } = await cli(
      ['check', typed.toString(), '-X', seller.method, '-d', BODY, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--agent', `84532:${seller.agentId}`, '--feedback', '--json'],
      { BUYER_KEY: sandbox.accounts.buyers[1].privateKey },
    );
    const report = JSON.parse(out);
    expect(report.feedback, `${err} ${report.feedback.reason}`).toMatchObject({ sent: true, endpoint: seller.url });
    const tx = await sandboxChain(sandbox.rpcUrl).publicClient.getTransaction({ hash: report.feedback.transaction.hash });
    const onChain = Buffer.from(tx.input.slice(2), 'hex').toString('latin1');
    expect(onChain).not.toContain('s3cret');
    expect(Buffer.from(String(report.feedback.feedbackURI).split(',')[1], 'base64').toString('utf8')).not.toContain('s3cret');
  });

  it('prints no key in any encoding', () => {
    const all = printed.join('\n');
    for (const buyer of sandbox.accounts.buyers) expectNoKeyIn(all, buyer.privateKey);
  });
});
