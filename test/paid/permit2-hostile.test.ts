/**
 * A hostile loopback upto seller that serves every payment and answers a made-up receipt: the
 * probe's attacks reach it in Permit2 form (one unit under the signed maximum, witness.to = the
 * buyer, a past deadline, the replay), all under the paid payment's Permit2 nonce, and each is
 * caught; the made-up settlement fails on chain; no money moves.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAY_TO, v2PaymentRequired, v2Requirement } from '../helpers/artifacts.js';
import { run } from '../../src/engine/run.js';
import { signerFromKey } from '../../src/gather/pay/buyerSigner.js';
import { UPTO_PERMIT2_PROXY } from '../../src/protocol/permit2.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';

type Permit2Auth = { permitted: { amount: string }; spender: string; nonce: string; deadline: string; witness: { to: string; facilitator: string } };

let sandbox: Sandbox;
let seller: Server;
let url: string;
const received: Permit2Auth[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  const requirement = v2Requirement({ scheme: 'upto', extra: { assetTransferMethod: 'permit2', facilitatorAddress: sandbox.accounts.facilitator.address } });
  const challenge = Buffer.from(JSON.stringify(v2PaymentRequired([requirement]))).toString('base64');
  seller = createServer((req, res) => {
    const header = req.headers['payment-signature'];
    if (typeof header !== 'string') {
      res.writeHead(402, { 'payment-required': challenge, 'content-type': 'application/json' });
      return res.end('{}');
    }
    try {
      const permit = (JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as { payload?: { permit2Authorization?: Permit2Auth } }).payload?.permit2Authorization;
      if (permit) received.push(permit);
    } catch {
      // the malformed and garbage attacks
    }
    const receipt = Buffer.from(JSON.stringify({ success: true, transaction: `0x${'ee'.repeat(32)}`, network: 'eip155:84532', amount: '10000' })).toString('base64');
    res.writeHead(200, { 'payment-response': receipt, 'content-type': 'application/json' });
    res.end('{"answer":42}');
  });
  await new Promise<void>((resolve) => seller.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(seller.address() as AddressInfo).port}/weather`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => seller?.close(() => resolve()));
  await sandbox?.stop();
});

describe('a hostile upto seller that serves everything', () => {
  it('is caught by each Permit2 attack and by the chain, and no money moves', async () => {
    const buyer = sandbox.accounts.buyers[1];
    const { report, artifacts } = await run({ url, rpc: sandbox.rpcUrl, pay: { signer: await signerFromKey(buyer.privateKey), maxAmount: '0.01', mainnet: false } });
    const status = (id: string) => report.checks.find((c) => c.id === id)?.status;
    for (const id of ['pay.underpaid-rejected', 'pay.wrong-recipient-rejected', 'pay.expired-rejected', 'pay.replay-rejected', 'pay.concurrent-replay-rejected', 'pay.settlement-onchain', 'pay.balance-delta']) expect(status(id), id).toBe('fail');

    const payment = artifacts.payment!;
    const ofRun = received.filter((a) => a.nonce === payment.nonce);
    // The forged payment (a throwaway key, its own nonce) aside: three attacks, the payment as five copies and its replay, one nonce.
    expect(ofRun).toHaveLength(9);
    for (const a of ofRun) expect(a.spender).toBe(UPTO_PERMIT2_PROXY);
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect(ofRun.some((a) => a.permitted.amount === '9999')).toBe(true);
    expect(ofRun.some((a) => a.witness.to.toLowerCase() === buyer.address.toLowerCase())).toBe(true);
    expect(ofRun.some((a) => Number(a.deadline) < nowSeconds - 60)).toBe(true);
    // Nothing the buyer signed names more than the cap or anyone but payTo or the buyer.
    for (const a of ofRun) {
      expect(BigInt(a.permitted.amount)).toBeLessThanOrEqual(10000n);
      expect([PAY_TO.toLowerCase(), buyer.address.toLowerCase()]).toContain(a.witness.to.toLowerCase());
    }
    expect(payment.balances?.before?.payer).toBe(payment.balances?.afterReplay?.payer);
  }, 120_000);
});
