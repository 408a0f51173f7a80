/**
 * The follow-ups against a careful loopback gate (payment-identifier cache, settling only once
 * its upstream served) on the sandbox chain: what followUpGatherer signs and sends within the run
 * budget, and what the chain says of it. The broken gates are in test/paid/broken-paid-sellers.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGate, type StartedGate } from '../../../fixtures/paid-sellers/gate.js';
import { gatherWith } from '../../../test/helpers/gather.js';
import { startSandbox } from '../../sandbox/startSandbox.js';
import type { Sandbox } from '../../sandbox/types.js';
import { challengeGatherer } from '../challenge.js';
import { tokenInfoGatherer } from '../tokenInfo.js';
import { unpaidGatherer } from '../unpaid.js';
import { signerFromKey } from './buyerSigner.js';
import { followUpGatherer } from './followUp.js';
import { paymentGatherer } from './session.js';

let sandbox: Sandbox;
let gate: StartedGate;
const before = [unpaidGatherer, challengeGatherer, tokenInfoGatherer, paymentGatherer];

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  gate = await startGate(
    { version: 2, verify: 'facilitator', settle: 'after-upstream', receipt: 'real', paymentIdentifier: 'cache', upstreamFailsOn: 'no-such-model', siwx: 'honour' },
    { facilitatorUrl: sandbox.facilitatorUrl, rpcUrl: sandbox.rpcUrl, payTo: sandbox.accounts.sellers[0].address },
  );
});

afterAll(async () => {
  await gate?.close();
  await sandbox?.stop();
});

describe('followUpGatherer', () => {
  it('with three prices: repeats the identified payment, sends a fresh one under its identifier and the failing body, and none of them settles', async () => {
    const pay = { signer: await signerFromKey(sandbox.accounts.buyers[0].privateKey), maxAmount: '0.01', mainnet: false, maxTotal: '0.003', failureBody: '{"model":"no-such-model"}' };
    const { artifact: f, artifacts } = await gatherWith(followUpGatherer, { url: gate.url, body: '{"model":"tiny"}', rpc: sandbox.rpcUrl, pay, before });
    expect(f?.error).toBeNull();
    expect(f?.budget).toEqual({ totalCapAtomic: '3000', priceAtomic: '1000', extraPrices: 2 });
    expect(f?.paidPaymentId).toMatch(/^pay_/);
    expect(f?.identifierRetry).toMatchObject({ notSent: null, headerValue: artifacts.payment?.paid?.headerValue, paymentId: f?.paidPaymentId });
    expect(f?.identifierRetry.exchange?.status).toBe(200);
    // A new nonce under the paid identifier: answered 409, never settled.
    expect(f?.identifierFresh).toMatchObject({ notSent: null, paymentId: f?.paidPaymentId, authorizationUsed: false });
    expect(f?.identifierFresh.nonce).not.toBe(artifacts.payment?.nonce);
    expect(f?.identifierFresh.exchange?.status).toBe(409);
    // The failing body under an identifier of its own: the upstream failed, nothing settled, no money moved.
    expect(f?.payFailure).toMatchObject({ notSent: null, authorizationUsed: false });
    expect(f?.payFailure?.paymentId).not.toBe(f?.paidPaymentId);
    expect(f?.payFailure?.exchange?.status).toBe(404);
    expect(f?.balances.after).toEqual(f?.balances.before);
    // Signed in as the buyer who paid: served, no payment header at all.
    expect(f?.siwx.notSent).toBeNull();
    expect(f?.siwx.exchange?.status).toBe(200);
    expect(Object.keys(f?.siwx.exchange?.request.headers ?? {})).toContain('sign-in-with-x');
    expect(f?.siwx.exchange?.request.headers['payment-signature']).toBeUndefined();
  });

  it('by default (one price per run) signs no second authorization, and says --max-total', async () => {
    const pay = { signer: await signerFromKey(sandbox.accounts.buyers[1].privateKey), maxAmount: '0.01', mainnet: false, failureBody: '{"model":"no-such-model"}' };
    const sent = gate.requests();
    const { artifact: f } = await gatherWith(followUpGatherer, { url: gate.url, rpc: sandbox.rpcUrl, pay, before });
    expect(f?.budget.extraPrices).toBe(0);
    expect(f?.identifierFresh.notSent).toMatch(/--max-total: the default, one price.*--max-total 0\.003/);
    expect(f?.payFailure?.notSent).toMatch(/--max-total/);
    expect([f?.identifierFresh.headerValue, f?.payFailure?.headerValue]).toEqual([null, null]);
    // unpaid, three variants, the paid request as five copies, replay, the identified retry and the sign-in: no payment with a second nonce.
    expect(gate.requests() - sent).toBe(12);
  });

  it('with two prices, --pay-failure takes the spare one', async () => {
    const pay = { signer: await signerFromKey(sandbox.accounts.buyers[1].privateKey), maxAmount: '0.01', mainnet: false, maxTotal: '0.002', failureBody: '{"model":"no-such-model"}' };
    const { artifact: f } = await gatherWith(followUpGatherer, { url: gate.url, rpc: sandbox.rpcUrl, pay, before });
    expect(f?.payFailure?.notSent).toBeNull();
    expect(f?.identifierFresh.notSent).toMatch(/--max-total 0\.003/);
  });

  it('is not gathered without --pay', async () => {
    expect((await gatherWith(followUpGatherer, { url: gate.url, before })).notGathered).toBe('no --pay given');
  });
});
