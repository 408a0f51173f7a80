import { toClientEvmSigner } from '@x402/evm';
import { registerExactEvmScheme } from '@x402/evm/exact/client';
import { ExactEvmSchemeV1 } from '@x402/evm/exact/v1/client';
import { wrapFetchWithPayment, x402Client } from '@x402/fetch';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox, SandboxAccount, SandboxSeller } from '../../src/sandbox/types.js';
import { chatInit, decodeBase64Json, legacyWalletFor, publicClientFor, recordingFetch, seller, usdcBalance } from './helpers.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox?.stop();
});

/** The official v2 buyer: x402Client + @x402/evm exact scheme (v2, and v1 through registerV1). */
function officialBuyer(account: SandboxAccount, recorder = recordingFetch()) {
  const signer = toClientEvmSigner(privateKeyToAccount(account.privateKey), publicClientFor(sandbox));
  const client = new x402Client();
  registerExactEvmScheme(client, { signer });
  client.registerV1('base-sepolia', new ExactEvmSchemeV1(signer));
  return { pay: wrapFetchWithPayment(recorder.fetch, client), sent: recorder.sent };
}

async function balances(buyer: SandboxAccount, target: SandboxSeller): Promise<[bigint, bigint]> {
  return [await usdcBalance(sandbox, buyer.address), await usdcBalance(sandbox, target.payTo)];
}

async function expectPaidExactly(buyer: SandboxAccount, target: SandboxSeller, before: [bigint, bigint]): Promise<void> {
  const [buyerAfter, payToAfter] = await balances(buyer, target);
  expect(before[0] - buyerAfter).toBe(BigInt(target.amount));
  expect(payToAfter - before[1]).toBe(BigInt(target.amount));
}

describe('official buyers pay the sandbox sellers', () => {
  it('@x402/fetch pays the v2 @x402/express seller', async () => {
    const target = seller(sandbox, 'v2-express');
    const buyer = sandbox.accounts.buyers[0];
    const before = await balances(buyer, target);
    const response = await officialBuyer(buyer).pay(target.url, chatInit());
    expect(response.status).toBe(200);
    expect(((await response.json()) as { object: string }).object).toBe('chat.completion');
    expect(decodeBase64Json(response.headers.get('payment-response'))).toMatchObject({ success: true, network: 'eip155:84532' });
    await expectPaidExactly(buyer, target, before);
  });

  it('@x402/fetch pays the obol-style gate and gets both receipt headers', async () => {
    const target = seller(sandbox, 'obol-gate');
    const buyer = sandbox.accounts.buyers[0];
    const before = await balances(buyer, target);
    const response = await officialBuyer(buyer).pay(target.url, chatInit());
    expect(response.status).toBe(200);
    const receipt = decodeBase64Json(response.headers.get('payment-response'));
    expect(receipt).toMatchObject({ success: true, network: 'eip155:84532', payer: buyer.address });
    expect(response.headers.get('x-payment-response')).toBe(response.headers.get('payment-response'));
    await expectPaidExactly(buyer, target, before);
  });

  it('the legacy x402-fetch pays the v1 x402-express seller', async () => {
    const target = seller(sandbox, 'v1-express');
    const buyer = sandbox.accounts.buyers[1];
    const before = await balances(buyer, target);
    const { wrapFetchWithPayment: legacyWrap } = await import('x402-fetch');
    const pay = legacyWrap(fetch, legacyWalletFor(sandbox, buyer) as never);
    const response = await pay(target.url, chatInit());
    expect(response.status).toBe(200);
    expect(decodeBase64Json(response.headers.get('x-payment-response'))).toMatchObject({ success: true, network: 'base-sepolia' });
    await expectPaidExactly(buyer, target, before);
  });

  it('@x402/fetch with registerV1 pays the v1 seller too', async () => {
    const target = seller(sandbox, 'v1-express');
    const buyer = sandbox.accounts.buyers[2];
    const before = await balances(buyer, target);
    const response = await officialBuyer(buyer).pay(target.url, chatInit());
    expect(response.status).toBe(200);
    await expectPaidExactly(buyer, target, before);
  });
});

describe('replayed authorizations', () => {
  async function payThenReplay(target: SandboxSeller, buyer: SandboxAccount) {
    const { pay, sent } = officialBuyer(buyer);
    const first = await pay(target.url, chatInit());
    expect(first.status).toBe(200);
    const paid = sent.at(-1)!;
    const header = paid.has('payment-signature') ? 'payment-signature' : 'x-payment';
    const before = await balances(buyer, target);
    const replay = await fetch(target.url, chatInit({ [header]: paid.get(header)! }));
    return { replay, before };
  }

  it('the v2 seller refuses a replayed v2 authorization and nobody is charged twice', async () => {
    const target = seller(sandbox, 'v2-express');
    const buyer = sandbox.accounts.buyers[0];
    const { replay, before } = await payThenReplay(target, buyer);
    expect(replay.status).toBe(402);
    expect(await balances(buyer, target)).toEqual(before);
  });

  it('the obol gate refuses a replayed v2 authorization as payment_invalid', async () => {
    const target = seller(sandbox, 'obol-gate');
    const buyer = sandbox.accounts.buyers[0];
    const { replay, before } = await payThenReplay(target, buyer);
    expect(replay.status).toBe(402);
    const body = (await replay.json()) as { extensions?: { paymentFailure?: { reason?: string; detail?: string } } };
    expect(body.extensions?.paymentFailure).toMatchObject({ reason: 'payment_invalid', detail: 'invalid_exact_evm_nonce_already_used' });
    expect(await balances(buyer, target)).toEqual(before);
  });

  // Recorded behaviour: the legacy middleware verifies through the sandbox facilitator (@x402/evm's
  // v1 support), which checks the nonce, so the replay is refused at verify and the route never runs.
  it('the v1 seller refuses a replayed v1 authorization at verify (nonce already used)', async () => {
    const target = seller(sandbox, 'v1-express');
    const buyer = sandbox.accounts.buyers[2];
    const { replay, before } = await payThenReplay(target, buyer);
    expect(replay.status).toBe(402);
    expect(((await replay.json()) as { error?: string }).error).toBe('invalid_exact_evm_nonce_already_used');
    expect(await balances(buyer, target)).toEqual(before);
  });

  // Recorded behaviour: the legacy `x402` library's own verify has no nonce check. A seller that
  // verifies with it and settles later (or never) serves replayed payments.
  it('the legacy x402 verify() accepts an already-settled v1 authorization', async () => {
    const target = seller(sandbox, 'v1-express');
    const buyer = sandbox.accounts.buyers[2];
    const { pay, sent } = officialBuyer(buyer);
    expect((await pay(target.url, chatInit())).status).toBe(200);
    const [{ verify }, { exact }] = await Promise.all([import('x402/facilitator'), import('x402/schemes')]);
    const challenge = (await (await fetch(target.url, chatInit())).json()) as { accepts: unknown[] };
    const decoded = exact.evm.decodePayment(sent.at(-1)!.get('x-payment')!);
    const result = await verify(legacyWalletFor(sandbox, sandbox.accounts.facilitator) as never, decoded, challenge.accepts[0] as never);
    expect(result.isValid).toBe(true);
  });
});

describe('obol gate edge cases', () => {
  it('does not settle when the upstream fails (unknown model: 404), so the buyer keeps the money', async () => {
    const target = seller(sandbox, 'obol-gate');
    const buyer = sandbox.accounts.buyers[1];
    const before = await balances(buyer, target);
    const init = { ...chatInit(), body: JSON.stringify({ model: 'no-such-model:1b', messages: [] }) };
    const response = await officialBuyer(buyer).pay(target.url, init);
    expect(response.status).toBe(404);
    expect(response.headers.get('payment-response')).toBeNull();
    expect(await balances(buyer, target)).toEqual(before);
  });

  it('answers an undecodable payment header with 400 invalid_payment_header', async () => {
    const response = await fetch(seller(sandbox, 'obol-gate').url, chatInit({ 'x-payment': 'not base64 json!' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ reason: 'invalid_payment_header' });
  });

  it('re-challenges a payment for another requirement with no_matching_requirement', async () => {
    const forged = Buffer.from(JSON.stringify({ x402Version: 2, accepted: { scheme: 'exact', network: 'eip155:1', amount: '1', asset: '0x0', payTo: '0x0' }, payload: {} })).toString('base64');
    const response = await fetch(seller(sandbox, 'obol-gate').url, chatInit({ 'payment-signature': forged }));
    expect(response.status).toBe(402);
    const body = decodeBase64Json(response.headers.get('payment-required'));
    expect(body).toEqual(await response.json());
    expect(body).toMatchObject({ extensions: { paymentFailure: { reason: 'no_matching_requirement' } } });
  });

  it('challenges with a JSON body mirrored in PAYMENT-REQUIRED, CAIP-2 entry plus its legacy twin', async () => {
    const target = seller(sandbox, 'obol-gate');
    const response = await fetch(target.url, chatInit());
    expect(response.status).toBe(402);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { x402Version: number; accepts: { network: string; maxTimeoutSeconds: number; extra: unknown }[] };
    expect(decodeBase64Json(response.headers.get('payment-required'))).toEqual(body);
    expect(body.x402Version).toBe(2);
    expect(body.accepts.map((a) => a.network)).toEqual(['eip155:84532', 'base-sepolia']);
    expect(body.accepts[0]).toMatchObject({ maxTimeoutSeconds: 600, extra: { name: 'USDC', version: '2', assetTransferMethod: 'eip3009' } });
  });
});

describe('model-citizen headers', () => {
  it('obol-gate sends what real obol sends: no CORS headers and no Cache-Control on the JSON 402', async () => {
    const response = await fetch(seller(sandbox, 'obol-gate').url, chatInit());
    expect(response.status).toBe(402);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
    expect(response.headers.get('cache-control')).toBeNull();
    expect(response.headers.get('link')).toBe('</api/services.json>; rel="catalog"');
  });

  it.each(['v2-express', 'v1-express'] as const)('%s: CORS exposes the payment headers and a 402 is not cacheable', async (name) => {
    const response = await fetch(seller(sandbox, name).url, chatInit());
    expect(response.status).toBe(402);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/PAYMENT-REQUIRED.*PAYMENT-RESPONSE.*X-PAYMENT-RESPONSE/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const preflight = await fetch(seller(sandbox, name).url, { method: 'OPTIONS', headers: { origin: 'https://buyer.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/PAYMENT-SIGNATURE/);
  });
});
