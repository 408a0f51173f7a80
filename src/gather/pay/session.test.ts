/**
 * The paid session against a loopback seller that re-challenges every payment (nothing
 * settles), with the sandbox chain as the chain read: what the gatherer signs and sends. The
 * served and settled path is test/paid/sandbox-sellers.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AMOUNT, decodePaymentHeader, PAY_TO } from '../../../fixtures/sellers/challenge.js';
import { makeSeller, paymentHeaderOf } from '../../../fixtures/sellers/good.js';
import { type FixtureServer, startFixtureServer } from '../../../fixtures/sellers/server.js';
import { gatherWith } from '../../../test/helpers/gather.js';
import type { WireAuthorization } from '../../protocol/eip3009.js';
import { startSandbox } from '../../sandbox/startSandbox.js';
import type { Sandbox } from '../../sandbox/types.js';
import { challengeGatherer } from '../challenge.js';
import { tokenInfoGatherer } from '../tokenInfo.js';
import { unpaidGatherer } from '../unpaid.js';
import { signerFromKey } from './buyerSigner.js';
import { DEFAULT_REPLAY_CONCURRENCY, paymentGatherer } from './session.js';

let sandbox: Sandbox;
let seller: FixtureServer;
let payments: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  const handler = makeSeller('v2');
  seller = await startFixtureServer((req, res, ctx) => {
    const payment = paymentHeaderOf(req);
    if (payment !== undefined) payments.push(payment);
    return handler(req, res, ctx);
  });
});

afterAll(async () => {
  await seller?.close();
  await sandbox?.stop();
});

beforeEach(() => {
  payments = [];
});

const before = [unpaidGatherer, challengeGatherer, tokenInfoGatherer];
const authorizationOf = (header: string): WireAuthorization => (decodePaymentHeader(header) as { payload: { authorization: WireAuthorization } }).payload.authorization;

describe('paymentGatherer', () => {
  it('signs one authorization, sends three attack variants with its nonce, then the payment as copies at once, its replay, and at --also', async () => {
    const buyer = sandbox.accounts.buyers[0];
    const pay = { signer: await signerFromKey(buyer.privateKey), maxAmount: '0.01', mainnet: false };
    const also = [`${seller.url}/other`];
    const { artifact: session, artifacts } = await gatherWith(paymentGatherer, { url: seller.url, rpc: sandbox.rpcUrl, pay, before, also });
    expect(session?.error).toBeNull();
    expect(session?.plan.refused).toBeNull();
    expect(payments).toHaveLength(3 + DEFAULT_REPLAY_CONCURRENCY + 1 + 1);
    // Every variant was answered before the payment went out; the copies, the replay and the other route carry the payment again.
    expect(new Set(payments.slice(3))).toEqual(new Set([session?.paid?.headerValue]));
    expect(session?.paidCopies).toHaveLength(DEFAULT_REPLAY_CONCURRENCY - 1);
    expect(session?.crossRoute?.map((a) => [a.url, a.exchange?.status])).toEqual([[also[0], 402]]);
    // Nothing was served: the token says the authorization is unused.
    expect(session?.nonceUsedUnserved).toBe(false);
    const byValue = new Map(payments.slice(0, 3).map((h) => [h, authorizationOf(h)]));
    const variants = [session?.underpaid, session?.wrongRecipient, session?.expired].map((a) => byValue.get(a?.headerValue ?? ''));
    const [underpaid, wrongRecipient, expired] = variants;
    const paid = authorizationOf(payments[3]);
    for (const a of [...variants, paid]) expect(a?.nonce).toBe(session?.nonce);
    expect(paid).toMatchObject({ from: buyer.address, to: PAY_TO, value: AMOUNT });
    expect(underpaid?.value).toBe(String(BigInt(AMOUNT) - 1n));
    expect(wrongRecipient?.to).toBe(buyer.address);
    expect(Number(expired?.validBefore)).toBeLessThan(artifacts.target?.nowSeconds ?? 0);
    // The seller re-challenged everything: no money moved.
    const { before: start, afterPaid, afterReplay, error } = session?.balances ?? {};
    expect(error).toBeNull();
    expect(afterPaid).toEqual(start);
    expect(afterReplay).toEqual(start);
  });

  it('signs and sends nothing above --max-amount, and says why', async () => {
    const pay = { signer: await signerFromKey(sandbox.accounts.buyers[1].privateKey), maxAmount: '0.001', mainnet: false };
    const { artifact: session } = await gatherWith(paymentGatherer, { url: seller.url, rpc: sandbox.rpcUrl, pay, before });
    expect(session?.plan.refused).toMatch(/max-amount/);
    expect(session?.paid).toBeNull();
    expect(session?.nonce).toBeNull();
    expect(payments).toEqual([]);
  });

  it('is not gathered without --pay, nor without a challenge', async () => {
    expect((await gatherWith(paymentGatherer, { url: seller.url, before })).notGathered).toBe('no --pay given');
    const pay = { signer: await signerFromKey(sandbox.accounts.buyers[1].privateKey), maxAmount: '0.01', mainnet: false };
    // Nothing listens on port 9: the unpaid request gets no response, so there is no challenge to pay.
    const unreachable = await gatherWith(paymentGatherer, { url: 'http://127.0.0.1:9/', pay, before: [unpaidGatherer, challengeGatherer] });
    expect(unreachable.notGathered).toBe('needs "challenge", which was not gathered: no response to the unpaid request');
  });
});
