import { toClientEvmSigner } from '@x402/evm';
import { registerExactEvmScheme } from '@x402/evm/exact/client';
import { UptoEvmScheme } from '@x402/evm/upto/client';
import { wrapFetchWithPayment, x402Client } from '@x402/fetch';
import { erc20Abi, parseEventLogs, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox, SandboxAccount, SandboxPermit2Seller } from '../../src/sandbox/types.js';
import { chatInit, decodeBase64Json, publicClientFor, recordingFetch, usdcBalance } from './helpers.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
});

const permit2Seller = (name: SandboxPermit2Seller['name']) => {
  const found = sandbox.permit2Sellers.find((s) => s.name === name);
  if (!found) throw new Error(`sandbox has no ${name} seller`);
  return found;
};

/** The official v2 buyer with exact (EIP-3009 and Permit2) and upto registered, as an SDK user would. */
function officialBuyer(account: SandboxAccount) {
  const recorder = recordingFetch();
  const signer = toClientEvmSigner(privateKeyToAccount(account.privateKey), publicClientFor(sandbox));
  const client = new x402Client();
  registerExactEvmScheme(client, { signer });
  // On the wildcard like exact: an exact-network entry would shadow the wildcard, and exact with it.
  client.register('eip155:*', new UptoEvmScheme(signer));
  return { client, pay: wrapFetchWithPayment(recorder.fetch, client), sent: recorder.sent };
}

/** What a seller sends the facilitator's /settle, with the requirement as the seller chooses to state it. */
async function settleDirectly(paymentPayload: unknown, paymentRequirements: Record<string, unknown>) {
  const response = await fetch(`${sandbox.facilitatorUrl}/settle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x402Version: 2, paymentPayload, paymentRequirements }) });
  return (await response.json()) as { success: boolean; errorReason?: string; transaction?: string };
}

async function unpaidRequirement(target: SandboxPermit2Seller) {
  const response = await fetch(target.url, chatInit());
  expect(response.status).toBe(402);
  const required = decodeBase64Json(response.headers.get('payment-required')) as { accepts: { scheme: string; amount: string; extra: Record<string, unknown> }[] };
  return required.accepts[0];
}

/** The USDC Transfer events of the settlement transaction named in the receipt. */
async function transfersOf(transaction: Hex) {
  const receipt = await publicClientFor(sandbox).getTransactionReceipt({ hash: transaction });
  return parseEventLogs({ abi: erc20Abi, eventName: 'Transfer', logs: receipt.logs.filter((l) => l.address.toLowerCase() === sandbox.usdc.toLowerCase()) });
}

describe('/supported of the sandbox facilitator', () => {
  it('lists exact and upto on eip155:84532, upto with the facilitator address the witness must bind', async () => {
    const supported = (await (await fetch(`${sandbox.facilitatorUrl}/supported`)).json()) as { kinds: { x402Version: number; scheme: string; network: string; extra?: Record<string, unknown> }[] };
    const kind = (scheme: string) => supported.kinds.find((k) => k.x402Version === 2 && k.scheme === scheme && k.network === 'eip155:84532');
    expect(kind('exact')).toBeDefined();
    expect(kind('upto')?.extra).toEqual({ facilitatorAddress: sandbox.accounts.facilitator.address });
  });
});

describe('official buyers pay the Permit2 sellers through the sandbox facilitator', () => {
  it('exact-permit2 advertises Permit2, and @x402/fetch pays it through the exact proxy', async () => {
    const target = permit2Seller('exact-permit2');
    const requirement = await unpaidRequirement(target);
    expect(requirement).toMatchObject({ scheme: 'exact', amount: target.amount, extra: { assetTransferMethod: 'permit2' } });
    const buyer = sandbox.accounts.buyers[0];
    const before = [await usdcBalance(sandbox, buyer.address), await usdcBalance(sandbox, target.payTo)];
    const { pay, sent } = officialBuyer(buyer);
    const response = await pay(target.url, chatInit());
    expect(response.status).toBe(200);
    expect(((await response.json()) as { object: string }).object).toBe('chat.completion');
    const payment = decodeBase64Json(sent.at(-1)?.get('payment-signature') ?? null) as { payload: { permit2Authorization?: { spender: string } } };
    expect(payment.payload.permit2Authorization?.spender).toBe(sandbox.x402ExactPermit2Proxy);
    const receipt = decodeBase64Json(response.headers.get('payment-response')) as { success: boolean; transaction: Hex; payer: string };
    expect(receipt).toMatchObject({ success: true, network: 'eip155:84532', payer: buyer.address });
    expect(await usdcBalance(sandbox, buyer.address)).toBe(before[0] - BigInt(target.amount));
    expect(await usdcBalance(sandbox, target.payTo)).toBe(before[1] + BigInt(target.amount));
    const [transfer] = await transfersOf(receipt.transaction);
    expect(transfer.args).toEqual({ from: buyer.address, to: target.payTo, value: BigInt(target.amount) });
  });

  it('upto names the facilitator, the buyer signs the maximum, and the seller settles the fraction its receipt states', async () => {
    const target = permit2Seller('upto');
    const requirement = await unpaidRequirement(target);
    expect(requirement).toMatchObject({ scheme: 'upto', amount: target.amount, extra: { assetTransferMethod: 'permit2', facilitatorAddress: sandbox.accounts.facilitator.address } });
    expect(BigInt(target.settles)).toBeLessThan(BigInt(target.amount));
    const buyer = sandbox.accounts.buyers[1];
    const before = [await usdcBalance(sandbox, buyer.address), await usdcBalance(sandbox, target.payTo)];
    const { pay, sent } = officialBuyer(buyer);
    const response = await pay(target.url, chatInit());
    expect(response.status).toBe(200);
    const payment = decodeBase64Json(sent.at(-1)?.get('payment-signature') ?? null) as { payload: { permit2Authorization: { spender: string; permitted: { amount: string }; witness: { facilitator: string } } } };
    expect(payment.payload.permit2Authorization).toMatchObject({ spender: sandbox.x402UptoPermit2Proxy, permitted: { amount: target.amount }, witness: { facilitator: sandbox.accounts.facilitator.address } });
    const receipt = decodeBase64Json(response.headers.get('payment-response')) as { success: boolean; transaction: Hex; amount: string };
    expect(receipt).toMatchObject({ success: true, network: 'eip155:84532', amount: target.settles });
    expect(await usdcBalance(sandbox, buyer.address)).toBe(before[0] - BigInt(target.settles));
    expect(await usdcBalance(sandbox, target.payTo)).toBe(before[1] + BigInt(target.settles));
    const [transfer] = await transfersOf(receipt.transaction);
    expect(transfer.args).toEqual({ from: buyer.address, to: target.payTo, value: BigInt(target.settles) });
  });

  it('a replayed Permit2 payment is refused and moves nothing', async () => {
    for (const name of ['exact-permit2', 'upto'] as const) {
      const target = permit2Seller(name);
      const buyer = sandbox.accounts.buyers[2];
      const { pay, sent } = officialBuyer(buyer);
      expect((await pay(target.url, chatInit())).status).toBe(200);
      const header = sent.at(-1)?.get('payment-signature');
      expect(header).toBeTruthy();
      const before = await usdcBalance(sandbox, target.payTo);
      const replay = await fetch(target.url, chatInit({ 'payment-signature': header! }));
      expect(replay.status, name).not.toBe(200);
      expect(await usdcBalance(sandbox, target.payTo), name).toBe(before);
    }
  });

  it('a greedy upto seller that asks the facilitator for more than the signed maximum, or for another payTo, is refused and nothing moves', async () => {
    const target = permit2Seller('upto');
    const challenge = await fetch(target.url, chatInit());
    const paymentRequired = decodeBase64Json(challenge.headers.get('payment-required')) as Parameters<x402Client['createPaymentPayload']>[0];
    const buyer = sandbox.accounts.buyers[0];
    const payload = await officialBuyer(buyer).client.createPaymentPayload(paymentRequired);
    const requirement = paymentRequired.accepts[0] as unknown as Record<string, unknown>;
    const before = await usdcBalance(sandbox, buyer.address);
    const greedy = await settleDirectly(payload, { ...requirement, amount: (BigInt(target.amount) + 1n).toString() });
    expect(greedy).toMatchObject({ success: false, errorReason: 'invalid_upto_evm_payload_settlement_exceeds_amount' });
    const redirected = await settleDirectly(payload, { ...requirement, amount: target.settles, payTo: sandbox.accounts.sellers[0].address });
    expect(redirected.success).toBe(false);
    expect(await usdcBalance(sandbox, buyer.address)).toBe(before);
    // The untouched payment still settles for what the seller may take.
    expect(await settleDirectly(payload, { ...requirement, amount: target.settles })).toMatchObject({ success: true });
    expect(await usdcBalance(sandbox, buyer.address)).toBe(before - BigInt(target.settles));
  });
});
